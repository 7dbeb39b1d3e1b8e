/** Whether the database is usable, and the recovery choices when it is not. */
import { create } from 'zustand';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { api } from '../api/client';

interface RecoveryState {
  status: RecoveryStatus | null;
  error: string | null;
  load: () => Promise<void>;
  /** Needs an administrator of that backup (their username and password as they were in it). */
  restore: (backup: string, admin: AdminProof) => Promise<void>;
  /** Needs an administrator of the newest backup, or with no backup the console's one-time code. */
  startEmpty: (proof: AdminProof & { consoleCode?: string }) => Promise<void>;
  backupNow: () => Promise<void>;
}

export interface AdminProof {
  username: string;
  password: string;
}

/** Only the fields typed: an empty one is left out, and the core says what is missing. */
const typed = <T extends object>(fields: T): Partial<T> => Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as Partial<T>;

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
  async restore(backup, admin) {
    try {
      set({ status: await api().call('recovery.restoreBackup', { backup, ...typed(admin) }), error: null });
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
  async startEmpty(proof) {
    try {
      set({ status: await api().call('recovery.startEmpty', { confirm: 'start-empty', ...typed(proof) }), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
