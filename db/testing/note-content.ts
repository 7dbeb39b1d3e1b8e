/**
 * Tests that forge a signed note by hand read and write its content the way
 * someone with the file and a SQLite shell (and this code) could: decompressed
 * from `content` (migration 024), written back as plain text, which the app
 * also reads. Verification must catch either form.
 */
import type { Db } from '../connection';
import { storedNoteJson } from '../note-storage';

export function storedNoteText(db: Db, noteId: string): string {
  const row = db.prepare('SELECT content_json, content FROM signed_notes WHERE id = ?').get(noteId) as { content_json: string; content: Uint8Array | null } | undefined;
  if (!row) throw new Error(`no signed note ${noteId}`);
  return storedNoteJson(row);
}

/** Writes `text` as the note's content (the update trigger must be dropped first). */
export function writeNoteText(db: Db, noteId: string, text: string): void {
  db.prepare('UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?').run(text, noteId);
}
