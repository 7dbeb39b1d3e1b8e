/** Accounts and clinic settings, for the administrator's screen. */
import { create } from 'zustand';
import type { User } from '#shared/contract/auth';
import type { Settings } from '#shared/contract/settings';
import type { Role } from '#shared/contract/common';
import type { TemplateSummary } from '#shared/contract/library';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import { api } from '../api/client';

interface UsersState {
  users: User[];
  settings: Settings | null;
  load: () => Promise<void>;
  create: (input: { username: string; displayName: string; role: Role; password: string; holder: 'someone-else' | 'self'; provider?: ProviderIdentity | null }) => Promise<void>;
  /** Set or clear an account's NPI / local provider id. */
  setProvider: (userId: string, provider: ProviderIdentity | null) => Promise<void>;
  /** An administrator's reset of another account's password (their own password again); issues a new signing key. */
  resetPassword: (input: { userId: string; newPassword: string; adminPassword: string }) => Promise<void>;
  setActive: (userId: string, active: boolean) => Promise<void>;
  clearLockout: (userId: string) => Promise<void>;
  saveSettings: (changes: Partial<Settings>) => Promise<void>;
  /** The procedures, for the per-template note settings. */
  templates: TemplateSummary[];
  loadTemplates: () => Promise<void>;
}

export const useUsers = create<UsersState>((set, get) => ({
  users: [],
  settings: null,
  templates: [],
  async loadTemplates() {
    set({ templates: await api().call('library.list', {}) });
  },
  async load() {
    const [users, settings] = await Promise.all([api().call('users.list', {}), api().call('settings.get', {})]);
    set({ users, settings });
  },
  async create(input) {
    await api().call('users.create', input);
    await get().load();
  },
  async setProvider(userId, provider) {
    await api().call('users.setProvider', { userId, provider });
    await get().load();
  },
  async resetPassword(input) {
    await api().call('users.resetPassword', input);
    await get().load();
  },
  async setActive(userId, active) {
    await api().call('users.setActive', { userId, active });
    await get().load();
  },
  async clearLockout(userId) {
    await api().call('users.clearLockout', { userId });
    await get().load();
  },
  async saveSettings(changes) {
    set({ settings: await api().call('settings.update', changes) });
  },
}));
