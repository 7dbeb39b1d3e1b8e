/**
 * Follow-up contacts planned ahead ("call on 8 December") and the list of who
 * is due this week. A plan is a date in the clinic's calendar, past or future;
 * what the patient then reports is a follow-up (follow-up.ts), never in the future.
 */
import { z } from 'zod';
import { ActorSchema, DateSchema, IdSchema, noteText, TimestampSchema } from './common';
import { storedText } from './text';
import { EncounterSchema } from './encounter';
import { PatientSchema } from './patient';

export const ContactModeSchema = z.enum(['visit', 'phone']);

export const ScheduleFollowUpInputSchema = z.strictObject({
  encounterId: IdSchema,
  /** The clinic's date of the planned contact; may be in the future, never before the procedure. */
  dueDate: DateSchema,
  how: ContactModeSchema,
  notes: noteText('the notes').default(''),
});
export type ScheduleFollowUpInput = z.input<typeof ScheduleFollowUpInputSchema>;

export const FollowUpPlanSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  dueDate: DateSchema,
  how: ContactModeSchema,
  notes: storedText,
  at: TimestampSchema,
  by: ActorSchema,
  voided: z.object({ at: TimestampSchema, by: ActorSchema, reason: storedText }).nullable(),
  /** A follow-up was recorded after the plan was made: the contact happened. */
  done: z.boolean(),
});
export type FollowUpPlan = z.infer<typeof FollowUpPlanSchema>;

export const ListPlansInputSchema = z.strictObject({ encounterId: IdSchema });

export const DueInputSchema = z.strictObject({
  /** Any day of the week to list; omitted: this week in the clinic's time zone. */
  weekOf: DateSchema.optional(),
});

export const DueRowSchema = z.object({
  encounter: EncounterSchema,
  patient: PatientSchema,
  templateName: z.string(),
  /** The procedure's date and the whole days from it to today (clinic calendar). */
  procedureDate: DateSchema,
  daysSince: z.number().int(),
  dueDate: DateSchema,
  /** Where the date comes from: a contact someone planned, or the clinic's usual interval (a setting). */
  source: z.enum(['planned', 'clinic-interval']),
  plan: FollowUpPlanSchema.nullable(),
  overdue: z.boolean(),
});
export type DueRow = z.infer<typeof DueRowSchema>;

export const DueListSchema = z.object({
  today: DateSchema,
  weekStart: DateSchema,
  weekEnd: DateSchema,
  /** The clinic setting the list also uses; null when not set (then only planned contacts are listed). */
  followUpAfterDays: z.number().int().nullable(),
  rows: z.array(DueRowSchema),
});
export type DueList = z.infer<typeof DueListSchema>;
