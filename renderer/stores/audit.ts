/** The audit trail screen: filtered pages, the chain check, and export. */
import { create } from 'zustand';
import type { AuditEntryView } from '#shared/contract/audit';
import type { MethodOutput } from '#shared/contract/methods';
import { api } from '../api/client';
import { useRecovery } from './recovery';

export interface AuditFilter {
  action?: string;
  user?: string;
  patientId?: string;
}

type Verdict = MethodOutput<'audit.verify'>;

interface AuditState {
  entries: AuditEntryView[];
  filter: AuditFilter;
  verdict: Verdict | null;
  error: string | null;
  load: (filter?: AuditFilter) => Promise<void>;
  verify: () => Promise<void>;
  /** An administrator accepts an alarm (password and reason); the screen and the banner are refreshed. */
  acknowledge: (reason: string, password: string) => Promise<void>;
  /** Every matching entry, oldest first, with the chain check, as JSON. */
  exportAll: () => Promise<string>;
}

function clean(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v.trim()));
}

export const useAudit = create<AuditState>((set, get) => ({
  entries: [],
  filter: {},
  verdict: null,
  error: null,
  async load(filter = get().filter) {
    try {
      // Every page comes with the check of the whole chain and its seal.
      const page = await api().call('audit.list', { ...clean(filter), limit: 200 });
      set({ filter, entries: page.entries, verdict: page.verdict, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async verify() {
    set({ verdict: await api().call('audit.verify', {}) });
  },
  async acknowledge(reason, password) {
    set({ verdict: await api().call('audit.acknowledgeAlarm', { reason, password }) });
    await Promise.all([get().load(), useRecovery.getState().load()]);
  },
  async exportAll() {
    const all: AuditEntryView[] = [];
    let before: number | undefined;
    for (;;) {
      const { entries: page } = await api().call('audit.list', { ...clean(get().filter), limit: 1000, ...(before ? { before } : {}) });
      all.push(...page);
      if (page.length < 1000) break;
      before = page[page.length - 1]!.seq;
    }
    const verdict = await api().call('audit.verify', {});
    return `${JSON.stringify({ exportedAt: new Date().toISOString(), filter: clean(get().filter), verdict, entries: all.reverse() }, null, 2)}\n`;
  },
}));
