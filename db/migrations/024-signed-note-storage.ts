/**
 * 024: a signed note's canonical content stored compressed (issue 21 point 1).
 * `content` holds a format byte and the compressed canonical JSON
 * (db/packed-text.ts): 1 = raw DEFLATE, as first written; 2 = raw DEFLATE
 * against the encounter's template version as a preset dictionary, written
 * since (a stored version never changes, and the note still verifies against
 * its own hash, so a wrong dictionary can never pass as the note).
 * `content_json` is then '' (it cannot become NULL without rebuilding the
 * table). The hash stays over the canonical JSON itself, so every note
 * verifies exactly as before. The rows signed before are converted by
 * db/note-storage.ts at start, in batches, each batch its own transaction (a
 * stop midway resumes at the next start). The update trigger now lets
 * through that one move and nothing else: every other column unchanged.
 *
 * A closed (discharged or cancelled) encounter's checklist and its history no
 * longer change: at start they are packed into one compressed row of
 * checklist_archives (db/checklist-archive.ts; format 2 as well, though the
 * column's SQL comment below, kept as the schema stores it, says format 1)
 * and their rows removed in the same transaction. History rows may be deleted
 * only once their encounter's archive holds them; nothing is written to an
 * archived encounter's checklist.
 */
import type { Migration } from './types';

export const migration024: Migration = {
  version: 24,
  name: 'signed-note-storage',
  up: `
    ALTER TABLE signed_notes ADD COLUMN content BLOB CHECK ((content IS NULL) <> (content_json = '') AND (content IS NULL OR length(content) > 1));
    -- What is left to convert, found at every start without reading the notes themselves (empty once done).
    CREATE INDEX signed_notes_uncompressed ON signed_notes (id) WHERE content IS NULL;
    DROP TRIGGER signed_notes_no_update;
    CREATE TRIGGER signed_notes_no_update BEFORE UPDATE ON signed_notes
      WHEN NOT (OLD.content IS NULL AND OLD.content_json <> '' AND NEW.content_json = '' AND NEW.content IS NOT NULL
        AND NEW.id IS OLD.id AND NEW.encounter_id IS OLD.encounter_id AND NEW.content_sha256 IS OLD.content_sha256
        AND NEW.signed_at IS OLD.signed_at AND NEW.signed_by_name IS OLD.signed_by_name AND NEW.signed_by_role IS OLD.signed_by_role
        AND NEW.signed_by_user_id IS OLD.signed_by_user_id AND NEW.attestation IS OLD.attestation
        AND NEW.key_id IS OLD.key_id AND NEW.signature IS OLD.signature)
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;

    CREATE TABLE checklist_archives (
      encounter_id TEXT PRIMARY KEY REFERENCES encounters (id),
      -- Format byte 1, then raw DEFLATE of {"items": [...], "events": [...]} as the two tables held them.
      packed BLOB NOT NULL CHECK (length(packed) > 1),
      packed_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER checklist_archives_no_update BEFORE UPDATE ON checklist_archives
      BEGIN SELECT RAISE(ABORT, 'an archived checklist never changes'); END;
    CREATE TRIGGER checklist_archives_no_delete BEFORE DELETE ON checklist_archives
      BEGIN SELECT RAISE(ABORT, 'an archived checklist never changes'); END;
    DROP TRIGGER checklist_item_events_no_delete;
    CREATE TRIGGER checklist_item_events_no_delete BEFORE DELETE ON checklist_item_events
      WHEN NOT EXISTS (SELECT 1 FROM checklist_archives a WHERE a.encounter_id = OLD.encounter_id)
      BEGIN SELECT RAISE(ABORT, 'checklist history is append-only'); END;
    CREATE TRIGGER checklist_items_not_archived BEFORE INSERT ON checklist_items
      WHEN EXISTS (SELECT 1 FROM checklist_archives a WHERE a.encounter_id = NEW.encounter_id)
      BEGIN SELECT RAISE(ABORT, 'this checklist is archived: its encounter is closed'); END;
    CREATE TRIGGER checklist_item_events_not_archived BEFORE INSERT ON checklist_item_events
      WHEN EXISTS (SELECT 1 FROM checklist_archives a WHERE a.encounter_id = NEW.encounter_id)
      BEGIN SELECT RAISE(ABORT, 'this checklist is archived: its encounter is closed'); END;
  `,
};
