/**
 * Who is using the app. Until accounts arrive (a later issue) the user picks a
 * display name and role at start; it is sent with every write.
 */
import { create } from 'zustand';
import type { Actor } from '#shared/contract/common';

const KEY = 'proceduredesk.actor';

function load(): Actor | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Actor) : null;
    return parsed && typeof parsed.name === 'string' && (parsed.role === 'nurse' || parsed.role === 'physician') ? parsed : null;
  } catch {
    return null;
  }
}

interface SessionState {
  actor: Actor | null;
  /** The last actor, offered again on the start screen. */
  remembered: Actor | null;
  start: (actor: Actor) => void;
  switchUser: () => void;
}

export const useSession = create<SessionState>((set, get) => ({
  actor: null,
  remembered: load(),
  start(actor) {
    const clean = { name: actor.name.trim(), role: actor.role };
    localStorage.setItem(KEY, JSON.stringify(clean));
    set({ actor: clean, remembered: clean });
  },
  switchUser() {
    set({ actor: null, remembered: get().actor ?? get().remembered });
  },
}));

export function currentActor(): Actor {
  const actor = useSession.getState().actor;
  if (!actor) throw new Error('no user has started a session');
  return actor;
}
