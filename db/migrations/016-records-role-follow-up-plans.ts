/**
 * 016: the records role, and follow-up contacts planned ahead.
 *
 * users.role is limited by a CHECK, and SQLite cannot change a CHECK in place, so the
 * table is rebuilt with the same columns and rows. Thirteen tables name accounts by
 * foreign key; foreign keys stay enforced, deferred to the commit (defer_foreign_keys
 * resets there), by which time every id is back. Its indexes and triggers are created
 * again exactly as 005 and 015 made them.
 *
 * follow_up_plans: "call this patient on <date>", a clinic date in the future or past;
 * distinct from a follow-up (what the patient reported, never in the future). Insert only;
 * a plan made in error is withdrawn with a reason (follow_up_plan_voids).
 */
import type { Migration } from './types';

export const migration016: Migration = {
  version: 16,
  name: 'records-role-follow-up-plans',
  up: `
    PRAGMA defer_foreign_keys = ON;
    CREATE TEMP TABLE users_before_016 AS SELECT * FROM users;
    DROP TABLE users;
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('nurse', 'physician', 'admin', 'records')),
      -- scrypt$N$r$p$salt$hash: the cost parameters travel with the hash.
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users (id),
      password_changed_at TEXT NOT NULL,
      created_for_self INTEGER NOT NULL DEFAULT 0 CHECK (created_for_self IN (0, 1)),
      password_reset_at TEXT,
      password_reset_by TEXT REFERENCES users (id)
    ) STRICT;
    INSERT INTO users SELECT * FROM temp.users_before_016 ORDER BY rowid;
    DROP TABLE temp.users_before_016;
    CREATE UNIQUE INDEX users_username ON users (username);
    CREATE UNIQUE INDEX users_display_name ON users (display_name COLLATE NOCASE);
    CREATE TRIGGER users_no_delete BEFORE DELETE ON users
      BEGIN SELECT RAISE(ABORT, 'accounts are never deleted; deactivate them instead'); END;
    CREATE TRIGGER users_creation_fixed BEFORE UPDATE OF created_at, created_by, created_for_self ON users
      BEGIN SELECT RAISE(ABORT, 'who made an account, when and for whom never changes'); END;

    CREATE TABLE follow_up_plans (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      -- The clinic's calendar date of the planned contact (YYYY-MM-DD).
      due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      how TEXT NOT NULL CHECK (how IN ('visit', 'phone')),
      notes TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE INDEX follow_up_plans_due ON follow_up_plans (due_date);
    CREATE INDEX follow_up_plans_encounter ON follow_up_plans (encounter_id);
    CREATE TRIGGER follow_up_plans_no_update BEFORE UPDATE ON follow_up_plans
      BEGIN SELECT RAISE(ABORT, 'follow-up plans are insert-only; withdraw one with a reason'); END;
    CREATE TRIGGER follow_up_plans_no_delete BEFORE DELETE ON follow_up_plans
      BEGIN SELECT RAISE(ABORT, 'follow-up plans are insert-only; withdraw one with a reason'); END;
    CREATE TABLE follow_up_plan_voids (
      plan_id TEXT PRIMARY KEY REFERENCES follow_up_plans (id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE TRIGGER follow_up_plan_voids_no_update BEFORE UPDATE ON follow_up_plan_voids
      BEGIN SELECT RAISE(ABORT, 'withdrawals are final'); END;
    CREATE TRIGGER follow_up_plan_voids_no_delete BEFORE DELETE ON follow_up_plan_voids
      BEGIN SELECT RAISE(ABORT, 'withdrawals are final'); END;
  `,
};
