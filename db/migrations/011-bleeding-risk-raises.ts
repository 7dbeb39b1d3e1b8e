/**
 * 011: the encounter's bleeding-risk class may be raised by a physician.
 *
 * - bleeding_risk_raises: one row per raise: the class in force then
 *   (from_class), the class asked for (to_class, always higher), the reason's
 *   category and its text, who and when. A class is only ever raised, so the
 *   pair is checked here too.
 * - bleeding_risk_raise_withdrawals: a raise recorded in error is withdrawn by
 *   its own row with who, when and why; the raise itself stays.
 *
 * Its own table rather than a new kind of encounter_records: the kind column
 * there is fixed by a CHECK, and changing that means rebuilding the busiest
 * append-only table; a raise also has fixed columns that SQLite can check.
 * Both tables are insert-only by trigger.
 */
import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  name: 'bleeding-risk-raises',
  up: `
    CREATE TABLE bleeding_risk_raises (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      from_class TEXT NOT NULL CHECK (from_class IN ('low', 'intermediate')),
      to_class TEXT NOT NULL CHECK (to_class IN ('intermediate', 'high')),
      reason_category TEXT NOT NULL
        CHECK (reason_category IN ('deep-or-paravertebral-block', 'asipp-class', 'patient-factors', 'other')),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id),
      CHECK (from_class = 'low' OR to_class = 'high')
    ) STRICT;
    CREATE INDEX bleeding_risk_raises_by_encounter ON bleeding_risk_raises (encounter_id, seq);
    CREATE TRIGGER bleeding_risk_raises_no_update BEFORE UPDATE ON bleeding_risk_raises
      BEGIN SELECT RAISE(ABORT, 'a bleeding-risk raise never changes; withdraw it with a reason'); END;
    CREATE TRIGGER bleeding_risk_raises_no_delete BEFORE DELETE ON bleeding_risk_raises
      BEGIN SELECT RAISE(ABORT, 'a bleeding-risk raise never changes; withdraw it with a reason'); END;

    CREATE TABLE bleeding_risk_raise_withdrawals (
      raise_id TEXT PRIMARY KEY REFERENCES bleeding_risk_raises (id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE TRIGGER bleeding_risk_raise_withdrawals_no_update BEFORE UPDATE ON bleeding_risk_raise_withdrawals
      BEGIN SELECT RAISE(ABORT, 'the bleeding-risk history is append-only'); END;
    CREATE TRIGGER bleeding_risk_raise_withdrawals_no_delete BEFORE DELETE ON bleeding_risk_raise_withdrawals
      BEGIN SELECT RAISE(ABORT, 'the bleeding-risk history is append-only'); END;
  `,
};
