/** Encounter rows and the worklist query. */
import type { Actor } from '#shared/contract/common';
import type { Encounter } from '#shared/contract/encounter';
import type { Db } from '../connection';
import { createChecklistArchiveReader } from '../checklist-archive';
import { foldForSearch, likePrefix, PATIENT_CANDIDATES, searchParams, toPatient } from './patients';
import type { Patient } from '#shared/contract/patient';

interface EncounterRow {
  id: string;
  patient_id: string;
  template_id: string;
  template_version: number;
  levels_json: string;
  laterality: Encounter['laterality'];
  imaging_modality: Encounter['imagingModality'];
  planned_date: string;
  indication: string;
  created_at: string;
  created_by_name: string;
  created_by_role: Actor['role'];
  state: Encounter['state'];
  sedation_planned: number;
  visit_number: string | null;
  location: string | null;
}

const ENCOUNTER_COLUMNS = `e.id, e.patient_id, e.template_id, e.template_version, e.levels_json, e.laterality,
  e.imaging_modality, e.planned_date, e.indication, e.created_at, e.created_by_name, e.created_by_role,
  e.state, e.sedation_planned, e.visit_number, e.location`;

const PATIENT_AS = `p.id AS p_id, p.mrn AS p_mrn, p.family_name AS p_family_name, p.given_name AS p_given_name,
  p.birth_date AS p_birth_date, p.sex AS p_sex, p.language AS p_language, p.payer AS p_payer, p.created_at AS p_created_at`;

function toEncounter(row: EncounterRow): Encounter {
  return {
    id: row.id,
    patientId: row.patient_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    levels: JSON.parse(row.levels_json) as string[],
    laterality: row.laterality,
    imagingModality: row.imaging_modality,
    plannedDate: row.planned_date,
    indication: row.indication,
    createdAt: row.created_at,
    createdBy: { name: row.created_by_name, role: row.created_by_role },
    state: row.state,
    sedationPlanned: row.sedation_planned === 1,
    visitNumber: row.visit_number,
    location: row.location,
  };
}

interface JoinedRow extends EncounterRow {
  p_id: string;
  p_mrn: string;
  p_family_name: string;
  p_given_name: string;
  p_birth_date: string;
  p_sex: Patient['sex'];
  p_language: string | null;
  p_payer: Patient['payer'];
  p_created_at: string;
  decision: string | null;
  item_ids: string | null;
}

function patientFrom(row: JoinedRow): Patient {
  return toPatient({
    id: row.p_id, mrn: row.p_mrn, family_name: row.p_family_name, given_name: row.p_given_name,
    birth_date: row.p_birth_date, sex: row.p_sex, language: row.p_language, payer: row.p_payer, created_at: row.p_created_at,
  });
}

export interface EncounterListRow {
  encounter: Encounter;
  patient: Patient;
  decision: string | null;
  /** Items that are checked or marked not applicable. */
  resolvedItemIds: string[];
}

export function createEncounterRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality,
       planned_date, indication, created_at, created_by_name, created_by_role, state, sedation_planned, visit_number, location)
     VALUES (@id, @patientId, @templateId, @templateVersion, @levelsJson, @laterality, @imagingModality,
       @plannedDate, @indication, @createdAt, @byName, @byRole, @state, @sedation, @visitNumber, @location)`,
  );
  const byId = db.prepare<[string], EncounterRow>(`SELECT ${ENCOUNTER_COLUMNS} FROM encounters e WHERE e.id = ?`);
  const patientById = db.prepare<[string], string>('SELECT patient_id FROM encounters WHERE id = ?').pluck();
  // The page is chosen first (filter, order, LIMIT) and only its rows are joined to their consent
  // and checklist: a search matching 300 encounters then reads 200 checklists, a day of 1,600 reads 200.
  const listSql = (where: string) => `
    SELECT ${ENCOUNTER_COLUMNS}, ${PATIENT_AS}, c.decision,
      (SELECT group_concat(i.item_id, char(31)) FROM checklist_items i
        WHERE i.encounter_id = e.id AND i.status <> 'unchecked') AS item_ids
    FROM (SELECT e.id AS page_id, e.planned_date AS page_date, p.family_key AS page_key, e.created_at AS page_created
          FROM encounters e JOIN patients p ON p.id = e.patient_id
          WHERE ${where}
          ORDER BY e.planned_date, p.family_key, e.created_at LIMIT @limit) AS page
    JOIN encounters e ON e.id = page.page_id JOIN patients p ON p.id = e.patient_id
    LEFT JOIN consent_discussions c ON c.encounter_id = e.id
    ORDER BY page.page_date, page.page_key, page.page_created`;
  const matchPatient = `(@query = '' OR p.mrn LIKE @pattern ESCAPE '\\' OR p.family_key LIKE @key ESCAPE '\\'
    OR p.given_key LIKE @key ESCAPE '\\')`;
  const byState = `(@state IS NULL OR e.state = @state)`;
  const listOnDate = db.prepare(listSql(`e.planned_date = @date AND ${byState} AND ${matchPatient}`));
  const listAll = db.prepare(listSql(byState));
  // A search across all dates starts from the patients the search finds (FTS and MRN indexes,
  // see PATIENT_CANDIDATES) and their encounters by patient, never from every encounter.
  const listMatching = db.prepare(listSql(`${byState} AND e.patient_id IN (${PATIENT_CANDIDATES})`));
  // A closed encounter's checklist may be packed (db/checklist-archive.ts): its resolved items come from there.
  const archived = createChecklistArchiveReader(db);
  const archivedResolved = (row: JoinedRow): string[] =>
    row.state === 'discharged' || row.state === 'cancelled' ? (archived(row.id)?.items ?? []).filter((i) => i.status !== 'unchecked').map((i) => i.item_id) : [];

  return {
    insert(encounter: Encounter): void {
      insert.run({
        ...encounter,
        levelsJson: JSON.stringify(encounter.levels),
        sedation: encounter.sedationPlanned ? 1 : 0,
        byName: encounter.createdBy.name,
        byRole: encounter.createdBy.role,
      });
    },
    get(id: string): Encounter | undefined {
      const row = byId.get(id);
      return row && toEncounter(row);
    },
    /** Whose encounter it is: one column by primary key, for the audit entry of every change. */
    patientOf(id: string): string | undefined {
      return patientById.get(id);
    },
    list(filter: { date?: string | undefined; query: string; limit: number; state?: Encounter['state'] | undefined }): EncounterListRow[] {
      const params = {
        date: filter.date ?? null,
        state: filter.state ?? null,
        query: filter.query,
        pattern: likePrefix(filter.query),
        key: likePrefix(foldForSearch(filter.query)),
        limit: filter.limit,
      };
      const search = filter.date || !filter.query ? null : searchParams(filter.query);
      const rows = (
        filter.date ? listOnDate.all(params)
        : !filter.query ? listAll.all(params)
        : search ? listMatching.all({ ...search, state: params.state, limit: params.limit })
        : []
      ) as JoinedRow[];
      return rows.map((row) => ({
        encounter: toEncounter(row),
        patient: patientFrom(row),
        decision: row.decision,
        resolvedItemIds: row.item_ids ? row.item_ids.split('\u001f') : archivedResolved(row),
      }));
    },
  };
}
export type EncounterRepository = ReturnType<typeof createEncounterRepository>;
