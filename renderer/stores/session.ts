/**
 * Who is signed in, and whether the session is locked. The token lives in the
 * API client's memory only. Locking hides every screen with patient data: the
 * App renders only the lock screen, so nothing of the patient stays in the DOM.
 */
import { create } from 'zustand';
import type { User } from '#shared/contract/auth';
import type { Actor } from '#shared/contract/common';
import { api, ApiError, onSessionProblem, setSessionToken } from '../api/client';
import { useNavigation } from './navigation';

export type SessionPhase = 'loading' | 'first-admin' | 'signed-out' | 'active' | 'locked';

interface SessionState {
  phase: SessionPhase;
  user: User | null;
  idleLockMinutes: number;
  /** The clinic's time zone, from the session (settings); the computer's until someone signs in. */
  timeZone: string;
  /** After an administrator changes it in settings. */
  setTimeZone: (timeZone: string) => void;
  /** Why the user is at the sign-in screen again, if not by choice. */
  notice: string | null;
  /** Browser mode's first start: the first administrator needs the code printed on the console. */
  needsConsoleCode: boolean;
  load: () => Promise<void>;
  setupFirstAdmin: (input: { username: string; displayName: string; password: string; consoleCode?: string; timeZone?: string }) => Promise<void>;
  login: (username: string, password: string) => Promise<void>;
  unlock: (password: string) => Promise<void>;
  /** Locks at once (idle timer, or the user's choice). */
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  /** The hand-over at a shared workstation: lock at once, sign this user out, and show the sign-in for the next one. */
  switchUser: () => Promise<void>;
}

type SessionView = { token: string; user: User; locked: boolean; idleLockMinutes: number; timeZone: string };

export const useSession = create<SessionState>((set, get) => {
  const enter = (view: SessionView) => {
    setSessionToken(view.token);
    set({ phase: view.locked ? 'locked' : 'active', user: view.user, idleLockMinutes: view.idleLockMinutes, timeZone: view.timeZone, notice: null });
  };
  const signedOut = (notice: string | null) => {
    setSessionToken(null);
    set({ phase: 'signed-out', user: null, notice });
  };
  onSessionProblem((code) => {
    if (code === 'LOCKED') set({ phase: 'locked' });
    else if (get().phase === 'active' || get().phase === 'locked') signedOut('Your session ended; please sign in again.');
  });
  return {
    phase: 'loading',
    user: null,
    idleLockMinutes: 10,
    timeZone: computerTimeZone(),
    setTimeZone: (timeZone) => set({ timeZone }),
    notice: null,
    needsConsoleCode: false,
    async load() {
      const status = await api().call('auth.status', {});
      set({ needsConsoleCode: status.needsConsoleCode });
      if (status.session) enter(status.session);
      else set({ phase: status.needsFirstAdmin ? 'first-admin' : 'signed-out', user: null });
    },
    async setupFirstAdmin(input) {
      enter(await api().call('auth.setupFirstAdmin', input));
      useNavigation.getState().go({ name: 'users' });
    },
    async login(username, password) {
      enter(await api().call('auth.login', { username, password }));
    },
    async unlock(password) {
      try {
        enter(await api().call('auth.unlock', { password }));
      } catch (error) {
        // Too many wrong passwords end the session (a wrong one alone names the password field).
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && !error.details) signedOut(error.message);
        throw error;
      }
    },
    async lock() {
      if (get().phase !== 'active') return;
      // Hide first, then tell the core: the screen must not wait on the call.
      set({ phase: 'locked' });
      try {
        await api().call('auth.lock', {});
      } catch {
        // The core locks idle sessions itself too; the screen is already locked.
      }
    },
    async logout() {
      try {
        await api().call('auth.logout', {});
      } finally {
        signedOut(null);
      }
    },
    async switchUser() {
      const name = get().user?.displayName;
      await get().lock();
      try {
        await api().call('auth.logout', {});
      } finally {
        signedOut(name ? `${name} is signed out. The next user signs in here.` : null);
      }
    },
  };
});

/** The computer's own zone (in browser mode, the browser's): what the first administrator is offered. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The signed-in person as records name them. */
export function currentActor(): Actor {
  const user = useSession.getState().user;
  if (!user) throw new Error('nobody is signed in');
  return { name: user.displayName, role: user.role };
}
