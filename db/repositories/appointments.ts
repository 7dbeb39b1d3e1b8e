/**
 * The day's appointments (migration 021), keyed by source and the source's id, with the inbound log and
 * the history of demographics an A08 changed. Rows are upserted by that key: a message imported twice
 * changes nothing the second time.
 */
import type { Patient } from '#shared/contract/patient';
import type { Appointment } from '#shared/contract/schedule';
import type { InboundAppointment, InboundPatient } from '#shared/contract/schedule-inbound';
import type { Db } from '../connection';
import { foldForSearch, PATIENT_COLUMNS, toPatient } from './patients';

interface Row {
  id: string; source: 'hl7' | 'fhir'; source_id: string; patient_id: string; date: string; time: string | null;
  location: string | null; visit_number: string | null; procedure_text: string | null; status: 'booked' | 'cancelled';
  encounter_id: string | null; updated_at: string;
}

export type InboundChannel = 'mllp' | 'folder' | 'fhir';

const COLUMNS = 'a.id, a.source, a.source_id, a.patient_id, a.date, a.time, a.location, a.visit_number, a.procedure_text, a.status, a.encounter_id, a.updated_at';
const PATIENT = PATIENT_COLUMNS.split(', ').map((c) => `p.${c} AS p_${c}`).join(', ');

export function createAppointmentRepository(db: Db) {
  const bySource = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM appointments a WHERE source = ? AND source_id = ?`);
  const insert = db.prepare(
    `INSERT INTO appointments (id, source, source_id, patient_id, date, time, location, visit_number, procedure_text, status, imported_at, updated_at)
     VALUES (@id, @source, @sourceId, @patientId, @date, @time, @location, @visitNumber, @procedureText, @status, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE appointments SET date = @date, time = @time, location = @location, visit_number = @visitNumber,
       procedure_text = @procedureText, status = @status, updated_at = @at WHERE id = @id`,
  );
  const list = db.prepare<[string], Row & Record<string, string>>(
    `SELECT ${COLUMNS}, ${PATIENT} FROM appointments a JOIN patients p ON p.id = a.patient_id
     WHERE a.date = ? ORDER BY a.time IS NULL, a.time, p.family_key, a.id`,
  );
  const one = db.prepare<[string], Row & Record<string, string>>(`SELECT ${COLUMNS}, ${PATIENT} FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = ?`);
  const setEncounter = db.prepare('UPDATE appointments SET encounter_id = ? WHERE id = ?');
  const log = db.prepare('INSERT INTO schedule_inbound_log (channel, message_id, outcome, reason, at) VALUES (?, ?, ?, ?, ?)');
  const demographics = db.prepare(
    `UPDATE patients SET family_name = @familyName, given_name = @givenName, family_key = @familyKey, given_key = @givenKey,
       birth_date = @birthDate, sex = @sex WHERE id = @id`,
  );
  const language = db.prepare('UPDATE patients SET language = ? WHERE id = ?');
  const change = db.prepare('INSERT INTO patient_demographic_changes (patient_id, before_json, after_json, message_id, channel, at) VALUES (?, ?, ?, ?, ?, ?)');

  const toAppointment = (r: Row & Record<string, string>): Appointment => ({
    id: r.id, source: r.source, sourceId: r.source_id, date: r.date, time: r.time, location: r.location, visitNumber: r.visit_number,
    procedureText: r.procedure_text, status: r.status, encounterId: r.encounter_id, updatedAt: r.updated_at,
    patient: toPatient({ id: r.p_id!, mrn: r.p_mrn!, family_name: r.p_family_name!, given_name: r.p_given_name!, birth_date: r.p_birth_date!, sex: r.p_sex as 'unknown', language: r.p_language ?? null, payer: (r.p_payer ?? null) as Patient['payer'], created_at: r.p_created_at! }),
  });

  return {
    bySource(source: 'hl7' | 'fhir', sourceId: string): { id: string; patientId: string; same: (a: InboundAppointment) => boolean } | undefined {
      const row = bySource.get(source, sourceId);
      if (!row) return undefined;
      const same = (a: InboundAppointment) => row.date === a.date && row.time === a.time && row.location === a.location
        && row.visit_number === a.visitNumber && row.procedure_text === a.procedureText && row.status === a.status;
      return { id: row.id, patientId: row.patient_id, same };
    },
    insert(id: string, source: 'hl7' | 'fhir', patientId: string, a: InboundAppointment, at: string): void {
      insert.run({ ...a, id, source, patientId, at });
    },
    update(id: string, a: InboundAppointment, at: string): void {
      update.run({ ...a, id, at });
    },
    list(date: string): Appointment[] {
      return list.all(date).map(toAppointment);
    },
    get(id: string): Appointment | undefined {
      const row = one.get(id);
      return row && toAppointment(row);
    },
    setEncounter(id: string, encounterId: string): void {
      setEncounter.run(encounterId, id);
    },
    log(channel: InboundChannel, messageId: string, outcome: 'accepted' | 'refused', reason: string, at: string): void {
      log.run(channel, messageId.slice(0, 200), outcome, reason.slice(0, 2000), at);
    },
    /** An A08's new demographics, with the before and after kept. */
    updateDemographics(patientId: string, before: InboundPatient, after: InboundPatient, messageId: string, channel: InboundChannel, at: string): void {
      demographics.run({ ...after, id: patientId, familyKey: foldForSearch(after.familyName), givenKey: foldForSearch(after.givenName) });
      change.run(patientId, JSON.stringify(before), JSON.stringify(after), messageId, channel, at);
    },
    /** The preferred language the EHR sent, with the before and after kept beside the other demographics' changes. */
    updateLanguage(patientId: string, before: string | null, after: string, messageId: string, channel: InboundChannel, at: string): void {
      language.run(after, patientId);
      change.run(patientId, JSON.stringify({ language: before }), JSON.stringify({ language: after }), messageId, channel, at);
    },
  };
}
export type AppointmentRepository = ReturnType<typeof createAppointmentRepository>;
