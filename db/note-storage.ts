/**
 * How a signed note's canonical content is kept (migration 024): a format
 * byte, then the canonical JSON compressed with raw DEFLATE. Only the storage
 * is compressed; the SHA-256 and the signature are over the JSON itself, so
 * the compressed bytes need not be reproducible. Notes signed before 023 are
 * converted in the background after a start, a batch per transaction, each checked to give back the
 * same JSON before it is written.
 */
import type { Db } from './connection';
import { packText, packTextChecked, unpackText } from './packed-text';

export const packNoteContent = (json: string): Buffer => packText(json);
export const unpackNoteContent = (stored: Uint8Array): string => unpackText(stored, "a signed note's content");

/** The canonical JSON of a row either way it may be stored (before or after 023's conversion). */
export function storedNoteJson(row: { content_json: string; content: Uint8Array | null }): string {
  return row.content === null ? row.content_json : unpackNoteContent(row.content);
}

/**
 * One batch: compresses up to `batch` notes still stored as text in one immediate transaction;
 * returns how many. Its statements are prepared once, so a background step (db/compact-storage.ts)
 * pays only for the rows.
 */
export function noteCompactor(db: Db): (batch: number) => number {
  // Through the partial index signed_notes_uncompressed: a start on a converted file reads an empty index.
  const pending = db.prepare<[number], { id: string; content_json: string }>("SELECT id, content_json FROM signed_notes WHERE content IS NULL LIMIT ?");
  const move = db.prepare("UPDATE signed_notes SET content = ?, content_json = '' WHERE id = ? AND content IS NULL");
  const step = db.transaction((batch: number) => {
    const rows = pending.all(batch);
    for (const r of rows) {
      move.run(packTextChecked(r.content_json, `signed note ${r.id}`), r.id);
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
