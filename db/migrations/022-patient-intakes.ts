/**
 * 022: the patient's intake (issue 20, point 1): one row per version, the whole intake as
 * canonical JSON. Append-only by trigger; the versions of a patient form one line: one
 * first version (replaces nothing) and each version replaced at most once, so two people
 * saving over the same version cannot both succeed.
 */
import type { Migration } from './types';

export const migration022: Migration = {
  version: 22,
  name: 'patient-intakes',
  up: `
    CREATE TABLE patient_intakes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      replaces_id TEXT REFERENCES patient_intakes (id),
      body TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by_name TEXT NOT NULL,
      recorded_by_role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patient_intakes_patient ON patient_intakes (patient_id, seq);
    CREATE UNIQUE INDEX patient_intakes_replaced_once ON patient_intakes (replaces_id) WHERE replaces_id IS NOT NULL;
    CREATE UNIQUE INDEX patient_intakes_one_first ON patient_intakes (patient_id) WHERE replaces_id IS NULL;
    CREATE TRIGGER patient_intakes_no_update BEFORE UPDATE ON patient_intakes
      BEGIN SELECT RAISE(ABORT, 'patient intakes are append-only'); END;
    CREATE TRIGGER patient_intakes_no_delete BEFORE DELETE ON patient_intakes
      BEGIN SELECT RAISE(ABORT, 'patient intakes are append-only'); END;
  `,
};
