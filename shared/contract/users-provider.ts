/**
 * Who a clinician is to the receiving chart (issue 19): the US NPI and/or the clinic's local
 * provider id, with the family and given name, so TXA-5/9/10/22 (HL7 XCN) and FHIR Practitioner
 * carry an id a receiver can match instead of a display name only.
 */
import { z } from 'zod';
import { npiProblem } from '../domain/npi';
import { personName, shortText } from './text';

/** The NPI, checked by CMS's Luhn check digit (shared/domain/npi.ts). */
export const NpiSchema = z.string().trim().superRefine((value, ctx) => {
  const problem = npiProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A local id goes into XCN.1 and Practitioner.identifier: no HL7 delimiter, no space, at most 20 characters. */
export const LocalProviderIdSchema = shortText('the local provider id', { min: 1, max: 20 })
  .regex(/^[^|^~\\&\s]*$/, 'must not contain spaces or HL7 delimiters (| ^ ~ \\ &)');

export const ProviderIdentitySchema = z.strictObject({
  npi: NpiSchema.nullable(),
  localId: LocalProviderIdSchema.nullable(),
  familyName: personName('the family name', { max: 60 }),
  givenName: personName('the given name', { max: 60 }),
}).refine((p) => p.npi !== null || p.localId !== null, { message: 'give an NPI or a local provider id (or both)', path: ['npi'] });
export type ProviderIdentity = z.infer<typeof ProviderIdentitySchema>;

/** Whether an account can be named by id in an export: a physician who signs needs one. */
export function hasProviderId(provider: ProviderIdentity | null | undefined): provider is ProviderIdentity {
  return !!provider && (provider.npi !== null || provider.localId !== null);
}
