/**
 * 023: a signed note's canonical content stored compressed (issue 21 point 1).
 * `content` holds a format byte (1 = raw DEFLATE) and the compressed canonical
 * JSON; `content_json` is then '' (it cannot become NULL without rebuilding
 * the table). The hash stays over the canonical JSON itself, so every note
 * verifies exactly as before. The rows signed before are converted by
 * db/note-storage.ts at start, in batches, each batch its own transaction (a
 * stop midway resumes at the next start). The update trigger now lets
 * through that one move and nothing else: every other column unchanged.
 */
import type { Migration } from './types';

export const migration023: Migration = {
  version: 23,
  name: 'signed-note-storage',
  up: `
    ALTER TABLE signed_notes ADD COLUMN content BLOB CHECK ((content IS NULL) <> (content_json = '') AND (content IS NULL OR length(content) > 1));
    DROP TRIGGER signed_notes_no_update;
    CREATE TRIGGER signed_notes_no_update BEFORE UPDATE ON signed_notes
      WHEN NOT (OLD.content IS NULL AND OLD.content_json <> '' AND NEW.content_json = '' AND NEW.content IS NOT NULL
        AND NEW.id IS OLD.id AND NEW.encounter_id IS OLD.encounter_id AND NEW.content_sha256 IS OLD.content_sha256
        AND NEW.signed_at IS OLD.signed_at AND NEW.signed_by_name IS OLD.signed_by_name AND NEW.signed_by_role IS OLD.signed_by_role
        AND NEW.signed_by_user_id IS OLD.signed_by_user_id AND NEW.attestation IS OLD.attestation
        AND NEW.key_id IS OLD.key_id AND NEW.signature IS OLD.signature)
      BEGIN SELECT RAISE(ABORT, 'a signed note never changes; add an addendum'); END;
  `,
};
