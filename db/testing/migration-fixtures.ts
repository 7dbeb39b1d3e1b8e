/** Test support for migration steps: a scratch database per test, and the rows later steps start from. */
import path from 'node:path';
import { openDatabase, type Db } from '../connection';
import { testKey } from './temp-core';
import { tempDirsPerTest } from './temp-dirs';

/** Call once at the top of a test file; the function it returns opens an empty database that lasts one test. */
export function scratchDatabases(): () => { db: Db; dir: string } {
  const key = testKey();
  const dirFor = tempDirsPerTest();
  return () => {
    const dir = dirFor();
    return { db: openDatabase(path.join(dir, 'm.sqlite'), 99, key), dir };
  };
}

/** A template, a patient and an encounter ('t', 'p', 'e'), as the later steps' tests start from. */
export const TEMPLATE_PATIENT_ENCOUNTER = `
      INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now');
      INSERT INTO patients (id, mrn, family_name, given_name, family_key, given_key, birth_date, sex, created_at, created_by_name, created_by_role) VALUES ('p', 'MRN1', 'Peña', 'Ana', 'pena', 'ana', '1970-01-01', 'female', 'now', 'N', 'nurse');
      INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality, planned_date, indication, created_at, created_by_name, created_by_role)
        VALUES ('e', 'p', 't', 1, '[]', NULL, 'fluoroscopy', '2026-11-24', 'x', 'now', 'N', 'nurse');`;
