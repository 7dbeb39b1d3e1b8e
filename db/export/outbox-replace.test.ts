// Issue 19 point 3 and 4 through the real core and a real outbox folder: a note already sent as it
// stands is not sent again (and the answer says so); after an addendum the new document replaces the
// earlier one (FHIR relatesTo by a conditional reference and a conditional PATCH to superseded in the
// same transaction; HL7 T10 with TXA-13 the parent's number); file names sort in send order; the file
// mode follows the site's setting; the discussion's own time is in Consent.dateTime and TXA-4; a PDF
// too large for OBX-5 is refused, or sent referenced (RP) when the site chose that.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hl7Message } from '@medplum/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { OutboxExport } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import { documentNumberOf } from '#shared/interop/document-number';
import { fieldLengthProblems } from '#shared/interop/hl7-field-lengths';
import type { FhirBundle, FhirConsent, FhirDocumentReference } from '#shared/interop/fhir-resources';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { CHART_READY, TEST_INTEROP } from '../testing/chart-identity';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { noisySignaturePngBase64 } from '../testing/png';

let core: TempCore;
let outbox: string;
let clock = Date.parse('2026-11-24T15:30:00.000Z');
beforeEach(() => {
  clock = Date.parse('2026-11-24T15:30:00.000Z');
  core = openTempCore({ now: () => new Date(clock) });
  outbox = tempDir('proceduredesk-replace-');
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

async function signedEncounter(): Promise<Encounter> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'MRN-0042' }));
  const e = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  }));
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: e.id, discussedAt: '2026-11-24T14:05:00.000Z', benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    interpreter: { used: false }, decision: 'consents',
  }));
  return e;
}
const sign = async (e: Encounter) => ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: e.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
const send = async (e: Encounter) => core.act('note.exportToOutbox', { actor: NURSE, encounterId: e.id });
const fileOf = (x: OutboxExport, format: string) => path.join(outbox, x.files.find((f) => f.format === format)!.file);
const hl7Of = (x: OutboxExport) => Hl7Message.parse(fs.readFileSync(fileOf(x, 'hl7'), 'utf8').replace(/\r$/, ''));
const bundleOf = (x: OutboxExport) => JSON.parse(fs.readFileSync(fileOf(x, 'fhir'), 'utf8')) as FhirBundle;
const setUp = async (interop: Partial<typeof TEST_INTEROP> = {}) => ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, ...CHART_READY, interop: { ...TEST_INTEROP, ...interop } }));

describe('replacement right (issue 19 point 3)', () => {
  it('an unchanged resend sends nothing and says it was already sent; after an addendum the new document replaces and supersedes the earlier', async () => {
    fhirTerminology();
    await setUp();
    const e = await signedEncounter();
    await sign(e);
    const first = ok<OutboxExport>(await send(e));
    const filesAfterFirst = fs.readdirSync(outbox).sort();

    clock += 60_000;
    expect(await send(e)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Already sent unchanged: .*document .*Nothing new was sent\.$/) } });
    expect(fs.readdirSync(outbox).sort()).toEqual(filesAfterFirst);
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports').pluck().get()).toBe(1);

    const note = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId: e.id })).note;
    ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'Level corrected', text: 'The level was L5-S1.', password: TEST_PASSWORD }));
    const second = ok<OutboxExport>(await send(e));
    expect(second.replacesDocumentId).toBe(first.documentId);

    // HL7: T10, TXA-12 this document's number, TXA-13 the parent's, both within 30 characters; MSH-10 within 20.
    const t10 = hl7Of(second);
    expect(t10.getSegment('MSH')!.getField(9).toString()).toBe('MDM^T10^MDM_T02');
    expect(t10.getSegment('MSH')!.getField(10).toString()).toHaveLength(20);
    expect(t10.getSegment('TXA')!.getField(12).toString()).toBe(documentNumberOf(second.documentId));
    expect(t10.getSegment('TXA')!.getField(13).toString()).toBe(documentNumberOf(first.documentId));
    expect(t10.getSegment('TXA')!.getField(21).toString()).toBe('Addendum 1 added');
    expect(fieldLengthProblems(fs.readFileSync(fileOf(second, 'hl7'), 'utf8'))).toEqual([]);
    expect(fieldLengthProblems(fs.readFileSync(fileOf(first, 'hl7'), 'utf8'))).toEqual([]);

    // FHIR: relatesTo resolvable by identifier, and the earlier document superseded in the same transaction.
    const bundle = bundleOf(second);
    expectValidBundle(bundle);
    const earlier = `identifier=${encodeURIComponent(`urn:ietf:rfc:3986|urn:uuid:${first.documentId}`)}`;
    const doc = bundle.entry.find((x) => x.resource.resourceType === 'DocumentReference')!.resource as FhirDocumentReference;
    expect(doc.relatesTo).toEqual([{ code: 'replaces', target: expect.objectContaining({ reference: `DocumentReference?${earlier}` }) }]);
    expect(bundle.entry.filter((x) => x.request.method === 'PATCH').map((x) => x.request.url)).toEqual([`DocumentReference?${earlier}`]);
    expect(bundleOf(first).entry.some((x) => x.request.method === 'PATCH')).toBe(false);

    // Send order: every file of the replacement sorts after every file of its parent, and each ends with its document number.
    const names = fs.readdirSync(outbox).sort();
    const firstNames = first.files.map((f) => f.file);
    const secondNames = second.files.map((f) => f.file);
    expect(Math.max(...firstNames.map((n) => names.indexOf(n)))).toBeLessThan(Math.min(...secondNames.map((n) => names.indexOf(n))));
    expect(fileOf(second, 'pdf').endsWith(`_${documentNumberOf(second.documentId)}.pdf`)).toBe(true);
  });

  it('Consent.dateTime and TXA-4 are when the discussion happened, not the last save', async () => {
    await setUp();
    const e = await signedEncounter();
    clock += 3 * 3600_000; // the discussion is saved again hours later
    ok(await core.act('consent.save', {
      actor: PHYSICIAN, encounterId: e.id, discussedAt: '2026-11-24T14:05:00.000Z', benefitsDiscussed: true, benefitsNote: 'Less leg pain.', alternativesDiscussed: true, alternativesNote: '', questions: [],
      interpreter: { used: false }, decision: 'consents',
    }));
    await sign(e);
    const x = ok<OutboxExport>(await send(e));
    const consent = bundleOf(x).entry.find((y) => y.resource.resourceType === 'Consent')!.resource as FhirConsent;
    expect(consent.dateTime).toBe('2026-11-24T14:05:00.000Z');
    expect(hl7Of(x).getSegment('TXA')!.getField(4).toString()).toBe('20261124140500+0000');
  });
});

describe('site mapping (issue 19 point 4)', () => {
  it('outbox files are 0600 by default and take the mode the site sets for its engine', async () => {
    await setUp();
    const e = await signedEncounter();
    await sign(e);
    const x = ok<OutboxExport>(await send(e));
    for (const f of x.files) expect(fs.statSync(path.join(outbox, f.file)).mode & 0o777, f.file).toBe(0o600);
    expect(await core.act('settings.update', { actor: ADMIN, interop: { ...TEST_INTEROP, outboxFileMode: '0666' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await setUp({ outboxFileMode: '0640', processingId: 'T', documentType: { code: 'CONSENT', text: 'Consent note', codingSystem: 'L' } });
    const note = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId: e.id })).note;
    ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'More detail', text: 'More.', password: TEST_PASSWORD }));
    const y = ok<OutboxExport>(await send(e));
    for (const f of y.files) expect(fs.statSync(path.join(outbox, f.file)).mode & 0o777, f.file).toBe(0o640);
    const msh = hl7Of(y).getSegment('MSH')!;
    expect(msh.getField(11).toString()).toBe('T');
    expect(hl7Of(y).getSegment('TXA')!.getField(2).toString()).toBe('CONSENT^Consent note^L');
  });

  it('a TXA-2 that would not fit 30 characters is refused at the settings, changing nothing', async () => {
    await setUp();
    const refused = await core.act('settings.update', { actor: ADMIN, interop: { ...TEST_INTEROP, documentType: { code: 'CONSENTDOC', text: 'Consent discussion note', codingSystem: 'LOCAL' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('TXA-2') } });
    expect(ok<{ interop: typeof TEST_INTEROP }>(await core.act('settings.get', { actor: ADMIN })).interop.documentType.code).toBe('PN');
  });

  it('a large PDF (drawn signatures): embedded, split into OBX fragments within 99,999 that join to the PDF; referenced, OBX-5 is an RP to the outbox PDF', async () => {
    await setUp();
    const e = await signedEncounter();
    for (const [signer, seed] of [['patient', 1], ['witness', 2], ['interpreter', 3]] as const) {
      ok(await core.act('consent.captureSignature', { actor: NURSE, encounterId: e.id, signer, signerName: `Signer ${seed}`, method: 'drawn', imagePngBase64: noisySignaturePngBase64(200, 80, seed) }));
    }
    await sign(e);
    const split = ok<OutboxExport>(await send(e));
    expect(fieldLengthProblems(fs.readFileSync(fileOf(split, 'hl7'), 'utf8'))).toEqual([]);
    const fragments = hl7Of(split).segments.filter((s) => s.name === 'OBX');
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments.every((s) => s.getField(2).toString() === 'ED' && s.getField(4).toString() === '1')).toBe(true);
    expect(Buffer.from(fragments.map((s) => s.getComponent(5, 5)).join(''), 'base64').equals(fs.readFileSync(fileOf(split, 'pdf')))).toBe(true);

    // The site now sends PDFs referenced; an addendum makes the next document.
    await setUp({ hl7Pdf: 'referenced' });
    const note = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId: e.id })).note;
    ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'More detail', text: 'More.', password: TEST_PASSWORD }));
    const x = ok<OutboxExport>(await send(e));
    const text = fs.readFileSync(fileOf(x, 'hl7'), 'utf8');
    expect(fieldLengthProblems(text)).toEqual([]);
    const obx = hl7Of(x).getSegment('OBX')!;
    expect(obx.getField(2).toString()).toBe('RP');
    expect(obx.getComponent(5, 1)).toBe(path.basename(fileOf(x, 'pdf')));
    const base = obx.getComponent(5, 2).split('&')[1]!;
    // The engine finds the very PDF: the base URI (the outbox folder) and the pointer (its file name).
    expect(fileURLToPath(new URL(obx.getComponent(5, 1), base))).toBe(path.resolve(fileOf(x, 'pdf')));
    expect(fs.statSync(fileOf(x, 'pdf')).size * 4 / 3).toBeGreaterThan(99_999);
  });
});
