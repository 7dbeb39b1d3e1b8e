/**
 * The open encounter's steroid ledger (steroid.ledger): loaded once per encounter and again
 * only when its records change (each load is an audited view of the patient's record).
 */
import { create } from 'zustand';
import type { SteroidLedgerView } from '#shared/contract/steroid';
import { api } from '../api/client';

interface SteroidLedgerState {
  /** What the ledger shown was loaded for: the encounter and how many records it had. */
  loadedFor: string | null;
  ledger: SteroidLedgerView | null;
  /** The encounter the ledger shown belongs to: a screen never shows another encounter's (another patient's) ledger. */
  ledgerOf: string | null;
  error: string | null;
  load: (encounterId: string, recordCount: number) => Promise<void>;
}

let loadSeq = 0;

export const useSteroidLedger = create<SteroidLedgerState>((set, get) => ({
  loadedFor: null,
  ledger: null,
  ledgerOf: null,
  error: null,
  async load(encounterId, recordCount) {
    const key = `${encounterId}:${recordCount}`;
    if (get().loadedFor === key) return;
    const seq = ++loadSeq;
    set({ loadedFor: key, ...(get().loadedFor?.startsWith(`${encounterId}:`) ? {} : { ledger: null }), error: null });
    try {
      const ledger = await api().call('steroid.ledger', { encounterId });
      if (seq === loadSeq) set({ ledger, ledgerOf: encounterId });
    } catch (error) {
      if (seq === loadSeq) set({ error: error instanceof Error ? error.message : String(error), loadedFor: null });
    }
  },
}));
