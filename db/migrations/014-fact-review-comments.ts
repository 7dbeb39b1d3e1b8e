/**
 * 014: the physician reviewer says why an accepted fact is acceptable for this clinic.
 * Acceptances recorded before this step keep no comment (NULL); the core requires one for
 * every new acceptance (library.acceptFact), and the column refuses blank or overlong text.
 * The table stays append-only (the triggers of 002 still hold).
 */
import type { Migration } from './types';

export const migration014: Migration = {
  version: 14,
  name: 'fact-review-comments',
  up: `
    ALTER TABLE fact_reviews ADD COLUMN comment TEXT
      CHECK (comment IS NULL OR (length(trim(comment, char(32, 9, 10, 13))) > 0 AND length(comment) <= 1000));
  `,
};
