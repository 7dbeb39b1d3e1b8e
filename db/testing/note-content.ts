/**
 * Tests that forge a signed note by hand read and write its content the way
 * someone with the file and a SQLite shell (and this code) could: decompressed
 * from `content` (migration 024) against its encounter's template version,
 * written back as plain text, which the app also reads. Verification must
 * catch either form.
 */
import type { Db } from '../connection';
import { storedNoteJson } from '../note-storage';
import { templateDictionary } from '../template-dictionary';

type Row = { content_json: string; content: Uint8Array | null; template_id: string | null; template_version: number | null };

/** Decompressed against its encounter's template version, as the app reads it (format 2 needs it). */
export function storedNoteText(db: Db, noteId: string): string {
  const row = db.prepare(`SELECT n.content_json, n.content, e.template_id, e.template_version FROM signed_notes n
    LEFT JOIN encounters e ON e.id = n.encounter_id WHERE n.id = ?`).get(noteId) as Row | undefined;
  if (!row) throw new Error(`no signed note ${noteId}`);
  return storedNoteJson(row, templateDictionary(db)(row.template_id, row.template_version));
}

/** Writes `text` as the note's content (the update trigger must be dropped first). */
export function writeNoteText(db: Db, noteId: string, text: string): void {
  db.prepare('UPDATE signed_notes SET content_json = ?, content = NULL WHERE id = ?').run(text, noteId);
}
