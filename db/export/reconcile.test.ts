// The outbox at start-up and under concurrent exports (issue 16, point 7): an
// export is recorded before its files are visible, start-up finishes a recorded
// export's files and removes every other .partial (they hold PHI), and two
// exports of one note racing each other never both replace the same document.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxExport } from '#shared/contract/note';
import { openCore } from '../core';
import { ADMIN, NURSE, ok, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, TEST_PASSWORD_COST, withAct } from '../testing/temp-core';
import { partialName } from './atomic-write';
import { CHART_READY } from '../testing/chart-identity';

let dataDir: string;
let outbox: string;
let core: ReturnType<typeof open>;
const open = () => withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));
const auditActions = () => core.db.prepare('SELECT action, target FROM audit_log ORDER BY seq').all() as { action: string; target: string }[];

beforeEach(async () => {
  dataDir = tempDir('proceduredesk-reconcile-');
  outbox = tempDir('proceduredesk-reconcile-outbox-');
  core = open();
  ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, ...CHART_READY }));
});
afterEach(() => {
  core.close();
  for (const dir of [dataDir, outbox]) fs.rmSync(dir, { recursive: true, force: true });
});

async function signedEncounter(): Promise<string> {
  const patient = ok<{ id: string }>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  const id = ok<{ id: string }>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Back pain',
  })).id;
  ok(await core.act('consent.save', { actor: PHYSICIAN, encounterId: id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }));
  ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: id, password: TEST_PASSWORD, attestation: 'I held the discussion.' }));
  return id;
}

/** An addendum, so the note has something new to send (an unchanged note is not exported again). */
async function addAddendum(encounterId: string): Promise<void> {
  const { note } = ok<{ note: { id: string } }>(await core.act('note.get', { actor: PHYSICIAN, encounterId }));
  ok(await core.act('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'Detail added', text: 'A detail added after signing.', password: TEST_PASSWORD }));
}

/** Puts an exported document back the way a crash after its record leaves it: its files still hidden under .partial names. */
function hideAgain(e: OutboxExport): void {
  for (const { file } of e.files) fs.renameSync(path.join(outbox, file), path.join(outbox, partialName(file, e.documentId)));
}

describe('start-up reconciliation of the outbox', () => {
  it("finishes a recorded export's files, removes partial files no record names or whose bytes differ, and audits it", async () => {
    const encounterId = await signedEncounter();
    const first = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    await addAddendum(encounterId);
    const second = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    hideAgain(first);
    hideAgain(second);
    // A changed byte: the file is not what the record says was sent, so it is never put in place.
    fs.appendFileSync(path.join(outbox, partialName(second.files[1]!.file, second.documentId)), 'x');
    const orphan = partialName('consent-note_MRN-0042_2026-11-24_abcdef01.pdf', 'abcdef01-0000-4000-8000-000000000000');
    fs.writeFileSync(path.join(outbox, orphan), '%PDF- a note never recorded');
    const unrelated = path.join(outbox, 'README.txt');
    fs.writeFileSync(unrelated, 'left alone');
    core.close();

    core = open();
    const entries = fs.readdirSync(outbox).sort();
    expect(entries.filter((e) => e.endsWith('.partial'))).toEqual([]);
    expect(entries).toEqual([...first.files.map((f) => f.file), ...second.files.filter((_, i) => i !== 1).map((f) => f.file), 'README.txt'].sort());
    expect(auditActions().at(-1)).toEqual({ action: 'export.reconciled', target: 'finished:7/removed:2' });
  });

  it('with nothing to do, changes nothing and audits nothing', async () => {
    const encounterId = await signedEncounter();
    ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    const before = fs.readdirSync(outbox).sort();
    const audited = auditActions().length;
    core.close();
    core = open();
    expect(fs.readdirSync(outbox).sort()).toEqual(before);
    expect(auditActions()).toHaveLength(audited);
  });

  it('an outbox folder missing at start-up is left for the next start; the app still opens', async () => {
    const encounterId = await signedEncounter();
    const e = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    hideAgain(e);
    core.close();
    const aside = `${outbox}-unmounted`;
    fs.renameSync(outbox, aside);
    const logged: string[] = [];
    core = withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST, log: (m) => logged.push(m) }));
    expect(logged.some((m) => m.includes('could not be reconciled now'))).toBe(true);
    core.close();
    fs.renameSync(aside, outbox);
    core = open();
    expect(fs.readdirSync(outbox).sort()).toEqual(e.files.map((f) => f.file).sort());
  });
});

describe('two exports of one note at once', () => {
  it('never both replace the same document: one is refused, nothing of it is left', async () => {
    const encounterId = await signedEncounter();
    const first = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    await addAddendum(encounterId);
    const results = await Promise.all([
      core.act('note.exportToOutbox', { actor: NURSE, encounterId }),
      core.act('note.exportToOutbox', { actor: PHYSICIAN, encounterId }),
    ]);
    const done = results.filter((r) => r.ok).map((r) => r.value as OutboxExport);
    expect(done).toHaveLength(1);
    expect(done[0]!.replacesDocumentId).toBe(first.documentId);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const files = fs.readdirSync(outbox);
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(files.sort()).toEqual([...first.files, ...done[0]!.files].map((f) => f.file).sort());
    const replaced = core.db.prepare('SELECT replaces_document_id FROM outbox_exports ORDER BY rowid').pluck().all();
    expect(replaced).toEqual([null, first.documentId]);
  });
});
