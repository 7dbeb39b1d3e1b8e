// The FHIR R4 document Bundle for consent decisions, cancelled and amended encounters, settings, hostile
// text and bad input: each Bundle validates offline against R4 and references resolve (fhir-bundle.testing.ts).
import { createHash } from 'node:crypto';
import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { buildFhirDocumentBundle, type FhirBundleInput } from './fhir-bundle';
import type { FhirBundle, FhirConsent, FhirDocumentReference, FhirProcedure, FhirProvenance } from './fhir-resources';
import { codeProblems } from './fhir-codes';
import { ESI, FAKE_PDF_BYTES, NURSE, PHYSICIAN } from './test-fixtures';

import { expectReferencesResolve, expectValid, fhirTerminology, input, loadFhirDefinitions, PDF_BASE64, resourceOf, SETTINGS, SIGNATURE } from './fhir-bundle.testing';

loadFhirDefinitions();

describe('FHIR R4 document Bundle: decisions, states, settings and bad input', () => {
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
    expect(codeProblems(wrongStatus, fhirTerminology())).toEqual([expect.stringContaining("DocumentReference.status: 'final'")]);
    expect(codeProblems({ ...doc, docStatus: 'signed' }, fhirTerminology())).toEqual([expect.stringContaining('DocumentReference.docStatus')]);
    expect(codeProblems({ ...doc, relatesTo: [{ code: 'amends', target: {} }] }, fhirTerminology())).toEqual([expect.stringContaining('relatesTo.code')]);
    expect(codeProblems({ ...consent, status: 'declined', provision: { type: 'refuse' } }, fhirTerminology())).toHaveLength(2);
    expect(codeProblems({ ...consent, scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'surgery' }] } }, fhirTerminology()))
      .toEqual([expect.stringContaining('surgery is not a code')]);
    const { fullUrl: _p, ...provenance } = resourceOf<FhirProvenance>(bundle, 'Provenance');
    const misnamed = { ...provenance, signature: [{ ...provenance.signature[0]!, type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: 'Signature' }] }] };
    expect(codeProblems(misnamed, fhirTerminology())).toEqual([expect.stringContaining("display 'Signature' is not 'Author's Signature'")]);
    expect(codeProblems({ ...bundle, type: 'document-set' }, fhirTerminology())).toEqual([expect.stringContaining('Bundle.type')]);
    const entries = bundle.entry.map(({ request: _request, ...rest }) => rest);
    expect(() => validateResource({ ...bundle, entry: entries })).toThrow(/bdl-3/);
  });
});
