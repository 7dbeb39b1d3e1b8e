/**
 * What an inbound schedule message must amount to once read (issue 19, point 9): every HL7 SIU^S12,
 * ADT^A04/A08 and FHIR Appointment search is turned into this shape and checked by these schemas before
 * anything is written, so a message missing its MRN, with a date that does not exist or a field too long
 * for the record is refused whole, with the field named.
 */
import { z } from 'zod';
import { DateSchema } from './common';
import { LanguageTagSchema } from './language';
import { CreatePatientInputSchema } from './patient';
import { VisitNumberSchema } from './encounter';
import { shortText } from './text';

/** The patient as the EHR sent them; matched by MRN only (in the configured system), never by name. */
// The EHR's demographics; the preferred language travels beside them (InboundLanguageSchema), as it may be absent or unknown.
export const InboundPatientSchema = CreatePatientInputSchema.omit({ language: true });
export type InboundPatient = z.infer<typeof InboundPatientSchema>;

/** The preferred language as the EHR sent it (PID-15, Patient.communication), and the list's tag for it where there is one. */
export const InboundLanguageSchema = z.strictObject({
  sent: shortText('the language', { min: 1, max: 60 }),
  tag: LanguageTagSchema.nullable(),
});
export type InboundLanguage = z.infer<typeof InboundLanguageSchema>;

export const AppointmentStatusSchema = z.enum(['booked', 'cancelled']);

export const InboundAppointmentSchema = z.strictObject({
  /** The source's own id (HL7 SCH-2 or SCH-1, FHIR Appointment.id): importing it again updates, never duplicates. */
  sourceId: shortText('the appointment id', { min: 1, max: 200 }),
  /** The clinic's wall-clock date and time (the clinic's time zone). */
  date: DateSchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM').nullable(),
  location: shortText('the location', { min: 1, max: 80 }).nullable(),
  visitNumber: VisitNumberSchema.nullable(),
  procedureText: shortText('the procedure', { min: 1, max: 200 }).nullable(),
  status: AppointmentStatusSchema,
});
export type InboundAppointment = z.infer<typeof InboundAppointmentSchema>;

/**
 * One message's worth: an appointment (SIU^S12, a FHIR Appointment with its Patient), a registration
 * (ADT^A04) or a demographics update (ADT^A08). Only an update changes an existing patient's details.
 */
export const InboundMessageSchema = z.strictObject({
  kind: z.enum(['appointment', 'register', 'update']),
  /** MSH-10 or the FHIR Appointment id: what the log and the ACK name. */
  messageId: shortText('the message id', { min: 1, max: 200 }),
  patient: InboundPatientSchema,
  /** Null when the message sent none: the clinic's record then stays as it is. */
  language: InboundLanguageSchema.nullable().default(null),
  appointment: InboundAppointmentSchema.nullable(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

/** A message refused: why, in words an interface analyst can act on (MSA-3, the log). */
export class InboundRefusal extends Error {
  constructor(
    message: string,
    /** HL7 table 0008: AE (the content is wrong: fix and resend) or AR (the message cannot be processed at all). */
    readonly ackCode: 'AE' | 'AR' = 'AE',
  ) {
    super(message);
    this.name = 'InboundRefusal';
  }
}

/** The first problem zod found, as "field: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid';
}

/** Parses with the schema or refuses the whole message, naming the field. */
export function checkInbound(candidate: unknown): InboundMessage {
  const parsed = InboundMessageSchema.safeParse(candidate);
  if (!parsed.success) throw new InboundRefusal(firstIssue(parsed.error));
  return parsed.data;
}
