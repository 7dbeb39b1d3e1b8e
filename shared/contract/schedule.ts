/**
 * The day's appointments from the EHR (issue 19, point 6): pulled from a FHIR server while online (or
 * arriving over HL7 by folder and MLLP), kept in SQLite and listed all day offline. Staff turn one into
 * an encounter with one action, choosing the procedure template; it keeps its visit number and location.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from './common';
import { PatientSchema } from './patient';
import { CreateEncounterInputSchema, EncounterSchema } from './encounter';
import { AppointmentStatusSchema } from './schedule-inbound';
import { CLINICAL, method } from './method-spec';

export const AppointmentSchema = z.object({
  id: IdSchema,
  source: z.enum(['hl7', 'fhir']),
  sourceId: z.string(),
  patient: PatientSchema,
  date: DateSchema,
  time: z.string().nullable(),
  location: z.string().nullable(),
  visitNumber: z.string().nullable(),
  procedureText: z.string().nullable(),
  status: AppointmentStatusSchema,
  /** The encounter it became, once started. */
  encounterId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const ListScheduleInputSchema = z.strictObject({ date: DateSchema });

/** What starting needs beyond the appointment: the procedure plan (patient, date, visit and location come from it). */
export const StartAppointmentInputSchema = CreateEncounterInputSchema.omit({ patientId: true, plannedDate: true, visitNumber: true, location: true })
  .extend({ appointmentId: IdSchema }).strict();

export const PullScheduleInputSchema = z.strictObject({ date: DateSchema });
export const PullScheduleOutputSchema = z.object({
  imported: z.number().int().min(0),
  refused: z.array(z.object({ messageId: z.string(), reason: z.string() })),
});

export const SCHEDULE_METHODS = {
  'schedule.list': method({
    summary: "A day's appointments from the EHR, by time, with each patient and the encounter it became.",
    writes: false,
    access: CLINICAL,
    audit: 'none',
    input: ListScheduleInputSchema,
    output: z.array(AppointmentSchema),
  }),
  'schedule.start': method({
    summary: 'Open an encounter from an appointment (the procedure template chosen); it keeps the visit number and location.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i, o) => ({ patientId: o.patientId as string, target: `appointment:${String(i.appointmentId)}/encounter:${String(o.id)}` }) },
    input: StartAppointmentInputSchema,
    output: EncounterSchema,
  }),
  'schedule.pull': method({
    summary: "Fetch a day's appointments from the FHIR server now (each one imported or refused with its reason).",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'after-success', describe: (i, o) => ({ patientId: null, target: `schedule:${String(i.date)}/imported:${String(o.imported)}/refused:${Array.isArray(o.refused) ? o.refused.length : 0}` }) },
    input: PullScheduleInputSchema,
    output: PullScheduleOutputSchema,
  }),
} as const;
