// Notes signed before cryptographic signatures (before migration 015) still
// open: their SHA-256 is checked and every surface says "hash only", never
// "verified"; an addendum added now is Ed25519-signed and covers the note's
// hash. The notes migration 015 listed are the only ones accepted unsigned
// (signature-forgery.test.ts: a signature stripped from a newer note is refused).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Addendum, ExportedNote, NoteSignature } from '#shared/contract/note';
import type { NoteContent } from '#shared/note/model';
import { signedEncounter } from '../testing/signed-encounter';
import { NURSE, ok, openTempCore, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { storedNoteText, writeNoteText } from '../testing/note-content';

let core: TempCore;
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T14:00:00.000Z') });
});
afterEach(() => core.cleanup());

/**
 * Puts a note (and its addenda) in the state migration 015 leaves a note signed
 * before it: no signature or key, listed as hash-only. Only the test may do this:
 * the triggers that keep the list closed are dropped for it.
 */
function asSignedBeforeSignatures(noteId: string): void {
  core.db.exec('DROP TRIGGER signed_notes_no_update; DROP TRIGGER note_addenda_no_update; DROP TRIGGER hash_only_signatures_closed;');
  core.db.prepare('UPDATE signed_notes SET signature = NULL, key_id = NULL WHERE id = ?').run(noteId);
  core.db.prepare('UPDATE note_addenda SET signature = NULL, key_id = NULL WHERE note_id = ?').run(noteId);
  core.db.prepare("INSERT INTO hash_only_signatures (id, kind) VALUES (?, 'note')").run(noteId);
  core.db.prepare("INSERT INTO hash_only_signatures (id, kind) SELECT id, 'addendum' FROM note_addenda WHERE note_id = ?").run(noteId);
}

describe('a note signed before cryptographic signatures', () => {
  it('opens as "hash only" on every surface, its hash still checked; a new addendum is Ed25519-signed', async () => {
    const nurse = core.as(NURSE);
    const { encounterId, note } = await signedEncounter(core, 'OLD-1', 1);
    asSignedBeforeSignatures(note.id);

    const read = ok<NoteSignature>(await nurse('note.get', { encounterId }));
    expect(read.note!.verification).toEqual({ method: 'hash-only' });
    expect(read.addenda.map((a) => a.verification)).toEqual([{ method: 'hash-only' }]);
    const text = ok<ExportedNote>(await nurse('note.export', { encounterId })).text;
    expect(text).toContain('Signed before cryptographic signatures (hash only): the SHA-256 above matches, but this note carries no Ed25519 signature.');
    expect(text).toContain('but this addendum carries no Ed25519 signature.');
    expect(text).not.toContain('Ed25519 signature verified');
    const printed = JSON.stringify(ok<NoteContent>(await nurse('note.print', { encounterId })));
    expect(printed).toContain('Signed before cryptographic signatures (hash only)');

    // Signed from now on: the new addendum's signature covers the old addendum's hash (there is no signature to cover).
    const added = ok<Addendum>(await nurse('note.addAddendum', { noteId: note.id, reason: 'Late entry today', text: 'Signed with a key.', password: TEST_PASSWORD }));
    expect(added.verification).toMatchObject({ method: 'ed25519' });
    const again = ok<NoteSignature>(await nurse('note.get', { encounterId }));
    expect(again.addenda.map((a) => a.verification.method)).toEqual(['hash-only', 'ed25519']);
    expect(ok<ExportedNote>(await nurse('note.export', { encounterId })).text).toContain('Ed25519 signature verified when exported (it also covers the signature before it)');
  });

  it('is still refused when its content no longer matches its hash', async () => {
    const { encounterId, note } = await signedEncounter(core, 'OLD-2', 0);
    asSignedBeforeSignatures(note.id);
    writeNoteText(core.db, note.id, storedNoteText(core.db, note.id).replace('consents', 'declines'));
    expect(await core.as(NURSE)('note.get', { encounterId })).toMatchObject({
      ok: false, error: { message: expect.stringMatching(/^Signature does not verify: this note was changed after signing \(the content hashes to/) },
    });
  });
});
