/** The audit trail screen: filtered pages, the chain check, and export. */
import { create } from 'zustand';
import type { AuditEntryView } from '#shared/contract/audit';
import { api } from '../api/client';

export interface AuditFilter {
  action?: string;
  user?: string;
  patientId?: string;
}

type Verdict = { ok: true; entries: number } | { ok: false; firstBrokenSeq: number; reason: string };

interface AuditState {
  entries: AuditEntryView[];
  filter: AuditFilter;
  verdict: Verdict | null;
  error: string | null;
  load: (filter?: AuditFilter) => Promise<void>;
  verify: () => Promise<void>;
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
      set({ filter, entries: await api().call('audit.list', { ...clean(filter), limit: 200 }), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async verify() {
    set({ verdict: await api().call('audit.verify', {}) });
  },
  async exportAll() {
    const all: AuditEntryView[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await api().call('audit.list', { ...clean(get().filter), limit: 1000, ...(before ? { before } : {}) });
      all.push(...page);
      if (page.length < 1000) break;
      before = page[page.length - 1]!.seq;
    }
    const verdict = await api().call('audit.verify', {});
    return `${JSON.stringify({ exportedAt: new Date().toISOString(), filter: clean(get().filter), verdict, entries: all.reverse() }, null, 2)}\n`;
  },
}));
