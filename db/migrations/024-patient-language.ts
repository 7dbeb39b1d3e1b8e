/**
 * 024: the patient's preferred language (issue 20 point 4), a BCP 47 tag from the one list
 * (shared/domain/languages.ts), or NULL where not recorded. Patients registered before stay NULL.
 *
 * Numbered 24 by the session's assignment (intake 022, storage 023). Until those two are merged
 * this branch runs it as 22: on merging, set `version` to 24 and list it after 023 in index.ts.
 */
import type { Migration } from './types';

export const migration024: Migration = {
  version: 22,
  name: 'patient-language',
  up: `
    ALTER TABLE patients ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 35);
  `,
};
