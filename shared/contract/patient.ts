/** Patient records: creation, search, and correcting the preferred language and the payer. */
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from './common';
import { LanguageTagSchema } from './language';
import { personName, shortText, storedLine } from './text';
import { CLINICAL, method } from './method-spec';

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']);

/** Whose coverage rules apply to the patient (shared/clinical/payer-rules.ts): Medicare's LCDs, or a plan whose procedures eviCore manages. */
export const PayerSchema = z.enum(['medicare', 'evicore']);
export type PayerId = z.infer<typeof PayerSchema>;
export const PAYER_LABELS: Readonly<Record<PayerId, string>> = { medicare: 'Medicare', evicore: 'A plan managed by eviCore' };


export const PatientSchema = z.object({
  id: IdSchema,
  mrn: storedLine,
  familyName: storedLine,
  givenName: storedLine,
  birthDate: DateSchema,
  sex: SexSchema,
  /** The preferred language, a BCP 47 tag from shared/domain/languages.ts; null where not recorded. */
  language: storedLine.nullable().default(null),
  /** Whose coverage rules apply; null where not recorded (Medicare's are then shown, and the screen says so). */
  payer: PayerSchema.nullable().default(null),
  createdAt: TimestampSchema,
});
export type Patient = z.infer<typeof PatientSchema>;

export const CreatePatientInputSchema = z.strictObject({
  mrn: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'may contain only letters, digits and hyphens'),
  familyName: personName('the family name'),
  givenName: personName('the given name'),
  birthDate: DateSchema,
  sex: SexSchema,
  language: LanguageTagSchema.nullable().default(null),
});
export type CreatePatientInput = z.input<typeof CreatePatientInputSchema>;

/** The preferred language corrected after registration; null takes it back to "not recorded". */
export const SetPatientLanguageInputSchema = z.strictObject({
  patientId: IdSchema,
  language: LanguageTagSchema.nullable(),
});

/** The payer whose coverage rules apply; null takes it back to "not recorded". */
export const SetPatientPayerInputSchema = z.strictObject({
  patientId: IdSchema,
  payer: PayerSchema.nullable(),
});

export const SearchPatientsInputSchema = z.strictObject({
  query: shortText('the search', { max: 100 }),
  limit: z.number().int().min(1).max(100).default(20),
});

export const PATIENT_METHODS = {
  'patient.create': method({
    summary: 'Register a patient; the MRN must be unique.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (_i, o) => ({ patientId: o.id as string, target: `patient:${String(o.id)}` }) },
    input: CreatePatientInputSchema,
    output: PatientSchema,
  }),
  'patient.setLanguage': method({
    summary: "Correct the patient's preferred language (handout and teach-back follow it); each change keeps before, after, who and when.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i) => ({ patientId: i.patientId as string, target: `patient:${String(i.patientId)}/language` }) },
    input: SetPatientLanguageInputSchema,
    output: PatientSchema,
  }),
  'patient.setPayer': method({
    summary: 'Record or correct whose coverage rules apply to the patient (coverage readiness follows it); each change keeps before, after, who and when.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i) => ({ patientId: i.patientId as string, target: `patient:${String(i.patientId)}/payer` }) },
    input: SetPatientPayerInputSchema,
    output: PatientSchema,
  }),
  'patient.search': method({
    summary: 'Find patients by name fragment or MRN prefix.',
    writes: false,
    access: CLINICAL,
    audit: 'none',
    input: SearchPatientsInputSchema,
    output: z.array(PatientSchema),
  }),
} as const;
