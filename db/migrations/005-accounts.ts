/**
 * 005: local accounts and clinic settings. Accounts are never deleted (records
 * name their authors), only deactivated; a trigger refuses DELETE. Display
 * names are unique, case-insensitively, so the name stored on a record points
 * at exactly one person. Password hashes carry their own parameters.
 */
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'accounts',
  up: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('nurse', 'physician', 'admin')),
      -- scrypt$N$r$p$salt$hash: the cost parameters travel with the hash.
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES users (id),
      password_changed_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX users_username ON users (username);
    CREATE UNIQUE INDEX users_display_name ON users (display_name COLLATE NOCASE);
    CREATE TRIGGER users_no_delete BEFORE DELETE ON users
      BEGIN SELECT RAISE(ABORT, 'accounts are never deleted; deactivate them instead'); END;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT NOT NULL
    ) STRICT;
  `,
};
