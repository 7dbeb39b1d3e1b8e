// Signed notes stored compressed (migration 024, issue 21): a note signed before the migration,
// stored as plain text, verifies and reads the same after it, and the conversion resumes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportedNote, NoteSignature } from '#shared/contract/note';
import { openDatabase } from './connection';
import { compactSignedNotes, packNoteContent, unpackNoteContent } from './note-storage';
import { DATABASE_FILE } from './paths';
import { createSignedNoteRepository } from './repositories/signed-notes';
import { signedEncounter } from './testing/signed-encounter';
import { keyOf, NURSE, ok, openTempCore, tempDir, type TempCore } from './testing/temp-core';

let core: TempCore | null = null;
afterEach(() => core?.cleanup());

/** Puts a file back as schema 023 left it (before 024): the content as text, no `content` column, no checklist archive, the earlier triggers. */
function asBeforeMigration024(dataDir: string): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), 24, keyOf(dataDir));
  const rows = db.prepare('SELECT id, content FROM signed_notes').all() as { id: string; content: Uint8Array }[];
  db.exec('DROP TRIGGER signed_notes_no_update');
  for (const r of rows) db.prepare("UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?").run(unpackNoteContent(r.content), r.id);
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
    expect(core.migration).toMatchObject({ from: 23, to: 24 });
    // Converted in the background after the start: wait on the rows, then on the totals logged.
    const c = core;
    await expect.poll(() => c.db.prepare('SELECT count(*) FROM signed_notes WHERE content IS NULL').pluck().get()).toBe(0);
    await expect.poll(() => logs).toContain('3 signed notes stored compressed (migration 024)');
    const rows = core.db.prepare('SELECT content_json, content, content_sha256 FROM signed_notes').all() as { content_json: string; content: Uint8Array; content_sha256: string }[];
    for (const r of rows) {
      expect(r.content_json).toBe('');
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
    expect(() => db.prepare("UPDATE signed_notes SET content = ? WHERE id = ?").run(packNoteContent(ta), a.note.id)).toThrow(/CHECK|never changes/);
    // The move with anything else changed is refused.
    expect(() => db.prepare("UPDATE signed_notes SET content = ?, content_json = '', signed_by_name = 'X' WHERE id = ?").run(packNoteContent(ta), a.note.id)).toThrow(/never changes/);
    // A stop after the first batch: one row moved; the next start moves the other.
    expect(compactSignedNotes(db, 1)).toBe(2);
    expect(db.prepare("SELECT count(*) FROM signed_notes WHERE content IS NULL").pluck().get()).toBe(0);
    expect([text(a.note.id), text(b.note.id)]).toEqual([ta, tb]);
    expect(compactSignedNotes(db)).toBe(0);
    // Every start asks this: it must not read the notes themselves.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id, content_json FROM signed_notes WHERE content IS NULL LIMIT 500').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING INDEX signed_notes_uncompressed/);
  });

  it('refuses content in a format it does not know rather than guessing', () => {
    expect(() => unpackNoteContent(Buffer.of(7, 1, 2))).toThrow(/unknown format \(7\)/);
    expect(unpackNoteContent(packNoteContent('{"a":"ñ"}'))).toBe('{"a":"ñ"}');
  });
});
