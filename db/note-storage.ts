/**
 * How a signed note's canonical content is kept (migration 024): a format
 * byte, then the canonical JSON compressed. Format 2 (db/packed-text.ts), what
 * every note is written in now, is raw DEFLATE against the encounter's template
 * version as a preset dictionary (db/template-dictionary.ts): most of a note is
 * that version's wording, and the version is immutable, so the same dictionary
 * is at hand at every read. Format 1 (raw DEFLATE alone), written before, is
 * read as it is. Only the storage is compressed; the SHA-256 and the signature
 * are over the JSON itself, so a wrong dictionary can never pass as the note:
 * it is refused by its hash prefix, and any other change fails the note's own
 * hash. Notes signed before 023 are converted in the background after a start,
 * a batch per transaction, each checked to give back the same JSON before it is
 * written.
 */
import type { Db } from './connection';
import { packText, packTextChecked, unpackText } from './packed-text';
import { templateDictionary } from './template-dictionary';

const WHAT = "a signed note's content";

/** Format 2 against `dictionary`; format 1 only where there is none (a row whose encounter or template is gone). */
export const packNoteContent = (json: string, dictionary: Uint8Array | null): Buffer => packText(json, dictionary ?? undefined);
export const packNoteContentChecked = (json: string, what: string, dictionary: Uint8Array | null): Buffer => packTextChecked(json, what, dictionary ?? undefined);
export const unpackNoteContent = (stored: Uint8Array, dictionary?: Uint8Array | null): string => unpackText(stored, WHAT, dictionary);

/**
 * The canonical JSON of a row either way it may be stored (before or after 023's conversion); `dictionary`
 * is its encounter's template version's (format 2 needs it; a wrong or missing one is refused, never guessed).
 */
export function storedNoteJson(row: { content_json: string; content: Uint8Array | null }, dictionary: Uint8Array | null): string {
  return row.content === null ? row.content_json : unpackNoteContent(row.content, dictionary);
}

/**
 * One batch: compresses up to `batch` notes still stored as text in one immediate transaction;
 * returns how many. Its statements are prepared once, so a background step (db/compact-storage.ts)
 * pays only for the rows.
 */
export function noteCompactor(db: Db): (batch: number) => number {
  // Through the partial index signed_notes_uncompressed (a start on a converted file reads an empty index),
  // then each note's encounter by its primary key for the dictionary.
  const pending = db.prepare<[number], { id: string; content_json: string; template_id: string | null; template_version: number | null }>(
    `SELECT n.id, n.content_json, e.template_id, e.template_version FROM signed_notes n
     LEFT JOIN encounters e ON e.id = n.encounter_id WHERE n.content IS NULL LIMIT ?`,
  );
  const move = db.prepare("UPDATE signed_notes SET content = ?, content_json = '' WHERE id = ? AND content IS NULL");
  const dictionary = templateDictionary(db);
  const step = db.transaction((batch: number) => {
    const rows = pending.all(batch);
    for (const r of rows) {
      move.run(packNoteContentChecked(r.content_json, `signed note ${r.id}`, dictionary(r.template_id, r.template_version)), r.id);
    }
    return rows.length;
  });
  return (batch) => step.immediate(batch);
}

/**
 * Compresses every note still stored as text, `batch` rows per transaction; returns how many.
 * Safe to stop at any point: each batch commits whole, and the next call picks up the rest.
 */
export function compactSignedNotes(db: Db, batch = 500): number {
  const step = noteCompactor(db);
  let done = 0;
  for (let n = step(batch); n > 0; n = step(batch)) done += n;
  return done;
}
