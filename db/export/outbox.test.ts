// Exports to the chart through the outbox: real core, real files, the FHIR
// Bundle validated offline, the MDM parsed with a standard HL7 v2 parser, the
// same PDF bytes in all three, amendments as replacements, and the batch
// export in the background with progress and cancel.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hl7Message } from '@medplum/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { BatchStatus } from '#shared/contract/export';
import type { OutboxExport } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import type { FhirBundle, FhirDocumentReference } from '#shared/interop/fhir-resources';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { pdfPages } from '../testing/pdf-text';
import { batchSummary } from '#shared/domain/batch-summary';
import { writeFileAtomic } from './atomic-write';
import { CHART_READY } from '../testing/chart-identity';
import { documentNumberOf } from '#shared/interop/document-number';

let core: TempCore;
let outbox: string;
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
  outbox = tempDir('proceduredesk-outbox-');
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

let mrn = 0;
async function encounter(options: { sign: boolean; plannedDate?: string }): Promise<Encounter> {
  mrn += 1;
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `MRN-${String(mrn).padStart(4, '0')}` }));
  const e = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: options.plannedDate ?? '2026-11-24', indication: 'Left L5 radicular pain, 8 weeks.',
  }));
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: e.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    interpreter: { used: true, language: 'es', interpreterId: '7781', mode: 'phone' }, decision: 'consents',
  }));
  if (options.sign) ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: e.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
  return e;
}

const setOutbox = async () => ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, ...CHART_READY }));
const read = (file: string) => fs.readFileSync(path.join(outbox, file));
const fileOf = (e: OutboxExport, format: string) => e.files.find((f) => f.format === format)!.file;
const documentOf = (bundle: FhirBundle) => bundle.entry.find((x) => x.resource.resourceType === 'DocumentReference')!.resource as FhirDocumentReference;
const auditActions = () => core.db.prepare('SELECT action, target, user_name FROM audit_log ORDER BY seq').all() as { action: string; target: string; user_name: string }[];

describe('the outbox', () => {
  it('is set by an administrator to an existing folder; without it, or for an unsigned note, nothing is exported', async () => {
    const signed = await encounter({ sign: true });
    expect(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: signed.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('No outbox folder') } });
    expect(await core.act('settings.update', { actor: ADMIN, outboxFolder: path.join(outbox, 'missing') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('does not exist') } });
    expect(await core.act('settings.update', { actor: ADMIN, outboxFolder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.act('settings.update', { actor: NURSE, outboxFolder: outbox })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await setOutbox();
    const draft = await encounter({ sign: false });
    expect(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: draft.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Only a signed note') } });
    expect(fs.readdirSync(outbox)).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports').pluck().get()).toBe(0);
  });

  it('writes PDF, text, FHIR Bundle and MDM^T02 with the same PDF bytes; the Bundle validates; the export is recorded and audited', async () => {
    fhirTerminology();
    await setOutbox();
    const e = await encounter({ sign: true });
    const exported = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: e.id }));
    expect(exported).toMatchObject({ encounterId: e.id, replacesDocumentId: null, addendaCount: 0, folder: outbox, batchId: null, by: NURSE });
    expect(fs.readdirSync(outbox).sort()).toEqual(exported.files.map((f) => f.file).sort());
    expect(exported.files.map((f) => f.format)).toEqual(['pdf', 'text', 'fhir', 'hl7']);
    for (const f of exported.files) expect(createHash('sha256').update(read(f.file)).digest('hex'), f.file).toBe(f.sha256);

    const pdf = read(fileOf(exported, 'pdf'));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(exported.pdfSha256);
    expect((await pdfPages(pdf)).join(' ')).toContain('PEÑA, María José');
    expect(read(fileOf(exported, 'text')).toString('utf8')).toContain('Interpreter id: 7781. Mode: by telephone.');

    const bundle = JSON.parse(read(fileOf(exported, 'fhir')).toString('utf8')) as FhirBundle;
    expectValidBundle(bundle);
    const doc = documentOf(bundle);
    expect(doc.identifier).toContainEqual({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${exported.documentId}` });
    expect(doc.relatesTo).toBeUndefined();
    expect(doc.type.coding?.[0]?.code).toBe('59284-0');
    expect(Buffer.from(doc.content[0].attachment.data, 'base64').equals(pdf)).toBe(true);

    const hl7 = read(fileOf(exported, 'hl7')).toString('utf8');
    const message = Hl7Message.parse(hl7.replace(/\r$/, ''));
    expect(message.getSegment('MSH')!.getField(9).toString()).toBe('MDM^T02^MDM_T02');
    expect(message.getSegment('TXA')!.getComponent(12, 1)).toBe(documentNumberOf(exported.documentId));
    expect(Buffer.from(message.getSegment('OBX')!.getComponent(5, 5), 'base64').equals(pdf)).toBe(true);

    expect(ok<OutboxExport[]>(await core.act('note.outboxExports', { actor: PHYSICIAN, encounterId: e.id }))).toEqual([exported]);
    expect(auditActions()).toContainEqual({ action: 'note.exportToOutbox', target: expect.stringContaining(`document:${exported.documentId}`), user_name: NURSE.name });
    expect(() => core.db.prepare("UPDATE outbox_exports SET folder = '/elsewhere'").run()).toThrow(/append-only/);
  });

  it('an addendum, then export again: the new document replaces the earlier (FHIR relatesTo replaces, MDM^T10 naming its parent) and carries the addendum', async () => {
    fhirTerminology();
    await setOutbox();
    const e = await encounter({ sign: true });
    const first = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: e.id }));
    const note = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId: e.id })).note;
    ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'Interpreter id corrected', text: 'El intérprete fue el n.º 7782, no 7781.', password: TEST_PASSWORD }));
    const second = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: PHYSICIAN, encounterId: e.id }));
    expect(second).toMatchObject({ replacesDocumentId: first.documentId, addendaCount: 1 });
    expect(second.documentId).not.toBe(first.documentId);

    const bundle = JSON.parse(read(fileOf(second, 'fhir')).toString('utf8')) as FhirBundle;
    expectValidBundle(bundle);
    expect(documentOf(bundle).relatesTo).toEqual([{ code: 'replaces', target: expect.objectContaining({}) }]);
    expect(JSON.stringify(documentOf(bundle).relatesTo)).toContain(first.documentId);

    const message = Hl7Message.parse(read(fileOf(second, 'hl7')).toString('utf8').replace(/\r$/, ''));
    expect(message.getSegment('MSH')!.getField(9).toString()).toBe('MDM^T10^MDM_T02');
    expect(message.getSegment('TXA')!.getComponent(13, 1)).toBe(documentNumberOf(first.documentId));
    const pdfText = (await pdfPages(read(fileOf(second, 'pdf')))).join(' ').replace(/\s+/g, ' ');
    expect(pdfText).toContain('Addendum 1');
    expect(pdfText).toContain('El intérprete fue el n.º 7782, no 7781.');
    expect(read(fileOf(second, 'text')).toString('utf8')).toContain('ADDENDUM 1');
    // Both exports stay on disk and in the record.
    expect(fs.readdirSync(outbox)).toHaveLength(8);
    expect(ok<OutboxExport[]>(await core.act('note.outboxExports', { actor: NURSE, encounterId: e.id })).map((x) => x.documentId)).toEqual([first.documentId, second.documentId]);
  });

  it('a folder that disappeared: a clear refusal, no record, no file', async () => {
    await setOutbox();
    const e = await encounter({ sign: true });
    fs.rmSync(outbox, { recursive: true });
    expect(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: e.id })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('does not exist') } });
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports').pluck().get()).toBe(0);
    fs.mkdirSync(outbox);
  });
});

describe('atomic writes', () => {
  it('replace a file whole and leave no temporary file; a failed write leaves neither', () => {
    const dir = tempDir('proceduredesk-atomic-');
    writeFileAtomic(dir, 'note.pdf', 'first', 'a');
    writeFileAtomic(dir, 'note.pdf', 'second version', 'b');
    expect(fs.readFileSync(path.join(dir, 'note.pdf'), 'utf8')).toBe('second version');
    fs.mkdirSync(path.join(dir, 'taken.pdf'));
    expect(() => writeFileAtomic(dir, 'taken.pdf', 'x', 'c')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['note.pdf', 'taken.pdf']);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('batch export', () => {
  const until = async (batchId: string, done: (s: BatchStatus) => boolean, seen: BatchStatus[] = []): Promise<BatchStatus> => {
    for (;;) {
      const status = ok<BatchStatus>(await core.act('export.batchStatus', { actor: NURSE, batchId }));
      seen.push(status);
      if (done(status)) return status;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it("exports a day's signed notes in the background with progress that moves; unsigned ones are listed, other days untouched; other calls are served meanwhile", async () => {
    await setOutbox();
    const signed: Encounter[] = [];
    for (let i = 0; i < 10; i++) signed.push(await encounter({ sign: true }));
    const unsigned = await encounter({ sign: false });
    await encounter({ sign: true, plannedDate: '2026-11-25' });

    const started = ok<BatchStatus>(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' }));
    expect(started).toMatchObject({ state: 'running', total: 10, exported: 0, problems: [{ encounterId: unsigned.id, reason: expect.stringContaining('not signed') }] });
    // The UI stays responsive: a checklist change is answered while the batch runs.
    ok(await core.act('checklist.setItem', { actor: NURSE, encounterId: unsigned.id, itemId: 'infection', status: 'checked' }));
    const midway = ok<BatchStatus>(await core.act('export.batchStatus', { actor: NURSE, batchId: started.batchId }));
    expect(midway.exported).toBeLessThan(10);

    const seen: BatchStatus[] = [];
    const final = await until(started.batchId, (s) => s.state !== 'running', seen);
    expect(final).toMatchObject({ state: 'done', total: 10, exported: 10, failed: 0 });
    const progress = [...new Set(seen.map((s) => s.exported))];
    expect(progress.length, 'the progress moved through intermediate values').toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const rows = core.db.prepare('SELECT encounter_id FROM outbox_exports WHERE batch_id = ?').pluck().all(started.batchId);
    expect(new Set(rows)).toEqual(new Set(signed.map((e) => e.id)));
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.pdf'))).toHaveLength(10);
    expect(auditActions().filter((a) => a.action.startsWith('export.')).map((a) => a.action)).toEqual(['export.startBatch', 'export.batchFinished']);
  });

  it('cancel stops before the next note; what was exported stays exported and recorded', async () => {
    await setOutbox();
    for (let i = 0; i < 8; i++) await encounter({ sign: true });
    const started = ok<BatchStatus>(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' }));
    await until(started.batchId, (s) => s.exported >= 1);
    ok(await core.act('export.cancelBatch', { actor: PHYSICIAN, batchId: started.batchId }));
    const final = await until(started.batchId, (s) => s.state !== 'running');
    expect(final.state).toBe('cancelled');
    expect(final.exported).toBeLessThan(8);
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports WHERE batch_id = ?').pluck().get(started.batchId)).toBe(final.exported);
    expect(auditActions().map((a) => a.action)).toContain('export.cancelBatch');
  });

  it('skips notes the outbox already has unchanged and says how many; a note with a new addendum is sent again', async () => {
    await setOutbox();
    const sent = await encounter({ sign: true });
    const amended = await encounter({ sign: true });
    const fresh = await encounter({ sign: true });
    ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: sent.id }));
    ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: amended.id }));
    const note = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId: amended.id })).note;
    ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'Level corrected', text: 'The level was L4-L5.', password: TEST_PASSWORD }));

    const started = ok<BatchStatus>(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' }));
    expect(started).toMatchObject({ total: 2, alreadySent: 1 });
    const final = await until(started.batchId, (s) => s.state !== 'running');
    expect(final).toMatchObject({ state: 'done', total: 2, exported: 2, alreadySent: 1, failed: 0 });
    const rows = core.db.prepare('SELECT encounter_id FROM outbox_exports WHERE batch_id = ?').pluck().all(started.batchId);
    expect(new Set(rows)).toEqual(new Set([amended.id, fresh.id]));
    expect(batchSummary(final, 0)).toBe('Done: 2 notes sent. 1 note already in the outbox unchanged was not sent again.');

    // Run again: everything is in the outbox as it stands, so nothing is sent.
    const again = ok<BatchStatus>(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' }));
    const last = await until(again.batchId, (s) => s.state !== 'running');
    expect(last).toMatchObject({ total: 0, exported: 0, alreadySent: 3 });
    expect(batchSummary(last, 0)).toBe('Nothing new to send. 3 notes already in the outbox unchanged were not sent again.');
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports WHERE batch_id = ?').pluck().get(again.batchId)).toBe(0);
  });

  it('refuses unknown encounters and batches, and a missing outbox, changing nothing', async () => {
    const e = await encounter({ sign: true });
    expect(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await setOutbox();
    expect(await core.act('export.startBatch', { actor: NURSE, encounterIds: [e.id, '00000000-0000-4000-8000-000000000000'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.act('export.batchStatus', { actor: NURSE, batchId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.act('export.startBatch', { actor: ADMIN, plannedDate: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.act('export.startBatch', { actor: NURSE, plannedDate: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.db.prepare('SELECT count(*) FROM outbox_exports').pluck().get()).toBe(0);
  });
});

describe('print and PDF/A', () => {
  it('print returns the note as exported (signed copy) and is audited', async () => {
    const e = await encounter({ sign: true });
    const printed = ok<{ title: string; sections: { heading: string }[] }>(await core.act('note.print', { actor: NURSE, encounterId: e.id }));
    expect(printed.sections.map((s) => s.heading)).toContain('Electronic signature');
    expect(auditActions()).toContainEqual({ action: 'note.print', target: `encounter:${e.id}/note/print`, user_name: NURSE.name });
  });

  it('the PDF declares PDF/A-2b: XMP identification part 2 conformance B, the sRGB output intent, embedded fonts', async () => {
    await setOutbox();
    const e = await encounter({ sign: true });
    const exported = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: e.id }));
    const raw = read(fileOf(exported, 'pdf')).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toContain('/OutputIntents');
    expect(raw).toContain('GTS_PDFA1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Encrypt');
  });
});
