/**
 * 013: which stored template versions came from the app's bundled library, and under which
 * stored number. A clinic can publish its own version N+1 in the app; when a later release
 * bundles a different N+1, seeding stores the bundled one under the next free number instead
 * of refusing to open (db/repositories/templates.ts seed). content_sha256 is the hash of the
 * bundled version as shipped, i.e. its entry in shared/library/data/library.lock.json.
 * A stored row came from at most one bundled version. Insert-only.
 *
 * No backfill here: a migration is frozen SQL and cannot know which stored rows the bundle
 * holds. Seeding records a stored row as bundled when its content equals the bundle's at the
 * same number, so an existing database gets its mapping at the first start after this step.
 */
import type { Migration } from './types';

export const migration013: Migration = {
  version: 13,
  name: 'bundled-template-versions',
  up: `
    CREATE TABLE bundled_template_versions (
      template_id TEXT NOT NULL,
      bundled_version INTEGER NOT NULL CHECK (bundled_version > 0),
      stored_version INTEGER NOT NULL,
      content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
      seeded_at TEXT NOT NULL,
      PRIMARY KEY (template_id, bundled_version),
      UNIQUE (template_id, stored_version),
      FOREIGN KEY (template_id, stored_version) REFERENCES templates (id, version)
    ) STRICT;
    CREATE TRIGGER bundled_template_versions_no_update BEFORE UPDATE ON bundled_template_versions
      BEGIN SELECT RAISE(ABORT, 'the record of bundled template versions is insert-only'); END;
    CREATE TRIGGER bundled_template_versions_no_delete BEFORE DELETE ON bundled_template_versions
      BEGIN SELECT RAISE(ABORT, 'the record of bundled template versions is insert-only'); END;
  `,
};
