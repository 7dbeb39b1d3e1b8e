// A patient's preferred language (issue 20 point 4, migration 024): a tag from the one list,
// stored and read back on the patient and the open encounter; free text is refused and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Patient } from '#shared/contract/patient';
import { NURSE, ok, openTempCore, PATIENT, type TempCore } from '../testing/temp-core';

let core: TempCore;
const nurse = () => core.as(NURSE);
beforeEach(() => { core = openTempCore(); });
afterEach(() => core.cleanup());

describe('patient language', () => {
  it('stores a tag from the list and reads it back, on search and on the encounter', async () => {
    const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT, language: 'es' }));
    expect(patient.language).toBe('es');
    expect(ok<Patient[]>(await nurse()('patient.search', { query: PATIENT.mrn }))[0]).toMatchObject({ id: patient.id, language: 'es' });
    const encounter = ok<{ id: string }>(await nurse()('encounter.create', {
      patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
    }));
    expect(ok<EncounterDetail>(await nurse()('encounter.get', { encounterId: encounter.id })).patient.language).toBe('es');
  });

  it('is optional: a patient registered without one has null', async () => {
    expect(ok<Patient>(await nurse()('patient.create', { ...PATIENT })).language).toBeNull();
  });

  it('refuses free text or a tag outside the list, and registers no one', async () => {
    for (const language of ['Spanish', 'xx', 'es-', '']) {
      const answer = await nurse()('patient.create', { ...PATIENT, mrn: `L-${language.length}`, language });
      expect(answer, language).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(ok<Patient[]>(await nurse()('patient.search', { query: 'L-' }))).toEqual([]);
  });
});
