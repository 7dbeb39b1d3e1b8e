/**
 * Follow-ups and pain diaries (migration 010): insert and read only. A
 * void is its own row; nothing here updates or deletes.
 */
import type { Actor } from '#shared/contract/common';
import type { DiaryEntry, FollowUp, PainDiary, ReliefDuration } from '#shared/contract/follow-up';
import type { Db } from '../connection';

/** Who acted, as stored: the session's actor and account id. */
export interface RecordedBy {
  actor: Actor;
  userId: string;
}

interface VoidColumns {
  v_at: string | null;
  v_by_name: string | null;
  v_by_role: Actor['role'] | null;
  v_reason: string | null;
}

interface FollowUpRow extends VoidColumns {
  id: string;
  encounter_id: string;
  seen_at: string;
  pain_score: number;
  work_interference: number | null;
  sleep_interference: number | null;
  activity_interference: number | null;
  percent_relief: number | null;
  relief_duration: number | null;
  relief_duration_unit: ReliefDuration['unit'] | null;
  relief_ongoing: number;
  notes: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
}

interface DiaryRow extends VoidColumns {
  id: string;
  encounter_id: string;
  block_at: string;
  baseline: number;
  local_anaesthetic: string;
  notes: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  entries: string;
}

const voided = (r: VoidColumns) => (r.v_at ? { at: r.v_at, by: { name: r.v_by_name!, role: r.v_by_role! }, reason: r.v_reason! } : null);

function toFollowUp(r: FollowUpRow): FollowUp {
  return {
    id: r.id,
    encounterId: r.encounter_id,
    seenAt: r.seen_at,
    painScore: r.pain_score,
    function: { work: r.work_interference, sleep: r.sleep_interference, dailyActivities: r.activity_interference },
    percentRelief: r.percent_relief,
    reliefDuration: r.relief_duration !== null && r.relief_duration_unit ? { value: r.relief_duration, unit: r.relief_duration_unit } : null,
    reliefOngoing: r.relief_ongoing === 1,
    notes: r.notes,
    at: r.at,
    by: { name: r.by_name, role: r.by_role },
    voided: voided(r),
  };
}

function toDiary(r: DiaryRow): PainDiary {
  // "minutes:score" pairs joined by commas, in time order (see the query).
  const entries = r.entries
    ? r.entries.split(',').map((pair) => {
        const [minutes, score] = pair.split(':').map(Number) as [number, number];
        return { hours: minutes / 60, score };
      })
    : [];
  return {
    id: r.id,
    encounterId: r.encounter_id,
    blockAt: r.block_at,
    baseline: r.baseline,
    localAnaesthetic: r.local_anaesthetic,
    entries,
    notes: r.notes,
    at: r.at,
    by: { name: r.by_name, role: r.by_role },
    voided: voided(r),
  };
}

export function createFollowUpRepository(db: Db) {
  const insertFollowUp = db.prepare(
    `INSERT INTO follow_ups (id, encounter_id, seen_at, pain_score, work_interference, sleep_interference, activity_interference,
       percent_relief, relief_duration, relief_duration_unit, relief_ongoing, notes, at, by_name, by_role, by_user_id)
     VALUES (@id, @encounterId, @seenAt, @painScore, @work, @sleep, @activities, @percentRelief, @duration, @unit, @ongoing, @notes, @at, @byName, @byRole, @byUserId)`,
  );
  const insertFollowUpVoid = db.prepare('INSERT INTO follow_up_voids (follow_up_id, reason, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?)');
  const followUps = db.prepare<[string], FollowUpRow>(
    `SELECT f.*, v.at AS v_at, v.by_name AS v_by_name, v.by_role AS v_by_role, v.reason AS v_reason
     FROM follow_ups f LEFT JOIN follow_up_voids v ON v.follow_up_id = f.id
     WHERE f.encounter_id = ? ORDER BY f.seen_at, f.at`,
  );
  const insertDiary = db.prepare(
    `INSERT INTO pain_diaries (id, encounter_id, block_at, baseline, local_anaesthetic, notes, at, by_name, by_role, by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare('INSERT INTO pain_diary_entries (diary_id, minutes_after, score) VALUES (?, ?, ?)');
  const insertDiaryVoid = db.prepare('INSERT INTO pain_diary_voids (diary_id, reason, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?)');
  const diaries = db.prepare<[string], DiaryRow>(
    `SELECT d.id, d.encounter_id, d.block_at, d.baseline, d.local_anaesthetic, d.notes, d.at, d.by_name, d.by_role,
       (SELECT group_concat(minutes_after || ':' || score, ',') FROM
          (SELECT minutes_after, score FROM pain_diary_entries WHERE diary_id = d.id ORDER BY minutes_after)) AS entries,
       v.at AS v_at, v.by_name AS v_by_name, v.by_role AS v_by_role, v.reason AS v_reason
     FROM pain_diaries d LEFT JOIN pain_diary_voids v ON v.diary_id = d.id
     WHERE d.encounter_id = ? ORDER BY d.block_at, d.at`,
  );
  const encountersOfPatient = db.prepare<[string], { id: string }>(
    'SELECT id FROM encounters WHERE patient_id = ? ORDER BY planned_date, created_at',
  );

  return {
    addFollowUp(id: string, encounterId: string, input: Omit<FollowUp, 'id' | 'encounterId' | 'at' | 'by' | 'voided'>, at: string, by: RecordedBy): void {
      insertFollowUp.run({
        id,
        encounterId,
        seenAt: input.seenAt,
        painScore: input.painScore,
        work: input.function.work,
        sleep: input.function.sleep,
        activities: input.function.dailyActivities,
        percentRelief: input.percentRelief,
        duration: input.reliefDuration?.value ?? null,
        unit: input.reliefDuration?.unit ?? null,
        ongoing: input.reliefOngoing ? 1 : 0,
        notes: input.notes,
        at,
        byName: by.actor.name,
        byRole: by.actor.role,
        byUserId: by.userId,
      });
    },
    followUps(encounterId: string): FollowUp[] {
      return followUps.all(encounterId).map(toFollowUp);
    },
    /** A diary and its entries; the caller runs it inside the write's transaction. */
    addDiary(id: string, encounterId: string, input: { blockAt: string; baseline: number; localAnaesthetic: string; entries: readonly DiaryEntry[]; notes: string }, at: string, by: RecordedBy): void {
      insertDiary.run(id, encounterId, input.blockAt, input.baseline, input.localAnaesthetic, input.notes, at, by.actor.name, by.actor.role, by.userId);
      // Stored as whole minutes: the diary times include half an hour.
      for (const e of input.entries) insertEntry.run(id, Math.round(e.hours * 60), e.score);
    },
    diaries(encounterId: string): PainDiary[] {
      return diaries.all(encounterId).map(toDiary);
    },
    voidRecord(kind: 'follow-up' | 'diary', id: string, reason: string, at: string, by: RecordedBy): void {
      (kind === 'follow-up' ? insertFollowUpVoid : insertDiaryVoid).run(id, reason, at, by.actor.name, by.actor.role, by.userId);
    },
    /** The patient's encounters, oldest planned first (ids only; load each through the encounter repository). */
    encounterIdsOfPatient(patientId: string): string[] {
      return encountersOfPatient.all(patientId).map((r) => r.id);
    },
  };
}
export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
