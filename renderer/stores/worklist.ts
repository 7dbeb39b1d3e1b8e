/** The worklist, the library list, and registering patients and encounters. */
import { create } from 'zustand';
import type { WorklistRow } from '#shared/contract/encounter';
import type { EncounterState } from '#shared/workflow/states';
import type { MethodInput } from '#shared/contract/methods';
import type { TemplateSummary, TemplateWithSources } from '#shared/contract/library';
import type { CreatePatientInput, Patient } from '#shared/contract/patient';
import { api, ApiError } from '../api/client';
import { localIsoDate } from '../time/local-date';

interface WorklistState {
  date: string;
  query: string;
  /** Only encounters in this state; null for all. */
  state: EncounterState | null;
  setState: (state: EncounterState | null) => void;
  rows: WorklistRow[];
  loading: boolean;
  error: string | null;
  library: TemplateSummary[];
  setDate: (date: string) => void;
  setQuery: (query: string) => void;
  load: () => Promise<void>;
  loadLibrary: () => Promise<void>;
  searchPatients: (query: string) => Promise<Patient[]>;
  createPatient: (input: CreatePatientInput) => Promise<Patient>;
  createEncounter: (input: MethodInput<'encounter.create'>) => Promise<string>;
  getTemplate: (summary: TemplateSummary) => Promise<TemplateWithSources>;
  /** Refreshes the list whenever a write lands (from this or another window); returns the unsubscribe. */
  watch: () => () => void;
  /** First run: sample patients and today's encounters, into an empty database only. */
  addDemoData: () => Promise<boolean>;
}

const templateCache = new Map<string, Promise<TemplateWithSources>>();

let loadSeq = 0;

export const useWorklist = create<WorklistState>((set, get) => ({
  date: localIsoDate(),
  query: '',
  state: null,
  setState(state) {
    set({ state });
    void get().load();
  },
  rows: [],
  loading: false,
  error: null,
  library: [],
  setDate(date) {
    set({ date });
    void get().load();
  },
  setQuery(query) {
    set({ query });
    void get().load();
  },
  async load() {
    const seq = ++loadSeq;
    set({ loading: true });
    const { date, query, state } = get();
    try {
      // A search looks across all dates; otherwise the day's list.
      const filter = state ? { state } : {};
      const rows = await api().call('encounter.list', query.trim() ? { query, ...filter } : { date, query: '', ...filter });
      if (seq === loadSeq) set({ rows, loading: false, error: null });
    } catch (error) {
      if (seq === loadSeq) set({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  },
  async loadLibrary() {
    set({ library: await api().call('library.list', {}) });
  },
  searchPatients: (query) => api().call('patient.search', { query, limit: 20 }),
  async createPatient(input) {
    return api().call('patient.create', { ...input });
  },
  async createEncounter(input) {
    const encounter = await api().call('encounter.create', { ...input });
    void get().load();
    return encounter.id;
  },
  getTemplate(summary) {
    const key = `${summary.id}@${summary.version}`;
    let pending = templateCache.get(key);
    if (!pending) {
      pending = api().call('library.get', { templateId: summary.id, version: summary.version });
      pending.catch(() => templateCache.delete(key));
      templateCache.set(key, pending);
    }
    return pending;
  },
  async addDemoData() {
    const { added } = await api().call('demo.seed', { today: localIsoDate() });
    set({ date: localIsoDate(), query: '' });
    await get().load();
    return added;
  },
  watch() {
    return api().on('data.changed', () => void get().load());
  },
}));

export { ApiError };
