/**
 * The patient's intake (issue 20, points 1 and 6): symptoms, pain and function, previous
 * therapies, imaging, the neurological exam, goals and questions. Recorded by a nurse or a
 * physician before or on the day, kept per patient with history (append-only: a new version
 * names the one it replaces), and read by the consent note and the coverage check.
 *
 * The fact base names no validated function measure (it asks only for "baseline pain/function
 * scales", LCD L33906 summary [V2]), so the measure is a free name and score, shown everywhere
 * with FUNCTION_MEASURE_REVIEW. Rules that need the patient (dates not before birth, not in the
 * future) are checked by the handler, with the same field paths as the schema's.
 */
import { z } from 'zod';
import { ActorSchema, DateSchema, IdSchema, TimestampSchema } from './common';
import { doseProblem } from './encounter-records';
import { shortText } from './text';
import { CLINICAL, method } from './method-spec';

/** Shown beside the function measure on the form and in the note. */
export const FUNCTION_MEASURE_REVIEW = 'The fact base names no validated function measure: needs clinical review';

const line = (field: string, max = 200) => shortText(field, { max });
const required = (field: string, max = 200) => shortText(field, { min: 1, max, required: `${field} is required` });

export const SIDES = ['left', 'right', 'both', 'midline'] as const;
export const SymptomSchema = z.strictObject({
  description: required('the symptom'),
  location: required('where the symptom is'),
  side: z.enum(SIDES).nullable(),
  radiating: z.boolean().nullable(),
  onset: DateSchema.nullable(),
});

export const FunctionMeasureSchema = z.strictObject({
  name: required('the function measure', 120),
  score: z.number({ error: 'the function score must be a number' }).finite().min(0, 'the function score cannot be negative'),
  max: z.number({ error: 'the maximum must be a number' }).finite().positive('the maximum must be above 0').nullable(),
}).superRefine((m, ctx) => {
  if (m.max !== null && m.score > m.max) ctx.addIssue({ code: 'custom', path: ['score'], message: `the function score is above its maximum (${m.max})` });
});

export const THERAPY_KINDS = ['physical-therapy', 'medication', 'injection', 'chiropractic', 'other'] as const;
export const THERAPY_LABELS: Record<(typeof THERAPY_KINDS)[number], string> = {
  'physical-therapy': 'Physical therapy',
  medication: 'Medicine',
  injection: 'Injection',
  chiropractic: 'Chiropractic',
  other: 'Other',
};
export const RESPONSES = ['none', 'partial', 'good', 'worse', 'unknown'] as const;

export const InjectionDetailSchema = z.strictObject({
  procedure: required('the injection procedure'),
  date: DateSchema,
  percentRelief: z.number().int('the % relief must be a whole number').min(0, 'the % relief cannot be below 0').max(100, 'the % relief cannot be above 100').nullable(),
  reliefWeeks: z.number().finite().min(0, 'the weeks of relief cannot be negative').max(520, 'the weeks of relief must be under 520').nullable(),
});

export const TherapySchema = z.strictObject({
  kind: z.enum(THERAPY_KINDS),
  description: required('the therapy'),
  /** A medicine's dose, if given: with its unit (the same rule as the injectate's doses). */
  dose: shortText('the dose', { max: 60 }).optional(),
  startedOn: DateSchema.nullable(),
  endedOn: DateSchema.nullable(),
  weeks: z.number().int('the weeks must be a whole number').min(0, 'the weeks cannot be negative').max(2600, 'the weeks must be under 2600').nullable(),
  response: z.enum(RESPONSES),
  injection: InjectionDetailSchema.optional(),
}).superRefine((t, ctx) => {
  if (t.startedOn && t.endedOn && t.endedOn < t.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'the end date is before the start date' });
  const problem = t.dose ? doseProblem(t.dose) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['dose'], message: `the dose: ${problem}` });
  if (t.kind === 'injection' && !t.injection) ctx.addIssue({ code: 'custom', path: ['injection'], message: 'an injection needs its procedure and date' });
});

export const IMAGING_MODALITIES = ['mri', 'ct', 'x-ray', 'ultrasound', 'other'] as const;
export const ImagingSchema = z.strictObject({
  modality: z.enum(IMAGING_MODALITIES),
  date: DateSchema.nullable(),
  findings: required('the imaging findings', 2000),
});

export const DEFICITS = ['none', 'sensory', 'motor', 'reflex', 'bowel-bladder'] as const;
export const NeuroSchema = z.strictObject({
  findings: line('the neurological findings', 2000),
  deficit: z.enum(DEFICITS).nullable(),
});

export const IntakeSchema = z.strictObject({
  symptoms: z.array(SymptomSchema).max(20, 'at most 20 symptoms'),
  painScore: z.number().int('the pain score must be a whole number').min(0, 'the pain score is 0 to 10').max(10, 'the pain score is 0 to 10').nullable(),
  functionMeasure: FunctionMeasureSchema.nullable(),
  therapies: z.array(TherapySchema).max(30, 'at most 30 therapies'),
  imaging: z.array(ImagingSchema).max(20, 'at most 20 imaging studies'),
  neuro: NeuroSchema,
  goals: line('the goals', 2000),
  questions: line('the questions', 2000),
});
export type Intake = z.infer<typeof IntakeSchema>;
export type IntakeInput = z.input<typeof IntakeSchema>;

export const IntakeVersionSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  /** The version this one replaced, or null for the first. */
  replacesId: IdSchema.nullable(),
  intake: IntakeSchema,
  recordedBy: ActorSchema,
  recordedAt: TimestampSchema,
});
export type IntakeVersion = z.infer<typeof IntakeVersionSchema>;

/** Every date of an intake with its field path, for the checks that need the patient and the clock. */
export function intakeDates(intake: Intake): { path: string; date: string }[] {
  const out: { path: string; date: string }[] = [];
  const add = (path: string, d: string | null | undefined) => { if (d) out.push({ path, date: d }); };
  intake.symptoms.forEach((s, i) => add(`intake.symptoms.${i}.onset`, s.onset));
  intake.therapies.forEach((t, i) => {
    add(`intake.therapies.${i}.startedOn`, t.startedOn);
    add(`intake.therapies.${i}.endedOn`, t.endedOn);
    add(`intake.therapies.${i}.injection.date`, t.injection?.date);
  });
  intake.imaging.forEach((m, i) => add(`intake.imaging.${i}.date`, m.date));
  return out;
}

export const RecordIntakeInputSchema = z.strictObject({
  patientId: IdSchema,
  intake: IntakeSchema,
  /** The current latest version this one replaces (null for the first): a stale one is refused. */
  replacesId: IdSchema.nullable(),
});
export const IntakeHistoryInputSchema = z.strictObject({ patientId: IdSchema });
export const IntakeHistorySchema = z.object({ patientId: IdSchema, versions: z.array(IntakeVersionSchema) });
export type IntakeHistory = z.infer<typeof IntakeHistorySchema>;

export const INTAKE_METHODS = {
  'intake.record': method({
    summary: "Record the patient's intake, or a new version of it naming the one it replaces.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i, o) => ({ patientId: String(i.patientId), target: `patient:${String(i.patientId)}/intake:${String(o.id)}` }) },
    input: RecordIntakeInputSchema,
    output: IntakeVersionSchema,
  }),
  'intake.history': method({
    summary: "The patient's intake versions, newest first, each with who recorded it and when.",
    writes: false,
    // The clinical team's: records staff get the intake as the signed note's History, which is what the chart receives.
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i) => ({ patientId: String(i.patientId), target: `patient:${String(i.patientId)}/intake` }) },
    input: IntakeHistoryInputSchema,
    output: IntakeHistorySchema,
  }),
} as const;
