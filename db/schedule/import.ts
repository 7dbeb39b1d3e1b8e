/**
 * Importing one inbound schedule message (issue 19, points 6 and 9), all or nothing: the patient matched
 * by MRN (created if new, never a second one; demographics changed only by an A08, before and after kept;
 * a preferred language the EHR sends fills a blank one, and changes a recorded one only by an A08),
 * the appointment upserted by its source id, the log row and the audit entry, in one transaction. A refusal
 * changes nothing but the log and the audit trail, which say why.
 */
import type { Actor } from '#shared/contract/common';
import { InboundRefusal, type InboundMessage, type InboundPatient } from '#shared/contract/schedule-inbound';
import type { AuditLog } from '../audit';
import { SYSTEM_ACTOR } from '../audit';
import type { Db } from '../connection';
import type { AppointmentRepository, InboundChannel } from '../repositories/appointments';
import type { PatientRepository } from '../repositories/patients';

export interface ImportDeps {
  db: Db;
  patients: PatientRepository;
  appointments: AppointmentRepository;
  audit: AuditLog;
  now: () => string;
  newId: () => string;
}

export interface ImportResult {
  patientId: string;
  appointmentId: string | null;
  /** What happened, for the log and MSA-3: "new patient", "appointment updated", "nothing changed". */
  summary: string;
}

/** Who the import records as author: the app on the EHR's behalf. */
// The patients table records a creator's name and role as text; the app's own role is 'system', outside the account roles.
const IMPORT_ACTOR = { name: SYSTEM_ACTOR.name, role: SYSTEM_ACTOR.role } as unknown as Actor;

const demographicsOf = (p: { familyName: string; givenName: string; birthDate: string; sex: InboundPatient['sex']; mrn: string }): InboundPatient =>
  ({ mrn: p.mrn, familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate, sex: p.sex });
const sameDemographics = (a: InboundPatient, b: InboundPatient) => JSON.stringify(a) === JSON.stringify(b);

export function createScheduleImporter(deps: ImportDeps) {
  const { db, patients, appointments, audit, now, newId } = deps;

  const apply = (message: InboundMessage, channel: InboundChannel): ImportResult => {
    const at = now();
    if (message.patient.birthDate > at.slice(0, 10)) throw new InboundRefusal(`the date of birth ${message.patient.birthDate} is in the future`);
    const notes: string[] = [];
    let patient = patients.getByMrn(message.patient.mrn);
    const language = message.language;
    if (language && !language.tag) notes.push(`language "${language.sent}" is not on the app's list: not recorded`);
    if (!patient) {
      patient = { id: newId(), ...message.patient, language: language?.tag ?? null, payer: null, createdAt: at };
      patients.insert(patient, IMPORT_ACTOR);
      notes.unshift('new patient');
    } else {
      if (language?.tag && language.tag !== patient.language) {
        // A blank is filled from any message; a language the clinic recorded changes only by an A08, as the other demographics.
        if (patient.language === null || message.kind === 'update') {
          appointments.updateLanguage(patient.id, patient.language, language.tag, message.messageId, channel, at);
          notes.push(patient.language === null ? 'language recorded' : 'language updated');
        } else {
          notes.push('language differs from the clinic\'s record (an A08 updates it)');
        }
      }
      const ours = demographicsOf(patient);
      const theirs = { ...message.patient, mrn: patient.mrn };
      if (!sameDemographics(ours, theirs)) {
        if (message.kind === 'update') {
          appointments.updateDemographics(patient.id, ours, theirs, message.messageId, channel, at);
          notes.push('demographics updated');
        } else {
          // Matched by MRN; only an A08 changes what the clinic holds, so a differing name or birth date is said, not applied.
          notes.push('demographics differ from the clinic\'s record (an A08 updates them)');
        }
      }
    }
    let appointmentId: string | null = null;
    const a = message.appointment;
    if (a) {
      const source = channel === 'fhir' ? 'fhir' : 'hl7';
      const existing = appointments.bySource(source, a.sourceId);
      if (existing && existing.patientId !== patient.id) throw new InboundRefusal(`appointment ${a.sourceId} is already booked for another patient (MRN differs)`);
      if (!existing) {
        appointmentId = newId();
        appointments.insert(appointmentId, source, patient.id, a, at);
        notes.push('appointment added');
      } else {
        appointmentId = existing.id;
        if (existing.same(a)) notes.push('appointment unchanged');
        else {
          appointments.update(existing.id, a, at);
          notes.push('appointment updated');
        }
      }
    }
    const summary = notes.join('; ') || 'nothing changed';
    appointments.log(channel, message.messageId, 'accepted', summary, at);
    audit.append({
      at, user: IMPORT_ACTOR, patientId: patient.id, action: 'schedule.import',
      target: `${channel}:${message.messageId}/patient:${patient.id}${appointmentId ? `/appointment:${appointmentId}` : ''}: ${summary}`.slice(0, 2000),
    });
    return { patientId: patient.id, appointmentId, summary };
  };
  const inTransaction = db.transaction(apply);

  return {
    /** Imports one message in one transaction, or throws InboundRefusal (recorded by refuse()). */
    import(message: InboundMessage, channel: InboundChannel): ImportResult {
      return inTransaction.immediate(message, channel);
    },
    /** Logs and audits a refused message; nothing else is written. */
    refuse(channel: InboundChannel, messageId: string, reason: string): void {
      const at = now();
      db.transaction(() => {
        appointments.log(channel, messageId, 'refused', reason, at);
        audit.append({ at, user: IMPORT_ACTOR, patientId: null, action: 'schedule.refused', target: `${channel}:${messageId || '(unreadable)'}: ${reason}`.slice(0, 2000) });
      }).immediate();
    },
  };
}
export type ScheduleImporter = ReturnType<typeof createScheduleImporter>;
