/**
 * 004: the audit trail. Each entry is chained to the previous one by a keyed
 * hash (HMAC-SHA256; the key is not in the database), and a keyed head record
 * names the newest entry, so editing, deleting, reordering, inserting or
 * truncating entries is detected by the verifier. Triggers refuse UPDATE and
 * DELETE on the log.
 */
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'audit-log',
  up: `
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_name TEXT NOT NULL,
      user_role TEXT NOT NULL,
      patient_id TEXT,
      action TEXT NOT NULL,
      target TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_patient ON audit_log (patient_id, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      mac TEXT NOT NULL
    ) STRICT;
  `,
};
