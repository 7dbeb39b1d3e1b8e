/** Who is due for follow-up in a week (followUp.due), a week at a time. */
import { create } from 'zustand';
import type { DueList } from '#shared/contract/follow-up-plan';
import { api } from '../api/client';

interface FollowUpsDueState {
  /** A day of the week shown; null: this week in the clinic's time zone. */
  weekOf: string | null;
  list: DueList | null;
  loading: boolean;
  error: string | null;
  setWeekOf: (weekOf: string | null) => void;
  load: () => Promise<void>;
}

let loadSeq = 0;

export const useFollowUpsDue = create<FollowUpsDueState>((set, get) => ({
  weekOf: null,
  list: null,
  loading: false,
  error: null,
  setWeekOf(weekOf) {
    set({ weekOf });
    void get().load();
  },
  async load() {
    const seq = ++loadSeq;
    set({ loading: true, error: null });
    try {
      const weekOf = get().weekOf;
      const list = await api().call('followUp.due', weekOf ? { weekOf } : {});
      if (seq === loadSeq) set({ list, loading: false });
    } catch (error) {
      if (seq === loadSeq) set({ error: error instanceof Error ? error.message : String(error), loading: false });
    }
  },
}));
