/**
 * 012: the planned injectate, a new kind of procedure-day record ('injectate-plan'):
 * the steroid, local anaesthetic and contrast planned before the time-out, which the
 * time-out checks (a particulate steroid for a route that takes nonparticulate only is a
 * hard stop) and reads back.
 *
 * encounter_records.kind is limited by a CHECK, and SQLite cannot change a CHECK in place,
 * so the table is rebuilt with the same columns, rows and sequence numbers. Its withdrawals
 * (encounter_record_voids) reference it by foreign key, so they are set aside and put back
 * around the rebuild; foreign keys stay enforced throughout (the migration runs in one
 * transaction, where PRAGMA foreign_keys cannot change). The triggers that keep both tables
 * append-only are created again exactly as 006 made them.
 */
import type { Migration } from './types';

export const migration012: Migration = {
  version: 12,
  name: 'injectate-plan',
  up: `
    CREATE TEMP TABLE records_before_012 AS SELECT seq, id, encounter_id, kind, data_json, at, by_name, by_role FROM encounter_records;
    CREATE TEMP TABLE voids_before_012 AS SELECT record_id, at, by_name, by_role, reason FROM encounter_record_voids;
    DROP TABLE encounter_record_voids;
    DROP TABLE encounter_records;

    CREATE TABLE encounter_records (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      kind TEXT NOT NULL CHECK (kind IN ('vitals', 'anticoagulant', 'risk-factors', 'inr', 'time-out', 'procedure', 'aldrete', 'injectate-plan')),
      data_json TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    INSERT INTO encounter_records (seq, id, encounter_id, kind, data_json, at, by_name, by_role)
      SELECT seq, id, encounter_id, kind, data_json, at, by_name, by_role FROM temp.records_before_012 ORDER BY seq;
    CREATE INDEX encounter_records_encounter ON encounter_records (encounter_id, seq);
    CREATE TRIGGER encounter_records_no_update BEFORE UPDATE ON encounter_records
      BEGIN SELECT RAISE(ABORT, 'records are append-only; withdraw one with a void'); END;
    CREATE TRIGGER encounter_records_no_delete BEFORE DELETE ON encounter_records
      BEGIN SELECT RAISE(ABORT, 'records are append-only; withdraw one with a void'); END;

    CREATE TABLE encounter_record_voids (
      record_id TEXT PRIMARY KEY REFERENCES encounter_records (id),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    INSERT INTO encounter_record_voids (record_id, at, by_name, by_role, reason)
      SELECT record_id, at, by_name, by_role, reason FROM temp.voids_before_012;
    CREATE TRIGGER encounter_record_voids_no_update BEFORE UPDATE ON encounter_record_voids
      BEGIN SELECT RAISE(ABORT, 'voids are final'); END;
    CREATE TRIGGER encounter_record_voids_no_delete BEFORE DELETE ON encounter_record_voids
      BEGIN SELECT RAISE(ABORT, 'voids are final'); END;

    DROP TABLE temp.records_before_012;
    DROP TABLE temp.voids_before_012;
  `,
};
