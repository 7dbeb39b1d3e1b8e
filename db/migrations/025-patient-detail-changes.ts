/**
 * 025: two details of the patient a clinician corrects after registration, each change kept with the
 * value before and after, who and when (append-only):
 * - the preferred language (023), which the handout and the teach-back follow;
 * - the payer whose coverage rules apply (shared/clinical/payer-rules.ts), NULL where not recorded.
 * Changes the EHR sends are kept in patient_demographic_changes with their message instead.
 */
import type { Migration } from './types';

export const migration025: Migration = {
  version: 25,
  name: 'patient-detail-changes',
  up: `
    ALTER TABLE patients ADD COLUMN payer TEXT CHECK (payer IS NULL OR payer IN ('medicare', 'evicore'));
    CREATE TABLE patient_detail_changes (
      seq INTEGER PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      detail TEXT NOT NULL CHECK (detail IN ('language', 'payer')),
      from_value TEXT,
      to_value TEXT,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id),
      CHECK (from_value IS NOT to_value)
    ) STRICT;
    CREATE INDEX patient_detail_changes_patient ON patient_detail_changes (patient_id, seq);
    CREATE TRIGGER patient_detail_changes_no_update BEFORE UPDATE ON patient_detail_changes
      BEGIN SELECT RAISE(ABORT, 'the history of patient details is append-only'); END;
    CREATE TRIGGER patient_detail_changes_no_delete BEFORE DELETE ON patient_detail_changes
      BEGIN SELECT RAISE(ABORT, 'the history of patient details is append-only'); END;
  `,
};
