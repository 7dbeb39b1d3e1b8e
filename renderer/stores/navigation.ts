/** Which screen is showing. Kept in sessionStorage so a reload returns to it. */
import { create } from 'zustand';

export type View = { name: 'worklist' } | { name: 'library' } | { name: 'audit' } | { name: 'backups' } | { name: 'users' } | { name: 'encounter'; encounterId: string }
  /** The records desk: the day's notes and the outbox. */
  | { name: 'records' }
  /** Who is due for follow-up this week. */
  | { name: 'followUpsDue' }
  /** One patient's follow-ups and outcome charts; null until a patient is chosen. */
  | { name: 'outcomes'; patientId: string | null };

const KEY = 'proceduredesk.view';

function load(): View {
  try {
    const raw = sessionStorage.getItem(KEY);
    const view = raw ? (JSON.parse(raw) as View) : null;
    if (view?.name === 'encounter' && typeof view.encounterId === 'string') return view;
    if (view?.name === 'outcomes') return { name: 'outcomes', patientId: typeof view.patientId === 'string' ? view.patientId : null };
    if (view?.name === 'library' || view?.name === 'audit' || view?.name === 'backups' || view?.name === 'users' || view?.name === 'records' || view?.name === 'followUpsDue') return view;
  } catch {
    /* fall through to the worklist */
  }
  return { name: 'worklist' };
}

interface NavigationState {
  view: View;
  go: (view: View) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  view: load(),
  go(view) {
    sessionStorage.setItem(KEY, JSON.stringify(view));
    set({ view });
  },
}));
