/**
 * Follow-up and outcomes: follow-up visits (pain, function, relief and how
 * long it lasted), pain diaries after a diagnostic block, and one patient's
 * outcomes across procedures with each result judged against the library's
 * follow-up rules. Records are insert-only; one entered in error is voided
 * with a reason and stays in the history.
 */
import { z } from 'zod';
import { EvidenceSchema } from '../library/schema';
import { ActorSchema, IdSchema, noteText, TimestampSchema } from './common';
import { shortText, storedLine, storedText } from './text';
import { EncounterSchema } from './encounter';
import { PatientSchema } from './patient';
import { CLINICAL, method, onEncounter } from './method-spec';
import { DueInputSchema, DueListSchema, FollowUpPlanSchema, ScheduleFollowUpInputSchema } from './follow-up-plan';

const int = (min: number, max: number, what: string) =>
  z.number().int(`${what} is a whole number`).min(min, `${what} is at least ${min}`).max(max, `${what} is at most ${max}`);

/** Numeric rating scale, 0 = no pain, 10 = worst pain imaginable. */
export const PainScoreSchema = int(0, 10, 'the pain score');

/**
 * Function as three interference ratings, 0 = does not interfere, 10 = interferes
 * completely (in the style of the Brief Pain Inventory's interference items).
 * null = not asked. A recording scale only: nothing is judged from it.
 */
export const FunctionSchema = z.strictObject({
  work: int(0, 10, 'interference with work').nullable(),
  sleep: int(0, 10, 'interference with sleep').nullable(),
  dailyActivities: int(0, 10, 'interference with daily activities').nullable(),
});
export type FunctionScores = z.infer<typeof FunctionSchema>;

export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months'] as const;
export const DurationUnitSchema = z.enum(DURATION_UNITS);
export const ReliefDurationSchema = z.strictObject({ value: int(0, 1000, 'the duration'), unit: DurationUnitSchema });
export type ReliefDuration = z.infer<typeof ReliefDurationSchema>;

export const AddFollowUpInputSchema = z.strictObject({
  encounterId: IdSchema,
  /** When the follow-up took place (visit or call). */
  seenAt: TimestampSchema,
  painScore: PainScoreSchema,
  function: FunctionSchema,
  /** Percent relief the patient reports, 0–100; null when not asked. */
  percentRelief: int(0, 100, 'the percent relief').nullable(),
  /** How long the relief lasted (or has lasted so far, when ongoing); null when not asked. */
  reliefDuration: ReliefDurationSchema.nullable(),
  reliefOngoing: z.boolean().default(false),
  notes: noteText('the notes').default(''),
});
export type AddFollowUpInput = z.input<typeof AddFollowUpInputSchema>;

/**
 * The times of a pain diary, in hours after the block. A fixed recording grid
 * (the library gives no hours for any local anaesthetic): the clinician fills
 * the times the patient recorded and leaves the others empty, and judges the
 * curve against the anaesthetic named on the diary.
 */
export const DIARY_HOURS = [0.5, 1, 2, 4, 6, 8, 12, 24] as const;
export type DiaryHour = (typeof DIARY_HOURS)[number];
const DiaryHourSchema = z.literal(DIARY_HOURS, { error: `must be one of the diary times (${DIARY_HOURS.join(', ')} h)` });

export const DiaryEntrySchema = z.strictObject({ hours: DiaryHourSchema, score: PainScoreSchema });
export type DiaryEntry = z.infer<typeof DiaryEntrySchema>;

export const AddDiaryInputSchema = z.strictObject({
  encounterId: IdSchema,
  /** Time zero: when the block was done. */
  blockAt: TimestampSchema,
  /** The pain score just before the block. */
  baseline: PainScoreSchema,
  /** As recorded (e.g. drug and strength), so the reader can judge the duration the diary must cover. */
  localAnaesthetic: shortText('the local anaesthetic', { max: 120 }).default(''),
  entries: z
    .array(DiaryEntrySchema)
    .min(1, 'enter at least one score after the block')
    .max(DIARY_HOURS.length)
    .refine((entries) => new Set(entries.map((e) => e.hours)).size === entries.length, 'each time appears once'),
  notes: noteText('the notes').default(''),
});
export type AddDiaryInput = z.input<typeof AddDiaryInputSchema>;

const reason = shortText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' });

/** Void a follow-up or a diary entered in error; it stays in the history with who, when and why. */
export const VoidFollowUpInputSchema = z.strictObject({
  encounterId: IdSchema,
  kind: z.enum(['follow-up', 'diary', 'plan']),
  id: IdSchema,
  reason,
});

const VoidSchema = z.object({ at: TimestampSchema, by: ActorSchema, reason: storedText });
const VoidedSchema = VoidSchema.nullable();

export const VoidedFollowUpSchema = z.object({ kind: z.enum(['follow-up', 'diary', 'plan']), id: IdSchema, voided: VoidSchema });

export const FollowUpSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  seenAt: TimestampSchema,
  painScore: z.number().int(),
  function: FunctionSchema,
  percentRelief: z.number().int().nullable(),
  reliefDuration: ReliefDurationSchema.nullable(),
  reliefOngoing: z.boolean(),
  notes: storedText,
  at: TimestampSchema,
  by: ActorSchema,
  voided: VoidedSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const PainDiarySchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  blockAt: TimestampSchema,
  baseline: z.number().int(),
  localAnaesthetic: storedLine,
  entries: z.array(z.object({ hours: z.number(), score: z.number().int() })),
  notes: storedText,
  at: TimestampSchema,
  by: ActorSchema,
  voided: VoidedSchema,
});
export type PainDiary = z.infer<typeof PainDiarySchema>;

/** A relief threshold from a template's follow-up facts, with the fact's own sources. */
export const ReliefThresholdSchema = z.object({
  factId: z.string(),
  /** What meeting it means, e.g. "before RFA". */
  purpose: z.string(),
  /** Whose rule it is, as the fact names it. */
  label: z.string(),
  percent: z.number(),
  /** What else the rule accepts instead of the relief, in the fact's words (e.g. "≥50% functional improvement"); null when nothing. */
  alternative: z.string().nullable(),
  appliesTo: z.enum(['diary', 'follow-up']),
  /** The rule asks for this many qualifying blocks (e.g. two MBBs); null when not stated. */
  blocksRequired: z.number().int().nullable(),
  /** The relief must last this long (repeat RFA); null when not stated. */
  minDuration: ReliefDurationSchema.nullable(),
  factText: z.string(),
  sources: z.array(z.object({ sourceId: z.string(), evidence: EvidenceSchema, citation: z.string() })),
  /** [M] or inference, and no reviewer has accepted the fact for this template version. */
  needsReview: z.boolean(),
  reviewedBy: z.object({ name: z.string(), at: z.string() }).nullable(),
});
export type ReliefThreshold = z.infer<typeof ReliefThresholdSchema>;

export const VerdictSchema = z.object({
  factId: z.string(),
  /** pending: this result meets the percent, but the rule also asks for more blocks or a longer duration not yet known. */
  status: z.enum(['meets', 'does-not-meet', 'pending', 'not-evaluable']),
  /** Said plainly, citing the rule, e.g. "Meets the ≥50% threshold before RFA (…)". */
  sentence: z.string(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const DiaryPointSchema = z.object({ hours: z.number(), score: z.number().int(), relief: z.number().nullable() });
export type DiaryPoint = z.infer<typeof DiaryPointSchema>;

export const DiaryResultSchema = z.object({
  diaryId: IdSchema,
  baseline: z.number().int(),
  points: z.array(DiaryPointSchema),
  /** Highest relief of the diary's scores against its baseline (percent, rounded down); null when the baseline is 0. */
  peakRelief: z.number().nullable(),
  peakAtHours: z.number().nullable(),
  verdicts: z.array(VerdictSchema),
});
export type DiaryResult = z.infer<typeof DiaryResultSchema>;

export const ProcedureOutcomesSchema = z.object({
  encounter: EncounterSchema,
  templateName: z.string(),
  /** Pain before the procedure: the pre-procedure vitals score, else the diary's baseline. */
  baseline: z.object({ score: z.number().int(), source: z.enum(['pre-procedure vitals', 'pain diary']), at: TimestampSchema }).nullable(),
  /** Whether follow-ups and diaries may be recorded now (the procedure has been done). */
  canRecord: z.boolean(),
  /** Whether the template's follow-up calls for a pain diary (a diagnostic block). */
  diaryExpected: z.boolean(),
  followUps: z.array(FollowUpSchema),
  /** Contacts planned ahead, voided ones included. */
  plans: z.array(FollowUpPlanSchema),
  diaries: z.array(PainDiarySchema),
  thresholds: z.array(ReliefThresholdSchema),
  diaryResults: z.array(DiaryResultSchema),
  followUpVerdicts: z.array(z.object({ followUpId: IdSchema, verdicts: z.array(VerdictSchema) })),
});
export type ProcedureOutcomes = z.infer<typeof ProcedureOutcomesSchema>;

export const TimelinePointSchema = z.object({
  at: TimestampSchema,
  score: z.number().int(),
  kind: z.enum(['baseline', 'follow-up']),
  encounterId: IdSchema,
  procedure: z.string(),
});
export type TimelinePoint = z.infer<typeof TimelinePointSchema>;

export const OutcomesForPatientInputSchema = z.strictObject({ patientId: IdSchema });

export const PatientOutcomesSchema = z.object({
  patient: PatientSchema,
  procedures: z.array(ProcedureOutcomesSchema),
  /** Every pain score over time, oldest first: baselines and follow-ups (voided ones left out). */
  timeline: z.array(TimelinePointSchema),
});
export type PatientOutcomes = z.infer<typeof PatientOutcomesSchema>;

export const FOLLOW_UP_METHODS = {
  'followUp.add': method({
    summary: 'Record a follow-up after a procedure: pain score, function, percent relief and how long it lasted (allowed after discharge).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/follow-up:${String(o.id)}`) },
    input: AddFollowUpInputSchema,
    output: FollowUpSchema,
  }),
  'followUp.addDiary': method({
    summary: 'Enter the pain diary after a diagnostic block: the baseline and the scores at set hours after the block.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/pain-diary:${String(o.id)}`) },
    input: AddDiaryInputSchema,
    output: PainDiarySchema,
  }),
  'followUp.schedule': method({
    summary: 'Plan a follow-up contact (visit or call) on a date, in the future or not, for a procedure that has been done.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/follow-up-plan:${String(o.id)}`) },
    input: ScheduleFollowUpInputSchema,
    output: FollowUpPlanSchema,
  }),
  'followUp.due': method({
    summary: 'Who is due for follow-up in a week: planned contacts, and procedures the clinic\'s usual interval brings due, with days since the procedure.',
    writes: false,
    access: CLINICAL,
    // Like the worklist: a list of the clinic's patients, no one record opened.
    audit: 'none',
    input: DueInputSchema,
    output: DueListSchema,
  }),
  'followUp.voidRecord': method({
    summary: 'Void a follow-up, pain diary or planned contact entered in error, with a reason (it stays in the history).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/${String(i.kind)}:${String(i.id)}/void`) },
    input: VoidFollowUpInputSchema,
    output: VoidedFollowUpSchema,
  }),
} as const;
