/** Encounter state, its transitions, and the append-only structured records. */
import type { Actor } from '#shared/contract/common';
import type { Blocker, EncounterRecord, RecordData, Transition } from '#shared/contract/encounter-records';
import type { EncounterState } from '#shared/workflow/states';
import type { Db } from '../connection';

interface TransitionRow {
  seq: number;
  from_state: EncounterState;
  to_state: EncounterState;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  reason: string | null;
  overridden_json: string;
}

interface RecordRow {
  id: string;
  kind: RecordData['kind'];
  data_json: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  v_at: string | null;
  v_by_name: string | null;
  v_by_role: Actor['role'] | null;
  v_reason: string | null;
}

export function createWorkflowRepository(db: Db) {
  const setState = db.prepare('UPDATE encounters SET state = ? WHERE id = ? AND state = ?');
  const insertTransition = db.prepare(
    `INSERT INTO encounter_transitions (encounter_id, from_state, to_state, at, by_name, by_role, reason, overridden_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const transitions = db.prepare<[string], TransitionRow>(
    'SELECT seq, from_state, to_state, at, by_name, by_role, reason, overridden_json FROM encounter_transitions WHERE encounter_id = ? ORDER BY seq',
  );
  const insertRecord = db.prepare(
    'INSERT INTO encounter_records (id, encounter_id, kind, data_json, at, by_name, by_role) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertVoid = db.prepare('INSERT INTO encounter_record_voids (record_id, at, by_name, by_role, reason) VALUES (?, ?, ?, ?, ?)');
  const records = db.prepare<[string], RecordRow>(
    `SELECT r.id, r.kind, r.data_json, r.at, r.by_name, r.by_role,
       v.at AS v_at, v.by_name AS v_by_name, v.by_role AS v_by_role, v.reason AS v_reason
     FROM encounter_records r LEFT JOIN encounter_record_voids v ON v.record_id = r.id
     WHERE r.encounter_id = ? ORDER BY r.seq`,
  );
  const recordOwner = db.prepare<[string], { encounter_id: string }>('SELECT encounter_id FROM encounter_records WHERE id = ?');

  return {
    /** Moves the state only if it is still `from`: a concurrent change makes this return false. */
    transition(encounterId: string, from: EncounterState, to: EncounterState, at: string, by: Actor, reason: string | null, overridden: Blocker[]): boolean {
      if (setState.run(to, encounterId, from).changes !== 1) return false;
      insertTransition.run(encounterId, from, to, at, by.name, by.role, reason, JSON.stringify(overridden));
      return true;
    },
    transitions(encounterId: string): Transition[] {
      return transitions.all(encounterId).map((r) => ({
        seq: r.seq,
        from: r.from_state,
        to: r.to_state,
        at: r.at,
        by: { name: r.by_name, role: r.by_role },
        reason: r.reason,
        overridden: JSON.parse(r.overridden_json) as Blocker[],
      }));
    },
    addRecord(id: string, encounterId: string, entry: RecordData, at: string, by: Actor): void {
      insertRecord.run(id, encounterId, entry.kind, JSON.stringify(entry.data), at, by.name, by.role);
    },
    voidRecord(recordId: string, at: string, by: Actor, reason: string): void {
      insertVoid.run(recordId, at, by.name, by.role, reason);
    },
    encounterOfRecord(recordId: string): string | null {
      return recordOwner.get(recordId)?.encounter_id ?? null;
    },
    records(encounterId: string): EncounterRecord[] {
      return records.all(encounterId).map((r) => ({
        id: r.id,
        at: r.at,
        by: { name: r.by_name, role: r.by_role },
        voided: r.v_at ? { at: r.v_at, by: { name: r.v_by_name!, role: r.v_by_role! }, reason: r.v_reason! } : null,
        entry: { kind: r.kind, data: JSON.parse(r.data_json) as unknown } as RecordData,
      }));
    },
  };
}
export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
