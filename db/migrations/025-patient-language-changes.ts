/**
 * 025: a correction of the patient's preferred language after registration (a handout or a
 * teach-back in a language the patient cannot read is the harm it prevents). The patient row
 * holds the current tag; each change keeps the tag before and after, who and when. Append-only.
 */
import type { Migration } from './types';

export const migration025: Migration = {
  version: 25,
  name: 'patient-language-changes',
  up: `
    CREATE TABLE patient_language_changes (
      seq INTEGER PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      from_language TEXT,
      to_language TEXT,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id),
      CHECK (from_language IS NOT to_language)
    ) STRICT;
    CREATE INDEX patient_language_changes_patient ON patient_language_changes (patient_id, seq);
    CREATE TRIGGER patient_language_changes_no_update BEFORE UPDATE ON patient_language_changes
      BEGIN SELECT RAISE(ABORT, 'the language history is append-only'); END;
    CREATE TRIGGER patient_language_changes_no_delete BEFORE DELETE ON patient_language_changes
      BEGIN SELECT RAISE(ABORT, 'the language history is append-only'); END;
  `,
};
