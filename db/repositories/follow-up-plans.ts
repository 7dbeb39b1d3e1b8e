/**
 * Follow-up contacts planned ahead (migration 016): insert and read only. A
 * void is its own row. A plan counts as done once a follow-up (not
 * voided) is recorded on its encounter after the plan was made.
 */
import type { Actor } from '#shared/contract/common';
import type { FollowUpPlan } from '#shared/contract/follow-up-plan';
import type { Db } from '../connection';
import type { RecordedBy } from './follow-ups';

interface PlanRow {
  id: string;
  encounter_id: string;
  due_date: string;
  how: FollowUpPlan['how'];
  notes: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  v_at: string | null;
  v_by_name: string | null;
  v_by_role: Actor['role'] | null;
  v_reason: string | null;
  done: number;
}

const toPlan = (r: PlanRow): FollowUpPlan => ({
  id: r.id,
  encounterId: r.encounter_id,
  dueDate: r.due_date,
  how: r.how,
  notes: r.notes,
  at: r.at,
  by: { name: r.by_name, role: r.by_role },
  voided: r.v_at ? { at: r.v_at, by: { name: r.v_by_name!, role: r.v_by_role! }, reason: r.v_reason! } : null,
  done: r.done === 1,
});

const SELECT = `SELECT p.*, v.at AS v_at, v.by_name AS v_by_name, v.by_role AS v_by_role, v.reason AS v_reason,
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.encounter_id = p.encounter_id AND f.at >= p.at
            AND NOT EXISTS (SELECT 1 FROM follow_up_voids fv WHERE fv.follow_up_id = f.id)) AS done
  FROM follow_up_plans p LEFT JOIN follow_up_plan_voids v ON v.plan_id = p.id`;

/** A procedure done on a date, with no follow-up recorded and no plan open or done (the clinic's interval applies). */
export interface UnplannedProcedure {
  encounterId: string;
  plannedDate: string;
}

export function createFollowUpPlanRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO follow_up_plans (id, encounter_id, due_date, how, notes, at, by_name, by_role, by_user_id)
     VALUES (@id, @encounterId, @dueDate, @how, @notes, @at, @byName, @byRole, @byUserId)`,
  );
  const insertVoid = db.prepare('INSERT INTO follow_up_plan_voids (plan_id, reason, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?)');
  const ofEncounter = db.prepare<[string], PlanRow>(`${SELECT} WHERE p.encounter_id = ? ORDER BY p.due_date, p.at`);
  const openDueBy = db.prepare<[string], PlanRow>(`SELECT * FROM (${SELECT} WHERE p.due_date <= ?) WHERE v_at IS NULL AND done = 0 ORDER BY due_date, at`);
  // States in which the procedure has been done (db/handlers/follow-up.ts, OUTCOME_STATES).
  const unplanned = db.prepare<[string, string], { id: string; planned_date: string }>(
    `SELECT e.id, e.planned_date FROM encounters e
     WHERE e.state IN ('procedure', 'recovery', 'discharged') AND e.planned_date BETWEEN ? AND ?
       AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.encounter_id = e.id AND NOT EXISTS (SELECT 1 FROM follow_up_voids fv WHERE fv.follow_up_id = f.id))
       AND NOT EXISTS (SELECT 1 FROM follow_up_plans p WHERE p.encounter_id = e.id AND NOT EXISTS (SELECT 1 FROM follow_up_plan_voids pv WHERE pv.plan_id = p.id))
     ORDER BY e.planned_date, e.created_at`,
  );

  return {
    add(plan: Pick<FollowUpPlan, 'id' | 'encounterId' | 'dueDate' | 'how' | 'notes' | 'at'>, by: RecordedBy): void {
      insert.run({ ...plan, byName: by.actor.name, byRole: by.actor.role, byUserId: by.userId });
    },
    voidPlan(id: string, reason: string, at: string, by: RecordedBy): void {
      insertVoid.run(id, reason, at, by.actor.name, by.actor.role, by.userId);
    },
    ofEncounter(encounterId: string): FollowUpPlan[] {
      return ofEncounter.all(encounterId).map(toPlan);
    },
    /** Plans neither voided nor done, due on or before the date (overdue ones included). */
    openDueBy(date: string): FollowUpPlan[] {
      return openDueBy.all(date).map(toPlan);
    },
    /** Procedures done between two dates (inclusive) with no follow-up and no plan. */
    unplannedBetween(from: string, to: string): UnplannedProcedure[] {
      return unplanned.all(from, to).map((r) => ({ encounterId: r.id, plannedDate: r.planned_date }));
    },
  };
}
export type FollowUpPlanRepository = ReturnType<typeof createFollowUpPlanRepository>;
