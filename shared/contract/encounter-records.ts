/**
 * The procedure day: state transitions, overrides and structured records
 * (vitals, anticoagulants, planned injectate, time-out, procedure, Aldrete). Records are
 * append-only: a correction is a new record, one entered in error is voided by a row naming
 * the record and the reason, so every change keeps who, when and what it was.
 */
import { z } from 'zod';
import { ImagingModalitySchema, SourceRefSchema } from '../library/schema';
import { AldreteScoresSchema } from '../workflow/aldrete';
import { ENCOUNTER_STATES } from '../workflow/states';
import { PasswordSchema } from './auth';
import { ActorSchema, IdSchema, noteText, TimestampSchema } from './common';
import { longText, personName, shortText, storedLine, storedText } from './text';

export const EncounterStateSchema = z.enum(ENCOUNTER_STATES);
export const WorkPhaseSchema = z.enum(['pre-procedure', 'time-out', 'procedure', 'recovery']);

/** Typed in a text area (an override, a cancellation). */
const reason = longText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' });

/** A physician's override of one open blocker, named by its id, with its own reason (issue 18). */
export const BlockerOverrideSchema = z.strictObject({
  blockerId: shortText('the blocker overridden', { min: 1, max: 200, required: 'name the blocker overridden' }),
  reason,
});
export type BlockerOverride = z.infer<typeof BlockerOverrideSchema>;

/**
 * Overrides come one per open blocker, each with its reason, and the password once for all
 * of them. Whether each names an open, overridable blocker the core decides (db/handlers/encounter.ts).
 */
export const AdvanceInputSchema = z
  .strictObject({
    encounterId: IdSchema,
    /** The state the caller expects to move to (the next one); a stale screen is refused. */
    to: EncounterStateSchema,
    overrides: z.array(BlockerOverrideSchema).max(200, 'at most 200 overrides at once').optional(),
    password: PasswordSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.overrides?.forEach((o, i) => {
      if (seen.has(o.blockerId)) ctx.addIssue({ code: 'custom', path: ['overrides', i, 'blockerId'], message: `${o.blockerId} is overridden twice: give one reason per blocker` });
      seen.add(o.blockerId);
    });
    if (input.overrides?.length && !input.password) ctx.addIssue({ code: 'custom', path: ['password'], message: 'an override needs your password' });
  });

export const CancelInputSchema = z.strictObject({ encounterId: IdSchema, reason });

/**
 * What stood in the way when a physician overrode a transition. A blocker that rests on a
 * clinical fact (the particulate-steroid hard stop) carries its sources with their tags,
 * so the screen can show them; the note prints the label only (chart notes are not
 * bibliographies: fact-reference.md, citing rule 3).
 */
export const BlockerSchema = z.object({
  id: z.string(), label: storedLine, hardStop: z.boolean(), sources: z.array(SourceRefSchema).optional(),
  /** false: nobody may override it (the consent decision and signature, the time-out); absent on stored overrides, which could all be overridden. */
  overridable: z.boolean().optional(),
  /** On an overridden blocker: the physician's reason for this one. Absent on overrides stored before issue 18, whose one reason is the transition's. */
  reason: storedText.optional(),
});
export type Blocker = z.infer<typeof BlockerSchema>;

export const TransitionSchema = z.object({
  seq: z.number().int(),
  from: EncounterStateSchema,
  to: EncounterStateSchema,
  at: TimestampSchema,
  by: ActorSchema,
  /** Cancellation reason; on overrides stored before issue 18, the one reason for all (now each overridden blocker carries its own). */
  reason: storedText.nullable(),
  /** The open items and hard stops a physician overrode, if any. */
  overridden: z.array(BlockerSchema),
});
export type Transition = z.infer<typeof TransitionSchema>;

const int = (min: number, max: number, what: string) => z.number().int(`${what} is a whole number`).min(min, `${what} is at least ${min}`).max(max, `${what} is at most ${max}`);

/** One set of observations. Ranges only refuse impossible entries; they are not clinical limits. */
export const VitalsSchema = z.strictObject({
  phase: WorkPhaseSchema,
  systolic: int(40, 300, 'systolic pressure').nullable(),
  diastolic: int(20, 200, 'diastolic pressure').nullable(),
  heartRate: int(20, 250, 'heart rate').nullable(),
  spo2: int(50, 100, 'SpO2').nullable(),
  respiratoryRate: int(4, 60, 'respiratory rate').nullable(),
  /** Numeric rating scale as the clinic records it. */
  painScore: int(0, 10, 'pain score').nullable(),
  note: noteText('the note').default(''),
});

export const AnticoagulantRecordSchema = z.strictObject({
  drugId: shortText('the anticoagulant', { min: 1, max: 60 }),
  lastDoseAt: TimestampSchema,
  renalImpaired: z.boolean().optional(),
});

export const RiskFactorsRecordSchema = z.strictObject({
  olderAge: z.boolean(),
  liverDisease: z.boolean(),
  kidneyDisease: z.boolean(),
  bleedingHistory: z.boolean(),
  coagulopathy: z.boolean(),
  priorSurgeryAtSite: z.boolean(),
  concurrentAntithrombotics: z.boolean().optional(),
});

export const InrRecordSchema = z.strictObject({ value: z.number().min(0.5).max(15), takenAt: TimestampSchema });

export const TimeOutRecordSchema = z.strictObject({
  /** Everyone in the room who took part, by name and role (introduced aloud). */
  participants: z
    .array(z.strictObject({ name: personName('the name of a team member', { max: 80 }), role: shortText('the role of a team member', { min: 1, max: 40 }) }))
    .min(2, 'a time-out involves the team: name at least two people'),
});

export const MedicationSchema = z.strictObject({
  name: shortText('the medication', { min: 1, max: 120, required: 'name the medication' }),
  dose: shortText('the dose', { max: 60 }).default(''),
  route: shortText('the route', { max: 60 }).default(''),
});

export const ProcedureRecordSchema = z.strictObject({
  imagingUsed: ImagingModalitySchema,
  contrastUsed: z.boolean(),
  contrastAgent: shortText('the contrast agent', { max: 120 }).default(''),
  fluoroscopyTimeSeconds: z.number().min(0).max(36_000).nullable(),
  /** Reference air kerma or DAP as the unit reports it, with its unit. */
  radiationDose: shortText('the radiation dose', { max: 60 }).default(''),
  medications: z.array(MedicationSchema).max(20),
  levelsTreated: z.array(shortText('a level treated', { min: 1, max: 40 })).max(10),
  complications: noteText('the complications').default(''),
});

export const AldreteRecordSchema = AldreteScoresSchema;

/**
 * A dose as entered: the amount first, then its unit, then anything else ("10 mg",
 * "2 mL of 1%", "1 mL (40 mg/mL)"). A bare number, or a concentration given as if it were
 * a dose ("40 mg/mL"), is refused with a message that says which.
 */
const DOSE = /^\d+(?:\.\d+)?\s*(?:mg|mcg|µg|micrograms?|g|ml)(?![a-zµ/])(?!\s*\/)/i;
export function doseProblem(dose: string): string | null {
  const d = dose.trim();
  if (!d) return 'enter the dose with its unit, e.g. 10 mg or 2 mL';
  if (DOSE.test(d)) return null;
  if (/^\d+(?:\.\d+)?$/.test(d)) return 'add the unit: mg, mcg or mL (e.g. 10 mg)';
  if (/^\d+(?:\.\d+)?\s*\S+\s*\/\s*\S+$/.test(d)) return 'that is a concentration: give the dose, e.g. 40 mg or 1 mL';
  return 'start with the amount and its unit (mg, mcg or mL), e.g. 10 mg or 2 mL';
}
const DoseSchema = shortText('the dose', { max: 60, tooLong: 'keep the dose under 60 characters' })
  .superRefine((dose, ctx) => {
    const problem = doseProblem(dose);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Optional (contrast): empty, or a dose with its unit. */
const OptionalDoseSchema = shortText('the dose', { max: 60, tooLong: 'keep the dose under 60 characters' })
  .superRefine((dose, ctx) => {
    const problem = dose ? doseProblem(dose) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const drugName = (what: string) => shortText(`the ${what}`, { min: 1, max: 120, required: `name the ${what}` });

/**
 * What is planned for injection, recorded before the time-out so that the time-out checks
 * it (the steroid against the route: shared/workflow/steroid-warning.ts) and reads it back.
 * The steroid is named as entered (brand or generic) with its dose; null means none is
 * planned. `nonParticulateConfirmed` is a physician's signed statement that a steroid the
 * table does not recognise is nonparticulate; the core refuses it from anyone else, and for
 * a steroid the table knows to be particulate.
 */
export const InjectatePlanSchema = z.strictObject({
  steroid: z.strictObject({ name: drugName('steroid'), dose: DoseSchema }).nullable(),
  localAnaesthetic: z.strictObject({ name: drugName('local anaesthetic'), dose: DoseSchema }).nullable(),
  contrast: z.strictObject({ name: drugName('contrast agent'), dose: OptionalDoseSchema.default('') }).nullable(),
  nonParticulateConfirmed: z.boolean().default(false),
});
export type InjectatePlan = z.infer<typeof InjectatePlanSchema>;

export const RecordDataSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('vitals'), data: VitalsSchema }),
  z.strictObject({ kind: z.literal('anticoagulant'), data: AnticoagulantRecordSchema }),
  z.strictObject({ kind: z.literal('risk-factors'), data: RiskFactorsRecordSchema }),
  z.strictObject({ kind: z.literal('inr'), data: InrRecordSchema }),
  z.strictObject({ kind: z.literal('time-out'), data: TimeOutRecordSchema }),
  z.strictObject({ kind: z.literal('procedure'), data: ProcedureRecordSchema }),
  z.strictObject({ kind: z.literal('aldrete'), data: AldreteRecordSchema }),
  z.strictObject({ kind: z.literal('injectate-plan'), data: InjectatePlanSchema }),
]);
export type RecordData = z.infer<typeof RecordDataSchema>;
export type RecordKind = RecordData['kind'];

/** Kinds that are signed: the time-out sign-off needs the password again. */
export const SIGNED_KINDS: ReadonlySet<RecordKind> = new Set(['time-out']);

/** Whether adding this record needs the password again: a signed kind, or a physician's confirmation that a steroid is nonparticulate. */
export function recordNeedsSignature(record: RecordData): boolean {
  return SIGNED_KINDS.has(record.kind) || (record.kind === 'injectate-plan' && record.data.nonParticulateConfirmed);
}

export const AddRecordInputSchema = z.strictObject({
  encounterId: IdSchema,
  record: RecordDataSchema,
  /** Required for signed kinds (time-out) and for a nonparticulate confirmation. */
  password: PasswordSchema.optional(),
});

export const VoidRecordInputSchema = z.strictObject({
  encounterId: IdSchema,
  recordId: IdSchema,
  reason: shortText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' }),
});

export const EncounterRecordSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  by: ActorSchema,
  /** Set when the record was voided: by whom, when and why. */
  voided: z.object({ at: TimestampSchema, by: ActorSchema, reason: storedText }).nullable(),
  entry: RecordDataSchema,
});
export type EncounterRecord = z.infer<typeof EncounterRecordSchema>;
