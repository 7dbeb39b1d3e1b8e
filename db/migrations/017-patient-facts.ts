/**
 * 017: patient-level clinical facts (issue 18). Medications, allergies, diabetes,
 * pregnancy potential and implanted devices are recorded once per patient and
 * carry to every later encounter. Append-only: a change is a new fact naming the
 * one it replaces (each replaced once), a removal is its own row with a reason.
 * Each encounter confirms the standing facts (who, when, which facts). The planned
 * start of an encounter is entered by a person, each entry kept: the anticoagulant
 * check is judged against the latest, never against the running clock.
 */
import type { Migration } from './types';

const appendOnly = (table: string, what: string) => `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} are append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} are append-only'); END;`;

export const migration017: Migration = {
  version: 17,
  name: 'patient-facts',
  up: `
    CREATE TABLE patient_facts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      kind TEXT NOT NULL CHECK (kind IN ('antithrombotic', 'medication', 'allergy', 'diabetes', 'pregnancy', 'device')),
      data_json TEXT NOT NULL,
      replaces_id TEXT REFERENCES patient_facts (id),
      encounter_id TEXT REFERENCES encounters (id),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patient_facts_patient ON patient_facts (patient_id, seq);
    CREATE UNIQUE INDEX patient_facts_replaced_once ON patient_facts (replaces_id) WHERE replaces_id IS NOT NULL;
    ${appendOnly('patient_facts', 'patient facts')}

    CREATE TABLE patient_fact_removals (
      fact_id TEXT PRIMARY KEY REFERENCES patient_facts (id),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    ${appendOnly('patient_fact_removals', 'removals of patient facts')}

    CREATE TABLE patient_fact_confirmations (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      -- JSON array of the ids of the facts standing when confirmed.
      fact_ids_json TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patient_fact_confirmations_encounter ON patient_fact_confirmations (encounter_id, seq);
    ${appendOnly('patient_fact_confirmations', 'confirmations of patient facts')}

    CREATE TABLE encounter_planned_starts (
      seq INTEGER PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      planned_start_at TEXT NOT NULL,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL
    ) STRICT;
    CREATE INDEX encounter_planned_starts_encounter ON encounter_planned_starts (encounter_id, seq);
    ${appendOnly('encounter_planned_starts', 'planned starts')}
  `,
};
