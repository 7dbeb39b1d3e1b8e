/** Patient rows. */
import type { Actor } from '#shared/contract/common';
import type { Patient } from '#shared/contract/patients';
import type { Db } from '../connection';

interface PatientRow {
  id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  birth_date: string;
  sex: Patient['sex'];
  created_at: string;
}

export const PATIENT_COLUMNS = 'id, mrn, family_name, given_name, birth_date, sex, created_at';

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    familyName: row.family_name,
    givenName: row.given_name,
    birthDate: row.birth_date,
    sex: row.sex,
    createdAt: row.created_at,
  };
}

/** Lower case without accents: "Núñez" and "NUNEZ" both fold to "nunez". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createPatientRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO patients (id, mrn, family_name, given_name, family_key, given_key, birth_date, sex, created_at, created_by_name, created_by_role)
     VALUES (@id, @mrn, @familyName, @givenName, @familyKey, @givenKey, @birthDate, @sex, @createdAt, @byName, @byRole)`,
  );
  const byId = db.prepare<[string], PatientRow>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`);
  const byMrn = db.prepare<[string], PatientRow>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE mrn = ? COLLATE NOCASE`);
  // Prefix matches on folded keys and the MRN; a contains-search (FTS) arrives in a later issue.
  const search = db.prepare<{ mrn: string; key: string; limit: number }, PatientRow>(
    `SELECT ${PATIENT_COLUMNS} FROM patients
     WHERE mrn LIKE @mrn ESCAPE '\\' OR family_key LIKE @key ESCAPE '\\' OR given_key LIKE @key ESCAPE '\\'
     ORDER BY family_key, given_key LIMIT @limit`,
  );

  return {
    insert(patient: Patient, actor: Actor): void {
      insert.run({
        ...patient,
        familyKey: foldForSearch(patient.familyName),
        givenKey: foldForSearch(patient.givenName),
        byName: actor.name,
        byRole: actor.role,
      });
    },
    get(id: string): Patient | undefined {
      const row = byId.get(id);
      return row && toPatient(row);
    },
    getByMrn(mrn: string): Patient | undefined {
      const row = byMrn.get(mrn);
      return row && toPatient(row);
    },
    search(query: string, limit: number): Patient[] {
      if (!query) return [];
      return search.all({ mrn: likePrefix(query), key: likePrefix(foldForSearch(query)), limit }).map(toPatient);
    },
  };
}
export type PatientRepository = ReturnType<typeof createPatientRepository>;
