// Signing and locking the consent-discussion note through the real core: only a
// physician signs, with the password again (a wrong one is refused, audited,
// and writes nothing); the stored hash is the SHA-256 of the canonical content;
// every path that would change a signed note fails, including direct SQL; the
// export is the signed content, never re-derived, with every addendum after it
// in text and PDF; a note altered behind the app's back is refused on read.
// Forgeries that also recompute the hashes: signature-forgery.test.ts.
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { Addendum, ExportedNote, NoteSignature, SignedNote } from '#shared/contract/note';
import { DEFAULT_ATTESTATION } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import { canonicalJson } from '#shared/domain/canonical-json';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { pdfPages } from '../testing/pdf-text';
import { storedNoteText, writeNoteText } from '../testing/note-content';

const NOW = new Date('2026-11-24T14:00:00.000Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let core: TempCore;
let logs: string[];
let patientId = '';
let encounterId = '';

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const consent = (decision: string | null, benefitsNote = 'Expected relief for some months.') => ({
  encounterId, benefitsDiscussed: true, benefitsNote, alternativesDiscussed: true, alternativesNote: 'Physical therapy reviewed.',
  questions: [{ question: '¿Podré conducir a casa?', answer: 'No, traiga acompañante.' }], interpreter: { used: true, language: 'es', interpreterId: 'INT-204' }, decision,
});
const sign = async (attestation = DEFAULT_ATTESTATION) => ok<SignedNote>(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation }));
const exportText = async () => ok<ExportedNote>(await nurse()('note.export', { encounterId })).text;
const lastAudit = () => core.db.prepare('SELECT action, user_name AS user, patient_id AS patientId, target FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
const noteRow = () => core.db.prepare('SELECT * FROM signed_notes WHERE encounter_id = ?').get(encounterId) as Record<string, string>;

beforeEach(async () => {
  logs = [];
  core = openTempCore({ now: () => NOW, log: (m) => logs.push(m) });
  patientId = ok<Patient>(await nurse()('patient.create', { ...PATIENT })).id;
  encounterId = ok<Encounter>(await nurse()('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  // Sessions exist before any count is taken: signing in writes audit entries of its own.
  await physician()('auth.status', {});
  await core.as(ADMIN)('auth.status', {});
});
afterEach(() => core.cleanup());

describe('signing the note', () => {
  it("needs a physician's own password: a nurse or admin is FORBIDDEN, a wrong password is FORBIDDEN and audited, nothing is written", async () => {
    ok(await physician()('consent.save', consent('consents')));
    const before = tableCounts(core);
    for (const who of [NURSE, ADMIN]) {
      expect(await core.as(who)('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(tableCounts(core)).toEqual(before);

    expect(await physician()('note.sign', { encounterId, password: 'not the password', attestation: DEFAULT_ATTESTATION }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('nothing was signed') } });
    // The refusal is in the audit trail, against this patient; nothing else changed.
    expect(lastAudit()).toEqual({ action: 'auth.reauthFailed', user: PHYSICIAN.name, patientId, target: `encounter:${encounterId}/note.sign` });
    expect(tableCounts(core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    // No attestation, no signature.
    expect(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const note = await sign();
    expect(note).toMatchObject({ encounterId, signedAt: NOW.toISOString(), signedBy: PHYSICIAN, attestation: DEFAULT_ATTESTATION });
    expect(lastAudit()).toEqual({ action: 'note.sign', user: PHYSICIAN.name, patientId, target: `encounter:${encounterId}/note:${note.id}/sign` });
    expect(ok<NoteSignature>(await nurse()('note.get', { encounterId }))).toEqual({ note, addenda: [] });
  });

  it("waits for the patient's decision in the consent discussion", async () => {
    expect(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await physician()('consent.save', consent(null)));
    expect(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('decision') } });
    expect(core.db.prepare('SELECT count(*) FROM signed_notes').pluck().get()).toBe(0);
    ok(await physician()('consent.save', consent('declines')));
    // A closed encounter is still signed: a declined or cancelled procedure is exactly what the note must record.
    ok(await nurse()('encounter.cancel', { encounterId, reason: 'Patient declined the procedure' }));
    expect((await sign()).encounterId).toBe(encounterId);
  });

  it('records the SHA-256 of the canonical content built at signing, attestation and signer inside it', async () => {
    ok(await physician()('consent.save', consent('consents')));
    const note = await sign('I held this consent discussion and this note records it.');
    const row = noteRow();
    const text = storedNoteText(core.db, note.id);
    expect(row.content_sha256).toBe(note.contentSha256);
    expect(sha256(text)).toBe(row.content_sha256);
    // Canonical: parsing and re-serialising with sorted keys gives the same bytes.
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(row).toMatchObject({ signed_by_name: PHYSICIAN.name, signed_by_role: 'physician', signed_at: NOW.toISOString() });
    const content = JSON.parse(text) as { sections: { heading: string; blocks: unknown[] }[] };
    expect(content.sections.at(-1)).toMatchObject({
      heading: "Physician's attestation",
      blocks: [{ kind: 'paragraph', text: 'I held this consent discussion and this note records it.' }, { kind: 'fields', rows: [['Signed by', `${PHYSICIAN.name} (physician)`], ['Signed at', expect.any(String)]] }],
    });
    // The signed content names no export: it is exported many times, unchanged.
    expect(text).not.toContain('Note exported by');
    expect(text).toContain('¿Podré conducir a casa?');
  });
});

describe('a signed note never changes', () => {
  it('refuses a second signature and any change to the consent discussion; checklist changes leave the signed note as it was', async () => {
    ok(await physician()('consent.save', consent('consents')));
    expect(await exportText()).toContain('NOT SIGNED');
    const note = await sign();
    const signedText = await exportText();
    expect(signedText).not.toContain('NOT SIGNED');
    const before = tableCounts(core);

    expect(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already signed') } });
    expect(await physician()('consent.save', consent('declines', 'Changed after signing')))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('addendum') } });
    expect(tableCounts(core)).toEqual(before);
    expect(ok<{ consent: { decision: string } }>(await nurse()('encounter.get', { encounterId })).consent.decision).toBe('consents');

    // The procedure day goes on after consent: checklist items still change, the signed note does not.
    ok(await nurse()('checklist.setItem', { encounterId, itemId: 'infection', status: 'checked' }));
    expect(await exportText()).toBe(signedText);
    expect(noteRow().content_sha256).toBe(note.contentSha256);
  });

  it('the database refuses UPDATE and DELETE on signed notes and addenda, a second note for the encounter, and an addendum without its note', async () => {
    ok(await physician()('consent.save', consent('consents')));
    const note = await sign();
    const addendum = ok<Addendum>(await nurse()('note.addAddendum', { noteId: note.id, reason: 'Interpreter id corrected', text: 'The interpreter id was INT-240.', password: TEST_PASSWORD }));
    const db = core.db;
    for (const sql of [
      "UPDATE signed_notes SET attestation = 'changed'",
      "UPDATE signed_notes SET content_json = '{}'",
      'DELETE FROM signed_notes',
      "UPDATE note_addenda SET text = 'changed'",
      'DELETE FROM note_addenda',
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/a signed note never changes; add an addendum/);
    }
    expect(() => db.prepare(`INSERT INTO signed_notes SELECT '${randomUUID()}', encounter_id, content_json, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, attestation, key_id, signature, content FROM signed_notes`).run())
      .toThrow(/UNIQUE constraint failed: signed_notes.encounter_id/);
    expect(() => db.prepare(`INSERT INTO note_addenda SELECT '${randomUUID()}', '${randomUUID()}', 9, reason, text, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, key_id, signature FROM note_addenda`).run())
      .toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare(`INSERT INTO note_addenda SELECT '${randomUUID()}', note_id, 1, reason, text, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, key_id, signature FROM note_addenda`).run())
      .toThrow(/UNIQUE constraint failed/);
    // Since migration 015 nothing is signed without its Ed25519 signature and key.
    expect(() => db.prepare(`INSERT INTO note_addenda SELECT '${randomUUID()}', note_id, 2, reason, text, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, NULL, NULL FROM note_addenda`).run())
      .toThrow(/signed with an Ed25519 signature/);
    expect(ok<NoteSignature>(await nurse()('note.get', { encounterId }))).toEqual({ note, addenda: [addendum] });
  });
});

describe('addenda', () => {
  it('are signed by their author with their password, numbered in order, and appear after the original in the text and the PDF', async () => {
    ok(await physician()('consent.save', consent('consents')));
    const note = await sign();
    const input = { noteId: note.id, reason: 'Interpreter id corrected', text: 'The interpreter present was INT-240, not INT-204.' };
    expect(await nurse()('note.addAddendum', { ...input, reason: 'typo' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.as(ADMIN)('note.addAddendum', { ...input, password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = tableCounts(core);
    expect(await nurse()('note.addAddendum', { ...input, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(lastAudit()).toEqual({ action: 'auth.reauthFailed', user: NURSE.name, patientId, target: `note:${note.id}/addendum` });
    expect(tableCounts(core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(await nurse()('note.addAddendum', { ...input, noteId: randomUUID(), password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const first = ok<Addendum>(await nurse()('note.addAddendum', { ...input, password: TEST_PASSWORD }));
    expect(first).toMatchObject({ noteId: note.id, seq: 1, signedBy: NURSE, reason: input.reason, text: input.text });
    expect(lastAudit()).toEqual({ action: 'note.addAddendum', user: NURSE.name, patientId, target: `encounter:${encounterId}/note:${note.id}/addendum:1` });
    const second = ok<Addendum>(await physician()('note.addAddendum', { noteId: note.id, reason: 'Later call with the patient', text: 'Patient phoned: arranged a driver. Ünïcödé ñ.', password: TEST_PASSWORD }));
    expect(second.seq).toBe(2);
    expect(second.contentSha256).not.toBe(first.contentSha256);
    expect(ok<NoteSignature>(await nurse()('note.get', { encounterId })).addenda).toEqual([first, second]);

    const exported = ok<ExportedNote>(await nurse()('note.export', { encounterId }));
    const text = exported.text;
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    // Original (with its attestation), then the signature with its hash, then each addendum in order with its own.
    const order = [
      at('¿Podré conducir a casa?'), at("PHYSICIAN'S ATTESTATION"), at(DEFAULT_ATTESTATION),
      at(`Signed by ${PHYSICIAN.name} (physician) at`), at(`SHA-256 of the signed content: ${note.contentSha256}`),
      at('ADDENDUM 1'), at(`Author: ${NURSE.name} (nurse)`), at(`Reason: ${input.reason}`), at(input.text), at(`SHA-256 of this addendum: ${first.contentSha256}`),
      at('ADDENDUM 2'), at('Patient phoned: arranged a driver. Ünïcödé ñ.'), at(`SHA-256 of this addendum: ${second.contentSha256}`),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const pdf = (await pdfPages(Buffer.from(exported.pdfBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    const inPdf = (s: string) => {
      const i = pdf.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const pdfOrder = [
      inPdf('¿Podré conducir a casa?'), inPdf(DEFAULT_ATTESTATION), inPdf(note.contentSha256),
      inPdf('Addendum 1'), inPdf(input.reason), inPdf(input.text), inPdf(first.contentSha256),
      inPdf('Addendum 2'), inPdf('Patient phoned: arranged a driver. Ünïcödé ñ.'), inPdf(second.contentSha256),
    ];
    expect(pdfOrder).toEqual([...pdfOrder].sort((a, b) => a - b));
  });
});

describe('integrity on read', () => {
  async function signedWithAddendum(): Promise<SignedNote> {
    ok(await physician()('consent.save', consent('consents')));
    const note = await sign();
    ok(await nurse()('note.addAddendum', { noteId: note.id, reason: 'Interpreter id corrected', text: 'INT-240.', password: TEST_PASSWORD }));
    return note;
  }
  /** Changes a row the way only someone with the file and a SQLite shell could: dropping the trigger first. */
  function tamper(table: 'signed_notes' | 'note_addenda', set: string): void {
    core.db.exec(`DROP TRIGGER ${table}_no_update; UPDATE ${table} SET ${set};`);
  }
  async function expectRefused(noteId: string, why: RegExp): Promise<void> {
    for (const [method, input] of [['note.get', { encounterId }], ['note.export', { encounterId }], ['note.addAddendum', { noteId, reason: 'Another correction', text: 'x', password: TEST_PASSWORD }]] as const) {
      const result = await nurse()(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Signature does not verify: this note was changed after signing') } });
      if (!result.ok) expect(result.error.message).toMatch(why);
    }
    expect(logs.filter((l) => l.includes(`signed note ${noteId}`)).length).toBeGreaterThanOrEqual(3);
  }

  it('a signed note whose content was altered (trigger dropped) is refused, never rendered, and logged', async () => {
    const note = await signedWithAddendum();
    const exportsBefore = core.db.prepare('SELECT count(*) FROM note_exports').pluck().get();
    core.db.exec('DROP TRIGGER signed_notes_no_update');
    writeNoteText(core.db, note.id, storedNoteText(core.db, note.id).replace('The patient consents to the procedure.', 'The patient declines the procedure.'));
    expect(storedNoteText(core.db, note.id)).toContain('declines');
    await expectRefused(note.id, /hashes to [0-9a-f]{64}, not the recorded/);
    expect(core.db.prepare('SELECT count(*) FROM note_exports').pluck().get()).toBe(exportsBefore);
  });

  it('a changed signer beside unchanged content is refused too', async () => {
    const note = await signedWithAddendum();
    tamper('signed_notes', "signed_by_name = 'Someone Else'");
    await expectRefused(note.id, /signer differs/);
  });

  it('an altered addendum is refused', async () => {
    const note = await signedWithAddendum();
    tamper('note_addenda', "text = 'INT-999.'");
    await expectRefused(note.id, /addendum 1 hashes to/);
  });
});
