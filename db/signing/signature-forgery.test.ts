// Forgeries of a signed note, made the way someone holding the data file and a
// SQLite shell would (triggers dropped, hashes recomputed with the app's own
// published algorithm), each detected on every read: note.get, note.print,
// note.export and the outbox. Issue 16 point 2: before Ed25519 signatures every
// one of these read back as a valid note.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { Envelope } from '#shared/contract/errors';
import { canonicalAddendum, noteSignaturePayload } from '#shared/note/signature';
import { CONSENTS, DECLINES, dropNoteTriggers, signedEncounter } from '../testing/signed-encounter';
import { ADMIN, NURSE, ok, openTempCore, PHYSICIAN, tempDir, type TempCore } from '../testing/temp-core';
import { CHART_READY } from '../testing/chart-identity';
import { storedNoteText, writeNoteText } from '../testing/note-content';

const NOW = new Date('2026-11-24T14:00:00.000Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const FAILED = 'Signature does not verify: this note was changed after signing';

let core: TempCore;
let logs: string[];
let outbox: string;

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);

type AddendumRow = { id: string; note_id: string; seq: number; reason: string; text: string; signed_at: string; signed_by_name: string; signed_by_role: 'nurse' | 'physician'; signed_by_user_id: string };

/** Recomputes every addendum hash of a note in order, as an attacker who knows the algorithm would. */
function rechain(noteId: string): void {
  let previousSha256 = core.db.prepare('SELECT content_sha256 FROM signed_notes WHERE id = ?').pluck().get(noteId) as string;
  for (const a of core.db.prepare('SELECT * FROM note_addenda WHERE note_id = ? ORDER BY seq').all(noteId) as AddendumRow[]) {
    const hash = sha256(canonicalAddendum({
      noteId: a.note_id, seq: a.seq, reason: a.reason, text: a.text, signedAt: a.signed_at,
      signedBy: { name: a.signed_by_name, role: a.signed_by_role }, signedByUserId: a.signed_by_user_id, previousSha256,
    }));
    core.db.prepare('UPDATE note_addenda SET content_sha256 = ? WHERE id = ?').run(hash, a.id);
    previousSha256 = hash;
  }
}

/** Every read of the note refuses it with the one clear message, shows none of it, and the refusal is audited. */
async function expectEveryReadRefuses(encounterId: string, patientId: string, why: RegExp): Promise<void> {
  const auditBefore = core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'note.signatureFailed'").pluck().get() as number;
  const exportsBefore = core.db.prepare('SELECT count(*) FROM note_exports').pluck().get();
  const reads: [string, Envelope<unknown>][] = [
    ['note.get', await nurse()('note.get', { encounterId })],
    ['note.print', await nurse()('note.print', { encounterId })],
    ['note.export', await nurse()('note.export', { encounterId })],
    ['note.exportToOutbox', await nurse()('note.exportToOutbox', { encounterId })],
  ];
  for (const [method, result] of reads) {
    expect(result, method).toMatchObject({ ok: false, error: { message: expect.stringContaining(FAILED) } });
    if (!result.ok) expect(result.error.message, method).toMatch(why);
    expect(JSON.stringify(result), method).not.toContain(DECLINES);
  }
  // Nothing left the app: no export recorded, no file in the outbox.
  expect(core.db.prepare('SELECT count(*) FROM note_exports').pluck().get()).toBe(exportsBefore);
  expect(fs.readdirSync(outbox)).toEqual([]);
  // Each refusal is in the audit trail against this patient.
  const failures = core.db.prepare("SELECT patient_id AS patientId, user_name AS user FROM audit_log WHERE action = 'note.signatureFailed' ORDER BY seq").all() as { patientId: string; user: string }[];
  expect(failures.length - auditBefore).toBe(reads.length);
  expect(failures.slice(auditBefore).every((f) => f.patientId === patientId && f.user === NURSE.name)).toBe(true);
}

beforeEach(async () => {
  logs = [];
  outbox = tempDir('proceduredesk-forgery-outbox-');
  core = openTempCore({ now: () => NOW, log: (m) => logs.push(m) });
  ok(await core.as(ADMIN)('settings.update', { outboxFolder: outbox, ...CHART_READY }));
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

describe('forged signed notes are detected on every read', () => {
  it('"consents" changed to "declines", the content re-hashed and the addenda re-chained', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-1');
    dropNoteTriggers(core.db);
    const text = storedNoteText(core.db, note.id);
    expect(text).toContain(CONSENTS);
    const forged = text.replace(CONSENTS, DECLINES);
    writeNoteText(core.db, note.id, forged);
    core.db.prepare('UPDATE signed_notes SET content_sha256 = ? WHERE id = ?').run(sha256(forged), note.id);
    rechain(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /signature of the note/);
  });

  it('the last addendum deleted', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-2');
    dropNoteTriggers(core.db);
    core.db.prepare('DELETE FROM note_addenda WHERE note_id = ? AND seq = 2').run(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /addendum 2 .*missing/);
  });

  it('every addendum deleted', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-3', 1);
    dropNoteTriggers(core.db);
    core.db.prepare('DELETE FROM note_addenda WHERE note_id = ?').run(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /addendum 1 .*missing/);
  });

  it('an addendum changed and the chain re-hashed after it', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-4');
    dropNoteTriggers(core.db);
    core.db.prepare("UPDATE note_addenda SET text = 'The patient declines the procedure.' WHERE note_id = ? AND seq = 1").run(note.id);
    rechain(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /signature of addendum 1/);
  });

  it("a signed note moved to another of the patient's encounters", async () => {
    const first = await signedEncounter(core, 'FORGE-5', 0);
    const otherId = ok<Encounter>(await nurse()('encounter.create', {
      patientId: first.patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L5-S1'], laterality: 'right', plannedDate: '2026-11-25', indication: 'Right S1 radicular pain.',
    })).id;
    dropNoteTriggers(core.db);
    core.db.prepare('UPDATE signed_notes SET encounter_id = ? WHERE id = ?').run(otherId, first.note.id);
    await expectEveryReadRefuses(otherId, first.patientId, /signature of the note/);
  });

  it("a signed note moved to the patient's encounter of another procedure: its stored content is not read against another template version", async () => {
    const first = await signedEncounter(core, 'FORGE-11', 0);
    const otherId = ok<Encounter>(await nurse()('encounter.create', {
      patientId: first.patientId, templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral', plannedDate: '2026-11-25', indication: 'Axial low back pain.',
    })).id;
    dropNoteTriggers(core.db);
    core.db.prepare('UPDATE signed_notes SET encounter_id = ? WHERE id = ?').run(otherId, first.note.id);
    await expectEveryReadRefuses(otherId, first.patientId, /cannot be read: the template version it was compressed against is not the same/);
  });

  it("one note's signature copied onto another note by the same physician", async () => {
    const a = await signedEncounter(core, 'FORGE-6', 0);
    const b = await signedEncounter(core, 'FORGE-7', 0);
    dropNoteTriggers(core.db);
    const sig = core.db.prepare('SELECT signature, key_id FROM signed_notes WHERE id = ?').get(a.note.id) as { signature: string; key_id: string };
    core.db.prepare('UPDATE signed_notes SET signature = ?, key_id = ? WHERE id = ?').run(sig.signature, sig.key_id, b.note.id);
    await expectEveryReadRefuses(b.encounterId, b.patientId, /signature of the note/);
    // The note the signature belongs to still verifies.
    expect(await nurse()('note.get', { encounterId: a.encounterId })).toMatchObject({ ok: true });
  });

  it('a signature stripped to pass the note off as one signed before cryptographic signatures', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-8', 1);
    dropNoteTriggers(core.db);
    core.db.prepare('UPDATE signed_notes SET signature = NULL, key_id = NULL WHERE id = ?').run(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /has no signature/);
  });

  it('a signed note deleted with its addenda, so the encounter looks unsigned', async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-9', 1);
    dropNoteTriggers(core.db);
    core.db.prepare('DELETE FROM note_addenda WHERE note_id = ?').run(note.id);
    core.db.prepare('DELETE FROM signed_notes WHERE id = ?').run(note.id);
    await expectEveryReadRefuses(encounterId, patientId, /signed note .*missing/);
    // And the consent discussion stays closed: it was signed.
    const reopened = await physician()('consent.save', {
      encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'declines',
    });
    expect(reopened).toMatchObject({ ok: false });
  });

  it("content forged and re-signed with a key of the forger's own, slipped into the key registry by hand", async () => {
    const { encounterId, note, patientId } = await signedEncounter(core, 'FORGE-10', 0);
    dropNoteTriggers(core.db);
    const row = core.db.prepare('SELECT * FROM signed_notes WHERE id = ?').get(note.id) as Record<string, string>;
    const forged = storedNoteText(core.db, note.id).replace(CONSENTS, DECLINES);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    const keyId = createHash('sha256').update(spki).digest('hex');
    // The registry allows a key to be retired once and a new one added: exactly what a reset does.
    core.db.prepare("UPDATE signing_keys SET retired_at = '2026-11-24T13:00:00.000Z', retired_by_name = 'x' WHERE user_id = ?").run(row.signed_by_user_id);
    core.db.prepare("INSERT INTO signing_keys (key_id, user_id, public_key, registered_at, registered_by_name, registered_by_role) VALUES (?, ?, ?, '2026-11-24T13:00:00.000Z', 'x', 'physician')")
      .run(keyId, row.signed_by_user_id, spki.toString('base64'));
    const contentSha256 = sha256(forged);
    const payload = noteSignaturePayload({
      noteId: note.id, encounterId, patientId, mrn: 'FORGE-10', contentSha256, signedAt: row.signed_at!,
      signedBy: { name: row.signed_by_name!, role: 'physician' }, signedByUserId: row.signed_by_user_id!, keyId,
    });
    writeNoteText(core.db, note.id, forged);
    core.db.prepare('UPDATE signed_notes SET content_sha256 = ?, key_id = ?, signature = ? WHERE id = ?')
      .run(contentSha256, keyId, sign(null, Buffer.from(payload), privateKey).toString('base64'), note.id);
    await expectEveryReadRefuses(encounterId, patientId, /registration is not in the audit trail/);
  });
});
