/**
 * Patient-level clinical facts (issue 18, point 3): medications (anticoagulants and
 * antiplatelets with their last dose, GLP-1 agonists, diabetes medicines), allergies,
 * diabetes, pregnancy potential and implanted devices. Recorded once per patient, they
 * carry to every later encounter; each encounter confirms them ("confirmed by X at T").
 * Append-only: a change is a new fact naming the one it replaces, a removal keeps the
 * fact with who removed it, when and why.
 */
import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { shortText, storedLine, storedText } from './text';
import { CLINICAL, method, onEncounter, type AuditDescribe } from './method-spec';

/** An anticoagulant or antiplatelet from the drug table (shared/clinical/anticoagulant-table.ts), with its last dose. */
export const AntithromboticFactSchema = z.strictObject({
  drugId: shortText('the anticoagulant', { min: 1, max: 60 }),
  lastDoseAt: TimestampSchema,
  renalImpaired: z.boolean().optional(),
});

export const MEDICATION_CATEGORIES = ['glp1-agonist', 'diabetes'] as const;
export const MEDICATION_CATEGORY_LABELS: Record<(typeof MEDICATION_CATEGORIES)[number], string> = {
  'glp1-agonist': 'GLP-1 agonist',
  diabetes: 'Diabetes medicine',
};
/** A GLP-1 agonist or a diabetes medicine, by name as the patient takes it. */
export const MedicationFactSchema = z.strictObject({
  category: z.enum(MEDICATION_CATEGORIES),
  name: shortText('the medication', { min: 1, max: 120, required: 'name the medication' }),
  dose: shortText('the dose', { max: 60 }).default(''),
  lastDoseAt: TimestampSchema.nullable().default(null),
});

export const ALLERGY_CATEGORIES = ['contrast', 'iodine-chlorhexidine', 'latex', 'local-anaesthetic', 'steroid', 'other'] as const;
export const ALLERGY_CATEGORY_LABELS: Record<(typeof ALLERGY_CATEGORIES)[number], string> = {
  contrast: 'Contrast',
  'iodine-chlorhexidine': 'Iodine or chlorhexidine',
  latex: 'Latex',
  'local-anaesthetic': 'Local anaesthetic',
  steroid: 'Steroid',
  other: 'Other',
};
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'not-known'] as const;
export const AllergyFactSchema = z.strictObject({
  category: z.enum(ALLERGY_CATEGORIES),
  agent: shortText('the agent', { min: 1, max: 120, required: 'name what the patient is allergic to' }),
  reaction: shortText('the reaction', { min: 1, max: 200, required: 'describe the reaction' }),
  severity: z.enum(ALLERGY_SEVERITIES),
});

export const DIABETES_STATUSES = ['none', 'type-1', 'type-2', 'other'] as const;
export const DIABETES_LABELS: Record<(typeof DIABETES_STATUSES)[number], string> = { none: 'No diabetes', 'type-1': 'Type 1 diabetes', 'type-2': 'Type 2 diabetes', other: 'Other diabetes' };
export const DiabetesFactSchema = z.strictObject({ status: z.enum(DIABETES_STATUSES), note: shortText('the note', { max: 200 }).default('') });

export const PREGNANCY_STATUSES = ['not-applicable', 'possible', 'pregnant'] as const;
export const PREGNANCY_LABELS: Record<(typeof PREGNANCY_STATUSES)[number], string> = {
  'not-applicable': 'Cannot be pregnant',
  possible: 'Could be pregnant: ask at each encounter',
  pregnant: 'Pregnant',
};
export const PregnancyFactSchema = z.strictObject({ status: z.enum(PREGNANCY_STATUSES), note: shortText('the note', { max: 200 }).default('') });

export const DEVICE_TYPES = ['spinal-cord-stimulator', 'intrathecal-pump', 'pacemaker-or-defibrillator', 'other'] as const;
export const DEVICE_LABELS: Record<(typeof DEVICE_TYPES)[number], string> = {
  'spinal-cord-stimulator': 'Spinal cord stimulator',
  'intrathecal-pump': 'Intrathecal pump',
  'pacemaker-or-defibrillator': 'Pacemaker or defibrillator',
  other: 'Other implanted device',
};
export const DeviceFactSchema = z.strictObject({ type: z.enum(DEVICE_TYPES), description: shortText('the description', { max: 200 }).default('') });

export const PatientFactDataSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('antithrombotic'), data: AntithromboticFactSchema }),
  z.strictObject({ kind: z.literal('medication'), data: MedicationFactSchema }),
  z.strictObject({ kind: z.literal('allergy'), data: AllergyFactSchema }),
  z.strictObject({ kind: z.literal('diabetes'), data: DiabetesFactSchema }),
  z.strictObject({ kind: z.literal('pregnancy'), data: PregnancyFactSchema }),
  z.strictObject({ kind: z.literal('device'), data: DeviceFactSchema }),
]);
export type PatientFactData = z.infer<typeof PatientFactDataSchema>;
export type PatientFactKind = PatientFactData['kind'];
export const PATIENT_FACT_KINDS = ['antithrombotic', 'medication', 'allergy', 'diabetes', 'pregnancy', 'device'] as const satisfies readonly PatientFactKind[];
/** Kinds a patient has one of at a time: recording a new one replaces the standing one. */
export const SINGLE_FACT_KINDS: ReadonlySet<PatientFactKind> = new Set(['diabetes', 'pregnancy']);

export const PatientFactSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  entry: PatientFactDataSchema,
  /** The fact this one replaced (a change), or null. */
  replacesId: IdSchema.nullable(),
  /** The encounter it was entered from, or null. */
  encounterId: IdSchema.nullable(),
  at: TimestampSchema,
  by: ActorSchema,
  /** Set once replaced by a later fact. */
  replacedBy: IdSchema.nullable(),
  removed: z.object({ at: TimestampSchema, by: ActorSchema, reason: storedText }).nullable(),
});
export type PatientFact = z.infer<typeof PatientFactSchema>;

export const ConfirmationSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  /** The facts standing when confirmed: a later change makes the confirmation out of date. */
  factIds: z.array(IdSchema),
  at: TimestampSchema,
  by: ActorSchema,
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** A patient's facts: every row (replaced and removed ones included, oldest first) and one encounter's confirmations. */
export const PatientFactsViewSchema = z.object({
  patientId: IdSchema,
  facts: z.array(PatientFactSchema),
  confirmations: z.array(ConfirmationSchema),
});
export type PatientFactsView = z.infer<typeof PatientFactsViewSchema>;

/** The facts standing now: not replaced, not removed. */
export function currentFacts(facts: readonly PatientFact[]): PatientFact[] {
  return facts.filter((f) => !f.replacedBy && !f.removed);
}

export const GetPatientFactsInputSchema = z.strictObject({ encounterId: IdSchema });

export const RecordPatientFactInputSchema = z.strictObject({
  /** The encounter it is entered from: the patient is that encounter's. */
  encounterId: IdSchema,
  fact: PatientFactDataSchema,
  /** A change: the standing fact this replaces. */
  replacesId: IdSchema.optional(),
});

export const RemovePatientFactInputSchema = z.strictObject({
  encounterId: IdSchema,
  factId: IdSchema,
  reason: shortText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' }),
});

export const ConfirmPatientFactsInputSchema = z.strictObject({
  encounterId: IdSchema,
  /** The facts the person saw and confirmed; refused when they are not the standing ones (a stale screen). */
  factIds: z.array(IdSchema).max(500),
});

const fact: AuditDescribe = onEncounter((i, o) => `encounter:${String(i.encounterId)}/patient-fact:${typeof o.id === 'string' ? o.id : String(i.factId)}`);

export const PATIENT_FACTS_METHODS = {
  'patientFacts.get': method({
    summary: "The patient's clinical facts (medications, allergies, diabetes, pregnancy, devices) with their history, and this encounter's confirmations.",
    writes: false,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/patient-facts`) },
    input: GetPatientFactsInputSchema,
    output: PatientFactsViewSchema,
  }),
  'patientFacts.record': method({
    summary: 'Record a clinical fact of the patient, or change one (the old one stays, replaced).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: fact },
    input: RecordPatientFactInputSchema,
    output: PatientFactSchema,
  }),
  'patientFacts.remove': method({
    summary: 'Remove a clinical fact that no longer holds or was entered in error, with a reason (it stays in the history).',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: fact },
    input: RemovePatientFactInputSchema,
    output: PatientFactSchema,
  }),
  'patientFacts.confirm': method({
    summary: "Confirm, for this encounter, the patient's standing clinical facts.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/patient-facts/confirmed:${typeof o.id === 'string' ? o.id : ''}`) },
    input: ConfirmPatientFactsInputSchema,
    output: ConfirmationSchema,
  }),
} as const;

/**
 * The anticoagulant verdict of one encounter, as the worklist row and the header show it:
 * computed from the patient's drugs (and any per-encounter entries from before patient
 * facts) against the planned start a person entered, or, without one, against the whole
 * planned day (a hard stop at the day's last minute is one at any time that day).
 */
export const AnticoagulantVerdictSchema = z.object({
  status: z.enum(['none', 'clear', 'decision', 'hard-stop', 'needs-planned-start']),
  text: storedLine,
  /** The planned start it was judged against, or null when none has been entered. */
  plannedStartAt: TimestampSchema.nullable(),
  drugs: z.array(z.object({ drugName: storedLine, statusText: storedLine, earliestSafeLocal: storedLine.nullable(), hardStop: z.boolean() })),
});
export type AnticoagulantVerdict = z.infer<typeof AnticoagulantVerdictSchema>;
