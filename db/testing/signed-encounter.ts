/** Test support: an encounter with its consent discussion, signed through the real core, with addenda; and the forger's first step. */
import type { Encounter } from '#shared/contract/encounter';
import type { Addendum, SignedNote } from '#shared/contract/note';
import { DEFAULT_ATTESTATION } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import type { Db } from '../connection';
import { NURSE, ok, PATIENT, PHYSICIAN, TEST_PASSWORD, type TempCore } from './temp-core';

export const CONSENTS = 'The patient consents to the procedure.';
export const DECLINES = 'The patient declines the procedure.';

/** A new patient and encounter for them (lumbar TFESI), created by the nurse. */
export async function newEncounter(core: TempCore, mrn: string): Promise<{ patientId: string; encounterId: string }> {
  const nurse = core.as(NURSE);
  const patientId = ok<Patient>(await nurse('patient.create', { ...PATIENT, mrn })).id;
  const encounterId = ok<Encounter>(await nurse('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  return { patientId, encounterId };
}

/** The physician records the discussion (the patient consents) and signs; the nurse adds `addenda` addenda. */
export async function signedEncounter(core: TempCore, mrn: string, addenda = 2): Promise<{ encounterId: string; note: SignedNote; patientId: string; addenda: Addendum[] }> {
  const { patientId, encounterId } = await newEncounter(core, mrn);
  const physician = core.as(PHYSICIAN);
  ok(await physician('consent.save', {
    encounterId, benefitsDiscussed: true, benefitsNote: 'Relief for some months.', alternativesDiscussed: true, alternativesNote: 'Physical therapy.',
    questions: [], interpreter: { used: false }, decision: 'consents',
  }));
  const note = ok<SignedNote>(await physician('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }));
  const added: Addendum[] = [];
  for (let i = 1; i <= addenda; i++) {
    added.push(ok<Addendum>(await core.as(NURSE)('note.addAddendum', { noteId: note.id, reason: `Correction number ${i}`, text: `Addendum text ${i}.`, password: TEST_PASSWORD })));
  }
  return { encounterId, note, patientId, addenda: added };
}

/** What someone with the file and a SQLite shell does first: drop the triggers that keep signed notes unchanged. */
export function dropNoteTriggers(db: Db): void {
  for (const t of ['signed_notes_no_update', 'signed_notes_no_delete', 'note_addenda_no_update', 'note_addenda_no_delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
}
