// Signed notes stored compressed (migration 024, issue 21): a note signed before the migration,
// stored as plain text, verifies and reads the same after it, and the conversion resumes. Notes are
// written in format 2, against their encounter's template version (db/packed-text.ts); format 1 is
// still read; a note whose template version is missing or another is refused, never read as garbage.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNATURE_FAILED, type ExportedNote, type NoteSignature } from '#shared/contract/note';
import { openDatabase, type Db } from './connection';
import { compactSignedNotes, packNoteContent, unpackNoteContent } from './note-storage';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { DATABASE_FILE } from './paths';
import { createSignedNoteRepository } from './repositories/signed-notes';
import { storedNoteText } from './testing/note-content';
import { CONSENTS, signedEncounter } from './testing/signed-encounter';
import { keyOf, NURSE, ok, openTempCore, tempDir, type TempCore } from './testing/temp-core';

let core: TempCore | null = null;
afterEach(() => core?.cleanup());

/** A note's row as stored, with its encounter's template version's JSON (the dictionary). */
function stored(db: Db, noteId: string) {
  return db.prepare(`SELECT n.content_json, n.content, n.content_sha256, t.content_json AS template_json FROM signed_notes n
    JOIN encounters e ON e.id = n.encounter_id JOIN templates t ON t.id = e.template_id AND t.version = e.template_version WHERE n.id = ?`)
    .get(noteId) as { content_json: string; content: Uint8Array; content_sha256: string; template_json: string };
}

/** Puts a file back as schema 023 left it (before 024): the content as text, no `content` column, no checklist archive, the earlier triggers; nothing of later migrations. */
function asBeforeMigration024(dataDir: string): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), LATEST_SCHEMA_VERSION, keyOf(dataDir));
  db.exec('DROP TABLE patient_detail_changes; ALTER TABLE patients DROP COLUMN payer;'); // 025
  const rows = (db.prepare('SELECT id FROM signed_notes').pluck().all() as string[]).map((id) => ({ id, text: storedNoteText(db, id) }));
  db.exec('DROP TRIGGER signed_notes_no_update');
  for (const r of rows) db.prepare("UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?").run(r.text, r.id);
  db.exec(`DROP INDEX signed_notes_uncompressed; ALTER TABLE signed_notes DROP COLUMN content;
    CREATE TRIGGER signed_notes_no_update BEFORE UPDATE ON signed_notes BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;
    DROP TABLE checklist_archives;
    DROP TRIGGER checklist_items_not_archived; DROP TRIGGER checklist_item_events_not_archived; DROP TRIGGER checklist_item_events_no_delete;
    CREATE TRIGGER checklist_item_events_no_delete BEFORE DELETE ON checklist_item_events BEGIN SELECT RAISE(ABORT, 'checklist history is append-only'); END;
    PRAGMA user_version = 23;`);
  db.close();
}

describe('signed notes stored compressed (024)', () => {
  it('a note signed before the migration verifies after it, byte for byte the same content and hash, and reads the same on every surface', async () => {
    const dataDir = tempDir();
    core = openTempCore({ dataDir });
    const signed = [];
    for (const mrn of ['STORE-1', 'STORE-2', 'STORE-3']) signed.push(await signedEncounter(core, mrn));
    const read = async (c: TempCore, encounterId: string) => ({
      stored: createSignedNoteRepository(c.db).byEncounter(encounterId),
      note: ok<NoteSignature>(await c.as(NURSE)('note.get', { encounterId })),
      text: ok<ExportedNote>(await c.as(NURSE)('note.export', { encounterId })).text,
    });
    const before = [];
    for (const s of signed) before.push(await read(core, s.encounterId));
    core.close();
    asBeforeMigration024(dataDir);
    // Plain text on disk, as every file made before 024 has it.
    const legacy = openDatabase(path.join(dataDir, DATABASE_FILE), 23, keyOf(dataDir));
    expect(legacy.prepare('SELECT content_json FROM signed_notes ORDER BY id').pluck().all()).toEqual([...before].sort((a, b) => a.stored!.id.localeCompare(b.stored!.id)).map((b) => b.stored!.contentJson));
    legacy.close();

    const logs: string[] = [];
    core = openTempCore({ dataDir, log: (line) => logs.push(line) });
    expect(core.migration).toMatchObject({ from: 23, to: LATEST_SCHEMA_VERSION });
    // Converted in the background after the start: wait on the rows, then on the totals logged.
    const c = core;
    await expect.poll(() => c.db.prepare('SELECT count(*) FROM signed_notes WHERE content IS NULL').pluck().get()).toBe(0);
    await expect.poll(() => logs).toContain('3 signed notes stored compressed (migration 024)');
    const rows = core.db.prepare('SELECT content_json, content, content_sha256 FROM signed_notes').all() as { content_json: string; content: Uint8Array; content_sha256: string }[];
    for (const r of rows) {
      expect(r.content_json).toBe('');
      // Converted in format 2, against the encounter's template version.
      expect(r.content[0]).toBe(2);
      expect(r.content.byteLength).toBeLessThan(before[0]!.stored!.contentJson.length / 2);
    }
    const after = [];
    for (const s of signed) after.push(await read(core, s.encounterId));
    expect(after).toEqual(before);
    // A read that fails verification is refused, so these reads passing means every note verified, by Ed25519.
    for (const a of after) expect(a.note.note?.verification.method).toBe('ed25519');
  });

  it('only the move to compressed storage passes the trigger; the conversion resumes where a stop left it', async () => {
    // The test converts by hand; no background step may get there first.
    core = openTempCore({ storageCompaction: false });
    const a = await signedEncounter(core, 'STORE-4', 0);
    const b = await signedEncounter(core, 'STORE-5', 0);
    const db = core.db;
    const text = (id: string) => createSignedNoteRepository(db).get(id)!.contentJson;
    const [ta, tb] = [text(a.note.id), text(b.note.id)];
    // New notes are written compressed; nothing to convert.
    expect(compactSignedNotes(db)).toBe(0);
    for (const sql of ["UPDATE signed_notes SET content = x'0100'", "UPDATE signed_notes SET content_json = '{}', content = NULL", "UPDATE signed_notes SET attestation = 'changed'"]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/a signed note never changes/);
    }
    // Two rows as a file from before 023 has them (written with the trigger out of the way, then put back).
    const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'signed_notes_no_update'").pluck().get() as string;
    db.exec('DROP TRIGGER signed_notes_no_update');
    db.prepare('UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?').run(ta, a.note.id);
    db.prepare('UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?').run(tb, b.note.id);
    db.exec(trigger);
    // Text with a content blob beside it, or neither, is refused by the column's CHECK.
    expect(() => db.prepare("UPDATE signed_notes SET content = ? WHERE id = ?").run(packNoteContent(ta, null), a.note.id)).toThrow(/CHECK|never changes/);
    // The move with anything else changed is refused.
    expect(() => db.prepare("UPDATE signed_notes SET content = ?, content_json = '', signed_by_name = 'X' WHERE id = ?").run(packNoteContent(ta, null), a.note.id)).toThrow(/never changes/);
    // A stop after the first batch: one row moved; the next start moves the other.
    expect(compactSignedNotes(db, 1)).toBe(2);
    expect(db.prepare("SELECT count(*) FROM signed_notes WHERE content IS NULL").pluck().get()).toBe(0);
    expect(db.prepare('SELECT DISTINCT hex(substr(content, 1, 1)) FROM signed_notes').pluck().all()).toEqual(['02']);
    expect([text(a.note.id), text(b.note.id)]).toEqual([ta, tb]);
    expect(compactSignedNotes(db)).toBe(0);
    // Every start asks this: it must not read the notes themselves.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT n.id, n.content_json, e.template_id, e.template_version FROM signed_notes n
      LEFT JOIN encounters e ON e.id = n.encounter_id WHERE n.content IS NULL LIMIT 500`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING INDEX signed_notes_uncompressed/);
  });

  it('a note signed through the dispatcher is stored in format 2 against its encounter\'s template version, and verifies', async () => {
    core = openTempCore({ storageCompaction: false });
    const { encounterId, note } = await signedEncounter(core, 'STORE-6', 1);
    const row = stored(core.db, note.id);
    expect(row.content_json).toBe('');
    expect(row.content[0]).toBe(2);
    expect(Buffer.from(row.content.subarray(1, 9))).toEqual(createHash('sha256').update(Buffer.from(row.template_json, 'utf8')).digest().subarray(0, 8));
    // The hash is over the canonical JSON itself, and the template's wording is most of it.
    const json = unpackNoteContent(row.content, Buffer.from(row.template_json, 'utf8'));
    expect(createHash('sha256').update(json).digest('hex')).toBe(row.content_sha256);
    expect(row.content.byteLength).toBeLessThan(packNoteContent(json, null).byteLength * 0.8);
    // Every read verifies it by Ed25519 (a read that fails verification is refused).
    const got = ok<NoteSignature>(await core.as(NURSE)('note.get', { encounterId }));
    expect(got.note?.verification.method).toBe('ed25519');
    expect(got.addenda.map((a) => a.verification.method)).toEqual(['ed25519']);
    expect(ok<ExportedNote>(await core.as(NURSE)('note.export', { encounterId })).text).toContain(CONSENTS);
  });

  it('a note written in format 1 (before format 2) is still read and verifies, and stays as it is', async () => {
    core = openTempCore({ storageCompaction: false });
    const { encounterId, note } = await signedEncounter(core, 'STORE-7', 1);
    const before = ok<ExportedNote>(await core.as(NURSE)('note.export', { encounterId })).text;
    const json = storedNoteText(core.db, note.id);
    // Written as this code's predecessor wrote it (the trigger allows no such change: out of the way, then back).
    const trigger = core.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'signed_notes_no_update'").pluck().get() as string;
    core.db.exec('DROP TRIGGER signed_notes_no_update');
    core.db.prepare('UPDATE signed_notes SET content = ? WHERE id = ?').run(packNoteContent(json, null), note.id);
    core.db.exec(trigger);
    expect(stored(core.db, note.id).content[0]).toBe(1);
    expect(compactSignedNotes(core.db)).toBe(0);
    expect(stored(core.db, note.id).content[0]).toBe(1);
    expect(ok<NoteSignature>(await core.as(NURSE)('note.get', { encounterId })).note?.verification.method).toBe('ed25519');
    expect(ok<ExportedNote>(await core.as(NURSE)('note.export', { encounterId })).text).toBe(before);
  });

  it('a format-2 note whose template version is missing, or another, is refused as failing verification, saying why, with none of its text', async () => {
    core = openTempCore({ storageCompaction: false });
    const { encounterId, note } = await signedEncounter(core, 'STORE-8', 0);
    const db = core.db;
    const own = db.prepare('SELECT template_id, template_version FROM encounters WHERE id = ?').get(encounterId) as { template_id: string; template_version: number };
    const other = db.prepare("SELECT id, version FROM templates WHERE id <> 'lumbar-transforaminal-esi' ORDER BY id LIMIT 1").get() as { id: string; version: number };
    const cases: [string, [string, number], RegExp][] = [
      ['missing', ['lumbar-transforaminal-esi', 99], /the template version it was compressed against is missing/],
      ['another', [other.id, other.version], /the template version it was compressed against is not the same as the one at hand/],
    ];
    for (const [label, [templateId, version], why] of cases) {
      // Done by hand in the file: no app path changes an encounter's template version.
      db.pragma('foreign_keys = OFF');
      db.prepare('UPDATE encounters SET template_id = ?, template_version = ? WHERE id = ?').run(templateId, version, encounterId);
      db.pragma('foreign_keys = ON');
      const result = await core.as(NURSE)('note.get', { encounterId });
      expect(result, label).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining(SIGNATURE_FAILED) } });
      if (!result.ok) expect(result.error.message, label).toMatch(why);
      expect(JSON.stringify(result), label).not.toContain(CONSENTS);
    }
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'note.signatureFailed' AND target = ?").pluck().get(`encounter:${encounterId}/note:${note.id}`)).toBe(2);
    // Put back, it reads again: nothing was lost.
    db.prepare('UPDATE encounters SET template_id = ?, template_version = ? WHERE id = ?').run(own.template_id, own.template_version, encounterId);
    expect(ok<NoteSignature>(await core.as(NURSE)('note.get', { encounterId })).note?.verification.method).toBe('ed25519');
  });

  it('refuses content in a format it does not know rather than guessing', () => {
    expect(() => unpackNoteContent(Buffer.of(7, 1, 2))).toThrow(/unknown format \(7\)/);
    expect(unpackNoteContent(packNoteContent('{"a":"ñ"}', null))).toBe('{"a":"ñ"}');
  });
});
