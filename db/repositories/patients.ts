/** Patient rows. */
import type { Actor } from '#shared/contract/common';
import type { Patient } from '#shared/contract/patient';
import type { Db } from '../connection';
import { ftsMatchQuery } from './fts-query';

interface PatientRow {
  id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  birth_date: string;
  sex: Patient['sex'];
  /** Absent where a query does not select it. */
  language?: string | null;
  payer?: Patient['payer'];
  created_at: string;
}

export const PATIENT_COLUMNS = 'id, mrn, family_name, given_name, birth_date, sex, language, payer, created_at';

/** The details a clinician corrects after registration (migration 025). */
export type PatientDetail = 'language' | 'payer';

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    familyName: row.family_name,
    givenName: row.given_name,
    birthDate: row.birth_date,
    sex: row.sex,
    language: row.language ?? null,
    payer: row.payer ?? null,
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

const MRN_SHAPE = /^[A-Za-z0-9-]+$/;
/**
 * How many of the newest matches of a search are sorted; see PATIENT_CANDIDATES.
 * At least the largest page a caller may ask for (100), and no more: each costs a
 * lookup of the patient, a page read in a large practice (bench/RESULTS.md).
 */
export const SEARCH_CANDIDATES = 100;

/**
 * The ids of the patients a search finds: names and MRN through the FTS index
 * (every word a prefix of a word, accents ignored) and the MRN as typed (exact
 * or prefix) through its own index. Only the newest @cap matches of each are
 * kept: a one-letter query matches most of a large practice, and sorting all of
 * them costs time the user never sees; one more letter narrows the list.
 */
export const PATIENT_CANDIDATES = `
    SELECT patient_id FROM (SELECT patient_id FROM patients_fts WHERE patients_fts MATCH @match ORDER BY rowid DESC LIMIT @cap)
    UNION
    SELECT id FROM (SELECT id FROM patients WHERE @mrn IS NOT NULL AND mrn LIKE @mrn ESCAPE '\\' LIMIT @cap)`;

export interface SearchParams {
  match: string;
  mrn: string | null;
  exact: string;
  cap: number;
  limit: number;
}

/** The PATIENT_CANDIDATES parameters for what the user typed, or null when it cannot match anything. */
export function searchParams(query: string): Omit<SearchParams, 'limit'> | null {
  const text = query.trim();
  // No letter or digit (say "%" or "*"): nothing a name or an MRN could start with.
  const match = ftsMatchQuery(text);
  if (!match) return null;
  // An MRN holds only letters, digits and hyphens (CreatePatientInputSchema); anything else is a name.
  const mrn = MRN_SHAPE.test(text) ? likePrefix(text) : null;
  return { match, mrn, exact: text, cap: SEARCH_CANDIDATES };
}

export function createPatientRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO patients (id, mrn, family_name, given_name, family_key, given_key, birth_date, sex, language, created_at, created_by_name, created_by_role)
     VALUES (@id, @mrn, @familyName, @givenName, @familyKey, @givenKey, @birthDate, @sex, @language, @createdAt, @byName, @byRole)`,
  );
  const byId = db.prepare<[string], PatientRow>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = ?`);
  const byMrn = db.prepare<[string], PatientRow>(`SELECT ${PATIENT_COLUMNS} FROM patients WHERE mrn = ? COLLATE NOCASE`);
  const search = db.prepare<SearchParams, PatientRow>(
    `SELECT ${PATIENT_COLUMNS} FROM patients WHERE id IN (${PATIENT_CANDIDATES})
     ORDER BY mrn = @exact COLLATE NOCASE DESC, family_key, given_key, id LIMIT @limit`,
  );

  const setDetail = {
    language: db.prepare('UPDATE patients SET language = ? WHERE id = ?'),
    payer: db.prepare('UPDATE patients SET payer = ? WHERE id = ?'),
  };
  const detailChange = db.prepare(
    `INSERT INTO patient_detail_changes (patient_id, detail, from_value, to_value, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    /** A detail a clinician corrects, and the change that led to it, kept with who and when; the caller's transaction holds both. */
    setDetail(id: string, detail: PatientDetail, from: string | null, to: string | null, at: string, actor: Actor, userId: string): void {
      setDetail[detail].run(to, id);
      detailChange.run(id, detail, from, to, at, actor.name, actor.role, userId);
    },
    insert(patient: Omit<Patient, 'language' | 'payer'> & { language?: string | null }, actor: Actor): void {
      insert.run({
        ...patient,
        language: patient.language ?? null,
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
      const params = searchParams(query);
      return params ? search.all({ ...params, limit }).map(toPatient) : [];
    },
  };
}
export type PatientRepository = ReturnType<typeof createPatientRepository>;
