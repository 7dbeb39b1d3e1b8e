/**
 * 002: a clinic reviewer's acceptance of an unverified ([M] or inferred) fact,
 * per template version: who accepted which fact of which version, and when.
 * Append-only.
 */
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'template-reviews',
  up: `
    CREATE TABLE fact_reviews (
      template_id TEXT NOT NULL,
      template_version INTEGER NOT NULL,
      fact_id TEXT NOT NULL,
      accepted_at TEXT NOT NULL,
      accepted_by_name TEXT NOT NULL,
      accepted_by_role TEXT NOT NULL,
      PRIMARY KEY (template_id, template_version, fact_id),
      FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
    ) STRICT;
    CREATE TRIGGER fact_reviews_no_update BEFORE UPDATE ON fact_reviews
      BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    CREATE TRIGGER fact_reviews_no_delete BEFORE DELETE ON fact_reviews
      BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    -- Stored template content never changes once written.
    CREATE TRIGGER templates_no_update BEFORE UPDATE ON templates
      BEGIN SELECT RAISE(ABORT, 'a stored template version never changes; publish a new version'); END;
    CREATE TRIGGER templates_no_delete BEFORE DELETE ON templates
      BEGIN SELECT RAISE(ABORT, 'a stored template version never changes; publish a new version'); END;
  `,
};
