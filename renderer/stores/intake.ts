/**
 * The open patient's intake: its versions (newest first) and recording a new one. A save
 * names the version the form was opened on, so a stale form is refused by the core.
 */
import { useCoverage } from './coverage';
import { create } from 'zustand';
import type { IntakeInput, IntakeVersion } from '#shared/contract/intake';
import { api, formErrors, type FormResult } from '../api/client';

interface IntakeState {
  patientId: string | null;
  versions: IntakeVersion[];
  error: string | null;
  load: (patientId: string) => Promise<void>;
  record: (intake: IntakeInput) => Promise<FormResult>;
}

export const useIntake = create<IntakeState>((set, get) => ({
  patientId: null,
  versions: [],
  error: null,
  load: async (patientId) => {
    set({ patientId, versions: [], error: null });
    try {
      const { versions } = await api().call('intake.history', { patientId });
      if (get().patientId === patientId) set({ versions });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  record: async (intake) => {
    const { patientId, versions } = get();
    if (!patientId) return { form: 'No patient is open.' };
    try {
      const added = await api().call('intake.record', { patientId, intake, replacesId: versions[0]?.id ?? null });
      set({ versions: [added, ...versions] });
      // Coverage readiness reads the intake: the open encounter's line follows the new version.
      const coverage = useCoverage.getState();
      if (coverage.encounterId) void coverage.load(coverage.encounterId);
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },
}));
