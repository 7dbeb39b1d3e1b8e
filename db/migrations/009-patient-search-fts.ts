/**
 * 009: patient search through an FTS5 index (family name, given name, MRN; accents
 * ignored; prefix indexes of 1 to 6 characters so a typed prefix reads one doclist;
 * the measurements are in bench/RESULTS.md). The index keeps its own copy of the text
 * and the patient id, not content='patients': VACUUM INTO, used for the pre-migration
 * backup, may renumber the rowids an external-content index would be keyed by. The
 * update and delete triggers exist only so a repair by hand cannot leave it stale.
 * Also the one index the hot-query plans (db/repositories/query-plans.test.ts) showed missing:
 * note_exports by encounter.
 */import type { Migration } from './types';

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
