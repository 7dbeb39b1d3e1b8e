/**
 * 001: templates, patients, encounters, checklist state with its history,
 * consent discussions, and a record of each note export.
 * Item history and exports are append-only: triggers refuse UPDATE and DELETE.
 */
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE templates (
      id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version > 0),
      name TEXT NOT NULL,
      content_json TEXT NOT NULL,
      content_sha256 TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (id, version)
    ) STRICT;

    CREATE TABLE patients (
      id TEXT PRIMARY KEY,
      mrn TEXT NOT NULL,
      family_name TEXT NOT NULL,
      given_name TEXT NOT NULL,
      -- Folded (lower case, accents removed) copies for accent-insensitive prefix search.
      family_key TEXT NOT NULL,
      given_key TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
      created_at TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_by_role TEXT NOT NULL
    ) STRICT;
    -- MRNs compare case-insensitively: "ab12" and "AB12" are one patient.
    CREATE UNIQUE INDEX patients_mrn ON patients (mrn COLLATE NOCASE);
    CREATE INDEX patients_family_key ON patients (family_key, given_key);
    CREATE INDEX patients_given_key ON patients (given_key);

    CREATE TABLE encounters (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      template_id TEXT NOT NULL,
      template_version INTEGER NOT NULL,
      levels_json TEXT NOT NULL,
      laterality TEXT CHECK (laterality IN ('left', 'right', 'bilateral')),
      imaging_modality TEXT NOT NULL CHECK (imaging_modality IN ('fluoroscopy', 'ultrasound', 'ct')),
      planned_date TEXT NOT NULL,
      indication TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_by_role TEXT NOT NULL,
      FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
    ) STRICT;
    CREATE INDEX encounters_planned_date ON encounters (planned_date, created_at);
    CREATE INDEX encounters_patient ON encounters (patient_id);

    -- Current state of each item; its history is in checklist_item_events.
    CREATE TABLE checklist_items (
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      item_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('checked', 'not-applicable', 'unchecked')),
      reason TEXT,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT NOT NULL,
      updated_by_role TEXT NOT NULL,
      PRIMARY KEY (encounter_id, item_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE checklist_item_events (
      seq INTEGER PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      item_id TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      reason TEXT,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX checklist_item_events_encounter ON checklist_item_events (encounter_id, item_id);
    CREATE TRIGGER checklist_item_events_no_update BEFORE UPDATE ON checklist_item_events
      BEGIN SELECT RAISE(ABORT, 'checklist history is append-only'); END;
    CREATE TRIGGER checklist_item_events_no_delete BEFORE DELETE ON checklist_item_events
      BEGIN SELECT RAISE(ABORT, 'checklist history is append-only'); END;

    CREATE TABLE consent_discussions (
      encounter_id TEXT PRIMARY KEY REFERENCES encounters (id),
      content_json TEXT NOT NULL,
      decision TEXT CHECK (decision IN ('consents', 'declines', 'defers')),
      updated_at TEXT NOT NULL,
      updated_by_name TEXT NOT NULL,
      updated_by_role TEXT NOT NULL
    ) STRICT;

    CREATE TABLE consent_discussion_events (
      seq INTEGER PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      content_json TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER consent_discussion_events_no_update BEFORE UPDATE ON consent_discussion_events
      BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;
    CREATE TRIGGER consent_discussion_events_no_delete BEFORE DELETE ON consent_discussion_events
      BEGIN SELECT RAISE(ABORT, 'consent history is append-only'); END;

    CREATE TABLE note_exports (
      seq INTEGER PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      pdf_sha256 TEXT NOT NULL,
      text_sha256 TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER note_exports_no_update BEFORE UPDATE ON note_exports
      BEGIN SELECT RAISE(ABORT, 'the export record is append-only'); END;
    CREATE TRIGGER note_exports_no_delete BEFORE DELETE ON note_exports
      BEGIN SELECT RAISE(ABORT, 'the export record is append-only'); END;
  `,
};
