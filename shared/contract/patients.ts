/** Patient records: creation and search. */
import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema } from './common';

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']);

const NameSchema = z.string().trim().min(1, 'is required').max(100);

export const PatientSchema = z.object({
  id: IdSchema,
  mrn: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  birthDate: DateSchema,
  sex: SexSchema,
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
  familyName: NameSchema,
  givenName: NameSchema,
  birthDate: DateSchema,
  sex: SexSchema,
});
export type CreatePatientInput = z.infer<typeof CreatePatientInputSchema>;

export const SearchPatientsInputSchema = z.strictObject({
  query: z.string().trim().max(100),
  limit: z.number().int().min(1).max(100).default(20),
});
