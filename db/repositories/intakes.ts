/** The patient's intake versions (migration 022): insert and read only. */
import type { Actor } from '#shared/contract/common';
import { IntakeSchema, type Intake, type IntakeVersion } from '#shared/contract/intake';
import { readStored } from '#shared/contract/text';
import { canonicalJson } from '#shared/domain/canonical-json';
import type { Db } from '../connection';

interface IntakeRow {
  id: string;
  patient_id: string;
  replaces_id: string | null;
  body: string;
  recorded_at: string;
  recorded_by_name: string;
  recorded_by_role: Actor['role'];
}

const toVersion = (r: IntakeRow): IntakeVersion => ({
  id: r.id,
  patientId: r.patient_id,
  replacesId: r.replaces_id,
  intake: readStored(() => IntakeSchema.parse(JSON.parse(r.body))),
  recordedBy: { name: r.recorded_by_name, role: r.recorded_by_role },
  recordedAt: r.recorded_at,
});

const COLUMNS = 'id, patient_id, replaces_id, body, recorded_at, recorded_by_name, recorded_by_role';

export function createIntakeRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO patient_intakes (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const history = db.prepare<[string], IntakeRow>(`SELECT ${COLUMNS} FROM patient_intakes WHERE patient_id = ? ORDER BY seq DESC`);
  const latest = db.prepare<[string], IntakeRow>(`SELECT ${COLUMNS} FROM patient_intakes WHERE patient_id = ? ORDER BY seq DESC LIMIT 1`);
  const byId = db.prepare<[string], IntakeRow>(`SELECT ${COLUMNS} FROM patient_intakes WHERE id = ?`);

  return {
    add(id: string, patientId: string, intake: Intake, replacesId: string | null, at: string, by: Actor): void {
      insert.run(id, patientId, replacesId, canonicalJson(intake), at, by.name, by.role);
    },
    /** Every version of the patient's intake, newest first. */
    history(patientId: string): IntakeVersion[] {
      return history.all(patientId).map(toVersion);
    },
    latest(patientId: string): IntakeVersion | null {
      const r = latest.get(patientId);
      return r ? toVersion(r) : null;
    },
    get(id: string): IntakeVersion | null {
      const r = byId.get(id);
      return r ? toVersion(r) : null;
    },
  };
}
export type IntakeRepository = ReturnType<typeof createIntakeRepository>;
