// A patient's preferred language (issue 20 point 4, migration 023): a tag from the one list,
// stored and read back on the patient and the open encounter; free text is refused and writes nothing.
// Language and payer corrected later (migration 025): each change kept with before, after, who and when.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Patient } from '#shared/contract/patient';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, RECORDS, type TempCore } from '../testing/temp-core';

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

  describe('corrected after registration (patient.setLanguage)', () => {
    const history = (patientId: string) => core.db.prepare(
      `SELECT detail, from_value, to_value, at, by_name, by_role, (SELECT display_name FROM users WHERE id = by_user_id) AS account
       FROM patient_detail_changes WHERE patient_id = ? ORDER BY seq`,
    ).all(patientId);

    it('changes the tag, keeps before, after, who and when, and the encounter reads the new one', async () => {
      const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT, language: 'en' }));
      const encounter = ok<{ id: string }>(await nurse()('encounter.create', {
        patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
      }));
      expect(ok<Patient>(await nurse()('patient.setLanguage', { patientId: patient.id, language: 'es' }))).toMatchObject({ id: patient.id, language: 'es' });
      expect(ok<EncounterDetail>(await nurse()('encounter.get', { encounterId: encounter.id })).patient.language).toBe('es');
      expect(ok<Patient>(await core.as(PHYSICIAN)('patient.setLanguage', { patientId: patient.id, language: null })).language).toBeNull();
      expect(history(patient.id)).toEqual([
        { detail: 'language', from_value: 'en', to_value: 'es', at: expect.any(String), by_name: NURSE.name, by_role: 'nurse', account: NURSE.name },
        { detail: 'language', from_value: 'es', to_value: null, at: expect.any(String), by_name: PHYSICIAN.name, by_role: 'physician', account: PHYSICIAN.name },
      ]);
      const audit = core.db.prepare("SELECT user_name, patient_id, target FROM audit_log WHERE action = 'patient.setLanguage' ORDER BY seq").all();
      expect(audit).toEqual([
        { user_name: NURSE.name, patient_id: patient.id, target: `patient:${patient.id}/language` },
        { user_name: PHYSICIAN.name, patient_id: patient.id, target: `patient:${patient.id}/language` },
      ]);
    });

    it('refuses, and changes nothing: the same language, free text, an unknown patient, records staff', async () => {
      const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT, language: 'es' }));
      expect(await nurse()('patient.setLanguage', { patientId: patient.id, language: 'es' }))
        .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The preferred language is already Spanish (Español): nothing to change.' } });
      expect(await nurse()('patient.setLanguage', { patientId: patient.id, language: 'Spanish' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await nurse()('patient.setLanguage', { patientId: '00000000-0000-4000-8000-000000000000', language: 'fr' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await core.as(RECORDS)('patient.setLanguage', { patientId: patient.id, language: 'fr' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(ok<Patient[]>(await nurse()('patient.search', { query: PATIENT.mrn }))[0]!.language).toBe('es');
      expect(history(patient.id)).toEqual([]);
    });

    it('keeps the history append-only', async () => {
      const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT }));
      ok(await nurse()('patient.setLanguage', { patientId: patient.id, language: 'vi' }));
      expect(() => core.db.prepare("UPDATE patient_detail_changes SET to_value = 'fr'").run()).toThrow(/append-only/);
      expect(() => core.db.prepare('DELETE FROM patient_detail_changes').run()).toThrow(/append-only/);
    });
  });

  describe('the payer, recorded or corrected (patient.setPayer)', () => {
    it('is not recorded at registration; set and changed with before, after, who and when, and audited', async () => {
      const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT }));
      expect(patient.payer).toBeNull();
      expect(ok<Patient>(await nurse()('patient.setPayer', { patientId: patient.id, payer: 'medicare' })).payer).toBe('medicare');
      expect(ok<Patient>(await core.as(PHYSICIAN)('patient.setPayer', { patientId: patient.id, payer: 'evicore' })).payer).toBe('evicore');
      expect(ok<Patient[]>(await nurse()('patient.search', { query: PATIENT.mrn }))[0]!.payer).toBe('evicore');
      expect(core.db.prepare("SELECT detail, from_value, to_value, by_name FROM patient_detail_changes ORDER BY seq").all()).toEqual([
        { detail: 'payer', from_value: null, to_value: 'medicare', by_name: NURSE.name },
        { detail: 'payer', from_value: 'medicare', to_value: 'evicore', by_name: PHYSICIAN.name },
      ]);
      expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'patient.setPayer' AND patient_id = ?").pluck().get(patient.id)).toBe(2);
    });

    it('refuses a payer outside the list and the same payer again, and changes nothing', async () => {
      const patient = ok<Patient>(await nurse()('patient.create', { ...PATIENT }));
      expect(await nurse()('patient.setPayer', { patientId: patient.id, payer: 'aetna' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await nurse()('patient.setPayer', { patientId: patient.id, payer: null }))
        .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The payer is already not recorded: nothing to change.' } });
      expect(core.db.prepare('SELECT count(*) FROM patient_detail_changes').pluck().get()).toBe(0);
    });
  });
});
