/**
 * One patient's outcomes: the follow-ups, pain diaries and charts of the
 * Outcomes screen. Every write reloads the patient's outcomes from the core,
 * so what the screen shows (and judges) is what was stored.
 */
import { create } from 'zustand';
import type { AddDiaryInput, AddFollowUpInput, PatientOutcomes } from '#shared/contract/follow-up';
import type { ScheduleFollowUpInput } from '#shared/contract/follow-up-plan';
import type { Patient } from '#shared/contract/patient';
import { api, formErrors, type FormResult } from '../api/client';

interface OutcomesState {
  patientId: string | null;
  outcomes: PatientOutcomes | null;
  /** The clinic's time zone, for dates and the datetime fields. */
  timeZone: string;
  error: string | null;
  load: (patientId: string) => Promise<void>;
  search: (query: string) => Promise<Patient[]>;
  addFollowUp: (input: AddFollowUpInput) => Promise<FormResult>;
  addDiary: (input: AddDiaryInput) => Promise<FormResult>;
  voidRecord: (encounterId: string, kind: 'follow-up' | 'diary' | 'plan', id: string, reason: string) => Promise<FormResult>;
  schedule: (input: ScheduleFollowUpInput) => Promise<FormResult>;
}

export const useOutcomes = create<OutcomesState>((set, get) => {
  async function write(run: () => Promise<unknown>): Promise<FormResult> {
    try {
      await run();
    } catch (error) {
      return formErrors(error);
    }
    const id = get().patientId;
    if (id) await get().load(id);
    return null;
  }

  return {
    patientId: null,
    outcomes: null,
    timeZone: 'UTC',
    error: null,

    async load(patientId) {
      if (get().patientId !== patientId) set({ patientId, outcomes: null, error: null });
      try {
        const [outcomes, settings] = await Promise.all([api().call('outcomes.forPatient', { patientId }), api().call('settings.get', {})]);
        if (get().patientId === patientId) set({ outcomes, timeZone: settings.timeZone, error: null });
      } catch (error) {
        if (get().patientId === patientId) set({ error: error instanceof Error ? error.message : String(error) });
      }
    },

    search: (query) => api().call('patient.search', { query, limit: 20 }),

    addFollowUp: (input) => write(() => api().call('followUp.add', input)),
    addDiary: (input) => write(() => api().call('followUp.addDiary', input)),
    schedule: (input) => write(() => api().call('followUp.schedule', input)),
    voidRecord: (encounterId, kind, id, reason) => write(() => api().call('followUp.voidRecord', { encounterId, kind, id, reason })),
  };
});
