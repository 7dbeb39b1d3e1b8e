/**
 * 009: patient search through an FTS5 index.
 *
 * patients_fts holds the family name, given name and MRN of every patient,
 * tokenised by unicode61 with remove_diacritics 2 (so "pena" finds "Peña" and
 * "nunez" finds "Núñez") and with prefix indexes of 1 to 6 characters, so that
 * what people type ("ga", "garc", "marti") reads one doclist instead of merging
 * those of every name that starts with it ("martin", "martina", "martinez"…):
 * at 1M patients, p95 0.95 ms instead of 4.2 ms with 1-3 (bench/RESULTS.md),
 * for an index about 1.5 times the size.
 *
 * It stores its own copy of the text (not content='patients') and carries the
 * patient's id as an UNINDEXED column: an external-content table is keyed by
 * patients.rowid, which VACUUM (and VACUUM INTO, used for the pre-migration
 * backup that a restore copies back) may renumber in a table without an
 * INTEGER PRIMARY KEY; FTS5's own tables have one, so this index survives.
 *
 * Patients are only ever inserted by the app; the update and delete triggers
 * are there so that a repair by hand cannot leave the index stale. They find
 * the row by patient_id, which scans the index's content; that is fine for a
 * path the app never takes.
 *
 * Also the one index the hot-query plans (db/query-plans.test.ts) showed
 * missing: note_exports by encounter.
 */
import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: 'patient-search-fts',
  up: `
    CREATE VIRTUAL TABLE patients_fts USING fts5(
      family, given, mrn, patient_id UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3 4 5 6'
    );
    INSERT INTO patients_fts (family, given, mrn, patient_id)
      SELECT family_name, given_name, mrn, id FROM patients ORDER BY rowid;
    -- One segment to start from; FTS5's automerge keeps it compact as patients are added.
    INSERT INTO patients_fts (patients_fts) VALUES ('optimize');

    CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
      INSERT INTO patients_fts (family, given, mrn, patient_id) VALUES (new.family_name, new.given_name, new.mrn, new.id);
    END;
    CREATE TRIGGER patients_fts_update AFTER UPDATE OF family_name, given_name, mrn, id ON patients BEGIN
      DELETE FROM patients_fts WHERE patient_id = old.id;
      INSERT INTO patients_fts (family, given, mrn, patient_id) VALUES (new.family_name, new.given_name, new.mrn, new.id);
    END;
    CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
      DELETE FROM patients_fts WHERE patient_id = old.id;
    END;

    -- note.export counts the encounter's earlier exports; without this it read every export ever made.
    CREATE INDEX note_exports_encounter ON note_exports (encounter_id);
  `,
};
