/**
 * 023: the patient's preferred language (issue 20 point 4), a BCP 47 tag from the one list
 * (shared/domain/languages.ts), or NULL where not recorded. Patients registered before stay NULL.
 */
import type { Migration } from './types';

export const migration023: Migration = {
  version: 23,
  name: 'patient-language',
  up: `
    ALTER TABLE patients ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 35);
  `,
};
