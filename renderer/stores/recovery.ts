/** Whether the database is usable, and the recovery choices when it is not. */
import { create } from 'zustand';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { api } from '../api/client';

interface RecoveryState {
  status: RecoveryStatus | null;
  error: string | null;
  load: () => Promise<void>;
  restore: (backup: string) => Promise<void>;
  startEmpty: () => Promise<void>;
  backupNow: () => Promise<void>;
}

export const useRecovery = create<RecoveryState>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await api().call('recovery.status', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async restore(backup) {
    try {
      set({ status: await api().call('recovery.restoreBackup', { backup }), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async backupNow() {
    try {
      set({ status: await api().call('backup.now', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async startEmpty() {
    try {
      set({ status: await api().call('recovery.startEmpty', { confirm: 'start-empty' }), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
