/**
 * 006: the procedure day. Each encounter has a state (scheduled → pre-procedure
 * → time-out → procedure → recovery → discharged, or cancelled) and whether
 * sedation is planned. Every transition is kept, with any physician override
 * and the items it overrode. Structured records (vitals, anticoagulants,
 * time-out, procedure, Aldrete) are append-only; a withdrawal is its own row.
 */
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'procedure-day',
  up: `
    ALTER TABLE encounters ADD COLUMN state TEXT NOT NULL DEFAULT 'scheduled'
      CHECK (state IN ('scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged', 'cancelled'));
    ALTER TABLE encounters ADD COLUMN sedation_planned INTEGER NOT NULL DEFAULT 0 CHECK (sedation_planned IN (0, 1));
    CREATE INDEX encounters_state ON encounters (state, planned_date);

    CREATE TABLE encounter_transitions (
      seq INTEGER PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      reason TEXT,
      -- JSON array of {id, label, hardStop} a physician overrode; '[]' when none.
      overridden_json TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX encounter_transitions_encounter ON encounter_transitions (encounter_id, seq);
    CREATE TRIGGER encounter_transitions_no_update BEFORE UPDATE ON encounter_transitions
      BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
    CREATE TRIGGER encounter_transitions_no_delete BEFORE DELETE ON encounter_transitions
      BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;

    CREATE TABLE encounter_records (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      kind TEXT NOT NULL CHECK (kind IN ('vitals', 'anticoagulant', 'risk-factors', 'inr', 'time-out', 'procedure', 'aldrete')),
      data_json TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
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
    CREATE TRIGGER encounter_record_voids_no_update BEFORE UPDATE ON encounter_record_voids
      BEGIN SELECT RAISE(ABORT, 'voids are final'); END;
    CREATE TRIGGER encounter_record_voids_no_delete BEFORE DELETE ON encounter_record_voids
      BEGIN SELECT RAISE(ABORT, 'voids are final'); END;
  `,
};
