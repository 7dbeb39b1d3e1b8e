/** Patient-level clinical facts, their removals, each encounter's confirmations, and encounters' planned starts: all append-only. */
import type { Actor } from '#shared/contract/common';
import type { Confirmation, PatientFact, PatientFactData } from '#shared/contract/patient-facts';
import type { Db } from '../connection';

interface FactRow {
  id: string;
  patient_id: string;
  kind: PatientFactData['kind'];
  data_json: string;
  replaces_id: string | null;
  encounter_id: string | null;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  replaced_by: string | null;
  r_at: string | null;
  r_by_name: string | null;
  r_by_role: Actor['role'] | null;
  r_reason: string | null;
}

interface ConfirmationRow {
  id: string;
  encounter_id: string;
  fact_ids_json: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
}

export interface PlannedStart {
  plannedStartAt: string;
  at: string;
  by: Actor;
}

const toFact = (r: FactRow): PatientFact => ({
  id: r.id,
  patientId: r.patient_id,
  entry: { kind: r.kind, data: JSON.parse(r.data_json) as unknown } as PatientFactData,
  replacesId: r.replaces_id,
  encounterId: r.encounter_id,
  at: r.at,
  by: { name: r.by_name, role: r.by_role },
  replacedBy: r.replaced_by,
  removed: r.r_at ? { at: r.r_at, by: { name: r.r_by_name!, role: r.r_by_role! }, reason: r.r_reason! } : null,
});

export function createPatientFactRepository(db: Db) {
  const insertFact = db.prepare(
    `INSERT INTO patient_facts (id, patient_id, kind, data_json, replaces_id, encounter_id, at, by_name, by_role)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRemoval = db.prepare('INSERT INTO patient_fact_removals (fact_id, at, by_name, by_role, reason) VALUES (?, ?, ?, ?, ?)');
  const facts = db.prepare<[string], FactRow>(
    `SELECT f.id, f.patient_id, f.kind, f.data_json, f.replaces_id, f.encounter_id, f.at, f.by_name, f.by_role,
       (SELECT n.id FROM patient_facts n WHERE n.replaces_id = f.id) AS replaced_by,
       r.at AS r_at, r.by_name AS r_by_name, r.by_role AS r_by_role, r.reason AS r_reason
     FROM patient_facts f LEFT JOIN patient_fact_removals r ON r.fact_id = f.id
     WHERE f.patient_id = ? ORDER BY f.seq`,
  );
  const insertConfirmation = db.prepare(
    'INSERT INTO patient_fact_confirmations (id, encounter_id, fact_ids_json, at, by_name, by_role) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const confirmations = db.prepare<[string], ConfirmationRow>(
    'SELECT id, encounter_id, fact_ids_json, at, by_name, by_role FROM patient_fact_confirmations WHERE encounter_id = ? ORDER BY seq',
  );
  const insertPlannedStart = db.prepare('INSERT INTO encounter_planned_starts (encounter_id, planned_start_at, at, by_name, by_role) VALUES (?, ?, ?, ?, ?)');
  const plannedStart = db.prepare<[string], { planned_start_at: string; at: string; by_name: string; by_role: Actor['role'] }>(
    'SELECT planned_start_at, at, by_name, by_role FROM encounter_planned_starts WHERE encounter_id = ? ORDER BY seq DESC LIMIT 1',
  );

  return {
    add(id: string, patientId: string, entry: PatientFactData, replacesId: string | null, encounterId: string | null, at: string, by: Actor): void {
      insertFact.run(id, patientId, entry.kind, JSON.stringify(entry.data), replacesId, encounterId, at, by.name, by.role);
    },
    remove(factId: string, at: string, by: Actor, reason: string): void {
      insertRemoval.run(factId, at, by.name, by.role, reason);
    },
    /** Every fact of the patient, replaced and removed ones included, oldest first. */
    list(patientId: string): PatientFact[] {
      return facts.all(patientId).map(toFact);
    },
    confirm(id: string, encounterId: string, factIds: readonly string[], at: string, by: Actor): void {
      insertConfirmation.run(id, encounterId, JSON.stringify(factIds), at, by.name, by.role);
    },
    confirmations(encounterId: string): Confirmation[] {
      return confirmations.all(encounterId).map((r) => ({
        id: r.id,
        encounterId: r.encounter_id,
        factIds: JSON.parse(r.fact_ids_json) as string[],
        at: r.at,
        by: { name: r.by_name, role: r.by_role },
      }));
    },
    setPlannedStart(encounterId: string, plannedStartAt: string, at: string, by: Actor): void {
      insertPlannedStart.run(encounterId, plannedStartAt, at, by.name, by.role);
    },
    /** The latest planned start a person entered, or null. */
    plannedStart(encounterId: string): PlannedStart | null {
      const r = plannedStart.get(encounterId);
      return r ? { plannedStartAt: r.planned_start_at, at: r.at, by: { name: r.by_name, role: r.by_role } } : null;
    },
  };
}
export type PatientFactRepository = ReturnType<typeof createPatientFactRepository>;
