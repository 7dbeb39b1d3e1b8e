/**
 * 021: the day's appointments from the EHR (issue 19, points 6 and 9). One row per appointment,
 * keyed by where it came from and that source's own id (HL7 SCH-2/SCH-1, FHIR Appointment.id), so
 * importing the same message again updates the row and never adds a second. An appointment points
 * at the patient matched by MRN and, once started, at the encounter it became.
 * Every inbound message, taken or refused, is logged with the reason (schedule_inbound_log), and an
 * A08's change to a patient's demographics keeps the before and after (patient_demographic_changes).
 */
import type { Migration } from './types';

export const migration021: Migration = {
  version: 21,
  name: 'appointments',
  up: `
    CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('hl7', 'fhir')),
      source_id TEXT NOT NULL CHECK (length(source_id) BETWEEN 1 AND 200),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      -- The clinic's wall-clock date and time of the appointment (YYYY-MM-DD, HH:MM), in the clinic's zone.
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
      location TEXT CHECK (location IS NULL OR length(location) BETWEEN 1 AND 80),
      visit_number TEXT CHECK (visit_number IS NULL OR length(visit_number) BETWEEN 1 AND 40),
      procedure_text TEXT CHECK (procedure_text IS NULL OR length(procedure_text) BETWEEN 1 AND 200),
      status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
      -- Set once, when staff turn the appointment into an encounter.
      encounter_id TEXT UNIQUE REFERENCES encounters (id),
      imported_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (source, source_id)
    ) STRICT;
    CREATE INDEX appointments_by_date ON appointments (date, time);
    CREATE TRIGGER appointments_no_delete BEFORE DELETE ON appointments
      BEGIN SELECT RAISE(ABORT, 'appointments are kept; a cancellation is a status'); END;
    CREATE TRIGGER appointments_encounter_once BEFORE UPDATE OF encounter_id ON appointments WHEN old.encounter_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an appointment becomes one encounter only'); END;
    CREATE TABLE schedule_inbound_log (
      seq INTEGER PRIMARY KEY,
      channel TEXT NOT NULL CHECK (channel IN ('mllp', 'folder', 'fhir')),
      -- MSH-10, the file name or the FHIR Appointment id; '' when the message was too broken to say.
      message_id TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER schedule_inbound_log_no_update BEFORE UPDATE ON schedule_inbound_log
      BEGIN SELECT RAISE(ABORT, 'the inbound log is append-only'); END;
    CREATE TRIGGER schedule_inbound_log_no_delete BEFORE DELETE ON schedule_inbound_log
      BEGIN SELECT RAISE(ABORT, 'the inbound log is append-only'); END;
    CREATE TABLE patient_demographic_changes (
      seq INTEGER PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      before_json TEXT NOT NULL,
      after_json TEXT NOT NULL,
      -- Which message changed it (MSH-10) and over which channel.
      message_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER patient_demographic_changes_no_update BEFORE UPDATE ON patient_demographic_changes
      BEGIN SELECT RAISE(ABORT, 'the demographics history is append-only'); END;
    CREATE TRIGGER patient_demographic_changes_no_delete BEFORE DELETE ON patient_demographic_changes
      BEGIN SELECT RAISE(ABORT, 'the demographics history is append-only'); END;
  `,
};
