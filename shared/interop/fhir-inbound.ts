/**
 * Reading the day's appointments from a FHIR R4 Appointment search (issue 19, point 6): each Appointment
 * with its Patient becomes one inbound message, checked like an HL7 one (shared/contract/schedule-inbound.ts).
 * The patient is matched by the identifier in the configured MRN system only (Patient.identifier.system),
 * never by name; the visit number is an Appointment.identifier in the visit number system, if any.
 * Sources: hl7.org/fhir/R4/appointment.html (status, start, participant.actor, serviceType) and
 * hl7.org/fhir/R4/search.html#include (_include=Appointment:patient adds the Patients to the searchset).
 * The preferred language is Patient.communication (hl7.org/fhir/R4/patient.html): the one marked preferred,
 * else the first; its BCP 47 code (urn:ietf:bcp:47), else its text.
 */
import { checkInbound, firstIssue, InboundRefusal, type InboundLanguage, type InboundMessage } from '../contract/schedule-inbound';
import { FhirAppointmentSchema, FhirPatientSchema, FhirSearchBundleSchema, type FhirAppointment, type FhirPatient } from '../contract/schedule-fhir';
import { inboundLanguage } from './inbound-language';
import { wallClock } from './wall-clock';

export interface FhirInboundIdentity {
  mrnSystem: string | null;
  visitNumberSystem: string | null;
  timeZone: string;
}

export interface SearchPage {
  /** Each Appointment as sent (checked one by one, so one bad Appointment refuses only itself). */
  appointments: unknown[];
  /** Included resources by "Patient/<id>". */
  included: Map<string, unknown>;
  /** The next page's URL (Bundle.link next), or null. */
  next: string | null;
}

/** A searchset Bundle, or a refusal naming what is wrong with it. */
export function readSearchPage(body: unknown): SearchPage {
  const parsed = FhirSearchBundleSchema.safeParse(body);
  if (!parsed.success) throw new InboundRefusal(`the search answer is not a FHIR searchset Bundle (${firstIssue(parsed.error)})`, 'AR');
  const appointments: unknown[] = [];
  const included = new Map<string, unknown>();
  for (const entry of parsed.data.entry ?? []) {
    const r = entry.resource;
    if (r.resourceType === 'Appointment') appointments.push(r);
    else if (r.id) included.set(`${r.resourceType}/${r.id}`, r);
  }
  return { appointments, included, next: parsed.data.link?.find((l) => l.relation === 'next')?.url ?? null };
}

/** The Patient an Appointment names ("Patient/<id>"), or null when it names none. */
export function patientReferenceOf(appointment: unknown): string | null {
  const parsed = FhirAppointmentSchema.safeParse(appointment);
  if (!parsed.success) return null;
  const ref = parsed.data.participant.map((p) => p.actor?.reference ?? '').find((r) => /^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(r.replace(/^.*\/(Patient\/)/, '$1')));
  return ref ? ref.replace(/^.*\/(Patient\/)/, '$1') : null;
}

function procedureOf(a: FhirAppointment): string | null {
  const service = a.serviceType?.[0];
  return service?.text ?? service?.coding?.find((c) => c.display)?.display ?? a.description ?? null;
}

/** Patient.communication's preferred language as sent, with the list's tag for it; null when none is sent. */
function languageOfPatient(patient: FhirPatient): InboundLanguage | null {
  const communication = patient.communication?.find((c) => c.preferred) ?? patient.communication?.[0];
  if (!communication) return null;
  const coding = communication.language.coding?.find((c) => c.system === 'urn:ietf:bcp:47' && c.code) ?? communication.language.coding?.find((c) => c.code);
  return inboundLanguage(coding?.code ?? '', communication.language.text ?? coding?.display ?? '');
}

/** One Appointment and its Patient as an inbound message, or a refusal naming the element. */
export function readFhirAppointment(appointment: unknown, patient: unknown, identity: FhirInboundIdentity, location: string | null): InboundMessage {
  const a = FhirAppointmentSchema.safeParse(appointment);
  if (!a.success) throw new InboundRefusal(`Appointment: ${firstIssue(a.error)}`);
  const id = a.data.id;
  if (!patient) throw new InboundRefusal(`Appointment/${id}: names no Patient the server could return`);
  const p = FhirPatientSchema.safeParse(patient);
  if (!p.success) throw new InboundRefusal(`Appointment/${id}: Patient: ${firstIssue(p.error)}`);
  if (!identity.mrnSystem) throw new InboundRefusal('the MRN system is not set up: an administrator sets it in Chart exports before the schedule can be imported', 'AR');
  const mrns = new Set((p.data.identifier ?? []).filter((i) => i.system === identity.mrnSystem && i.value).map((i) => i.value!));
  if (mrns.size !== 1) {
    throw new InboundRefusal(mrns.size
      ? `Appointment/${id}: Patient has two different identifiers in ${identity.mrnSystem}`
      : `Appointment/${id}: Patient has no identifier in ${identity.mrnSystem}; a patient is matched by MRN only, never by name`);
  }
  if (!a.data.start) throw new InboundRefusal(`Appointment/${id}: start is missing`);
  const name = p.data.name?.find((n) => n.use === 'official') ?? p.data.name?.[0];
  if (!p.data.birthDate) throw new InboundRefusal(`Appointment/${id}: Patient.birthDate is missing`);
  const visit = identity.visitNumberSystem ? a.data.identifier?.find((i) => i.system === identity.visitNumberSystem)?.value ?? null : null;
  const place = a.data.participant.map((x) => x.actor).find((r) => r?.reference?.includes('Location/'))?.display ?? location;
  return checkInbound({
    kind: 'appointment',
    messageId: `Appointment/${id}`,
    language: languageOfPatient(p.data),
    patient: { mrn: [...mrns][0], familyName: name?.family ?? '', givenName: name?.given?.join(' ') ?? '', birthDate: p.data.birthDate, sex: p.data.gender ?? 'unknown' },
    appointment: {
      sourceId: id,
      ...wallClock(Date.parse(a.data.start), identity.timeZone),
      location: place ? place.slice(0, 80) : null,
      visitNumber: visit,
      procedureText: procedureOf(a.data)?.slice(0, 200) ?? null,
      status: ['cancelled', 'noshow', 'entered-in-error'].includes(a.data.status) ? 'cancelled' : 'booked',
    },
  });
}
