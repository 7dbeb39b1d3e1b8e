/**
 * The states an encounter moves through on the procedure day. The order follows the
 * WHO Surgical Safety Checklist phases (Sign In, Time Out, Sign Out) and the Joint
 * Commission Universal Protocol (pre-procedure verification, then a time-out immediately
 * before starting), adapted to an interventional pain clinic: fact-reference.md §4.
 *
 * The path is strictly linear: an encounter only ever moves to the next state, or is
 * cancelled (with a reason) before it is discharged. Skipping a state would skip the
 * checks worked in it, so no transition jumps ahead or goes back.
 */

export const ENCOUNTER_STATES = ['scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged', 'cancelled'] as const;
export type EncounterState = (typeof ENCOUNTER_STATES)[number];

/** The states in which checklist items are worked; leaving one requires its required items resolved. */
export const WORK_PHASES = ['pre-procedure', 'time-out', 'procedure', 'recovery'] as const;
export type WorkPhase = (typeof WORK_PHASES)[number];

export const STATE_LABELS: Record<EncounterState, string> = {
  scheduled: 'Scheduled',
  'pre-procedure': 'Pre-procedure',
  'time-out': 'Time-out',
  procedure: 'Procedure',
  recovery: 'Recovery',
  discharged: 'Discharged',
  cancelled: 'Cancelled',
};

/** The linear path, in order; 'cancelled' is reachable from any of these but the last. */
const PATH: readonly EncounterState[] = ['scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'];

export function isFinal(state: EncounterState): boolean {
  return state === 'discharged' || state === 'cancelled';
}

/** The one state that may follow, or null when the encounter is over. */
export function nextState(state: EncounterState): EncounterState | null {
  if (isFinal(state)) return null;
  return PATH[PATH.indexOf(state) + 1] ?? null;
}

/** An encounter can be cancelled at any point until it is over (discharged or already cancelled). */
export function canCancel(state: EncounterState): boolean {
  return !isFinal(state);
}

export function isWorkPhase(state: EncounterState): state is WorkPhase {
  return (WORK_PHASES as readonly EncounterState[]).includes(state);
}

/**
 * Why a transition is refused, or null when it is allowed. Covers the state order only;
 * whether the current phase's required items are resolved is requirements.ts.
 */
export function transitionProblem(from: EncounterState, to: EncounterState, cancelReason?: string): string | null {
  if (to === 'cancelled') {
    if (!canCancel(from)) return `a ${STATE_LABELS[from].toLowerCase()} encounter cannot be cancelled`;
    if (!cancelReason?.trim()) return 'give a reason for cancelling';
    return null;
  }
  const next = nextState(from);
  if (next === null) return `a ${STATE_LABELS[from].toLowerCase()} encounter cannot move on`;
  if (to !== next) return `the next step after ${STATE_LABELS[from]} is ${STATE_LABELS[next]}, not ${STATE_LABELS[to]}`;
  return null;
}
