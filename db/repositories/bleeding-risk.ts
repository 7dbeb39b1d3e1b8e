/**
 * Physicians' raises of an encounter's bleeding-risk class (migration 011):
 * insert and read only. A void is its own row; nothing here updates or deletes.
 */
import type { BleedingRiskRaise } from '#shared/contract/encounter-bleeding-risk';
import type { Actor } from '#shared/contract/common';
import type { Db } from '../connection';
import type { RecordedBy } from './follow-ups';

interface RaiseRow {
  id: string;
  encounter_id: string;
  from_class: BleedingRiskRaise['fromClass'];
  to_class: BleedingRiskRaise['toClass'];
  reason_category: BleedingRiskRaise['reasonCategory'];
  reason: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  w_at: string | null;
  w_by_name: string | null;
  w_by_role: Actor['role'] | null;
  w_reason: string | null;
}

const toRaise = (r: RaiseRow): BleedingRiskRaise => ({
  id: r.id,
  encounterId: r.encounter_id,
  fromClass: r.from_class,
  toClass: r.to_class,
  reasonCategory: r.reason_category,
  reason: r.reason,
  at: r.at,
  by: { name: r.by_name, role: r.by_role },
  voided: r.w_at ? { at: r.w_at, by: { name: r.w_by_name!, role: r.w_by_role! }, reason: r.w_reason! } : null,
});

export function createBleedingRiskRepository(db: Db) {
  const insertRaise = db.prepare(
    `INSERT INTO bleeding_risk_raises (id, encounter_id, from_class, to_class, reason_category, reason, at, by_name, by_role, by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVoid = db.prepare(
    'INSERT INTO bleeding_risk_raise_withdrawals (raise_id, reason, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const raises = db.prepare<[string], RaiseRow>(
    `SELECT r.id, r.encounter_id, r.from_class, r.to_class, r.reason_category, r.reason, r.at, r.by_name, r.by_role,
       w.at AS w_at, w.by_name AS w_by_name, w.by_role AS w_by_role, w.reason AS w_reason
     FROM bleeding_risk_raises r LEFT JOIN bleeding_risk_raise_withdrawals w ON w.raise_id = r.id
     WHERE r.encounter_id = ? ORDER BY r.seq`,
  );

  return {
    add(id: string, encounterId: string, raise: Pick<BleedingRiskRaise, 'fromClass' | 'toClass' | 'reasonCategory' | 'reason'>, at: string, by: RecordedBy): void {
      insertRaise.run(id, encounterId, raise.fromClass, raise.toClass, raise.reasonCategory, raise.reason, at, by.actor.name, by.actor.role, by.userId);
    },
    voidRaise(raiseId: string, reason: string, at: string, by: RecordedBy): void {
      insertVoid.run(raiseId, reason, at, by.actor.name, by.actor.role, by.userId);
    },
    /** The encounter's raises, voided ones included, oldest first. */
    list(encounterId: string): BleedingRiskRaise[] {
      return raises.all(encounterId).map(toRaise);
    },
  };
}
export type BleedingRiskRepository = ReturnType<typeof createBleedingRiskRepository>;
