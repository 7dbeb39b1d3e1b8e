/**
 * 007: signed consent-discussion notes and their addenda. A physician's
 * signature fixes the note's content (the canonical NoteContent JSON) with its
 * SHA-256; one signed note per encounter. Corrections are addenda, numbered in
 * order, each with its author, time, reason and hash. Neither table accepts
 * UPDATE or DELETE: the database refuses it, whatever path the change takes.
 */
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'signed-notes',
  up: `
    CREATE TABLE signed_notes (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL UNIQUE REFERENCES encounters (id),
      -- The canonical JSON (keys sorted) of the note content exactly as signed.
      content_json TEXT NOT NULL,
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      signed_at TEXT NOT NULL,
      signed_by_name TEXT NOT NULL,
      signed_by_role TEXT NOT NULL CHECK (signed_by_role = 'physician'),
      signed_by_user_id TEXT NOT NULL REFERENCES users (id),
      attestation TEXT NOT NULL CHECK (length(attestation) > 0)
    ) STRICT;
    CREATE TRIGGER signed_notes_no_update BEFORE UPDATE ON signed_notes
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;
    CREATE TRIGGER signed_notes_no_delete BEFORE DELETE ON signed_notes
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;

    CREATE TABLE note_addenda (
      id TEXT PRIMARY KEY,
      note_id TEXT NOT NULL REFERENCES signed_notes (id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      text TEXT NOT NULL CHECK (length(text) > 0),
      -- SHA-256 of the canonical JSON of the addendum, chained to the hash before it.
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      signed_at TEXT NOT NULL,
      signed_by_name TEXT NOT NULL,
      signed_by_role TEXT NOT NULL CHECK (signed_by_role IN ('nurse', 'physician')),
      signed_by_user_id TEXT NOT NULL REFERENCES users (id),
      UNIQUE (note_id, seq)
    ) STRICT;
    CREATE TRIGGER note_addenda_no_update BEFORE UPDATE ON note_addenda
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;
    CREATE TRIGGER note_addenda_no_delete BEFORE DELETE ON note_addenda
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;
  `,
};
