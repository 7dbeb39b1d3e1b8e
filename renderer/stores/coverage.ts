/**
 * The open encounter's coverage readiness (issue 20 point 2), read from the core.
 * A read only: nothing here blocks or changes the encounter.
 */
import { create } from 'zustand';
import type { CoverageReadiness } from '#shared/contract/coverage';
import { api } from '../api/client';

interface CoverageState {
  encounterId: string | null;
  readiness: CoverageReadiness | null;
  error: string | null;
  load: (encounterId: string) => Promise<void>;
}

export const useCoverage = create<CoverageState>((set, get) => ({
  encounterId: null,
  readiness: null,
  error: null,
  async load(encounterId) {
    if (get().encounterId !== encounterId) set({ encounterId, readiness: null, error: null });
    try {
      const readiness = await api().call('coverage.readiness', { encounterId });
      if (get().encounterId === encounterId) set({ readiness, error: null });
    } catch (error) {
      if (get().encounterId === encounterId) set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
