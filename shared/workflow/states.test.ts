import { describe, expect, it } from 'vitest';
import { ENCOUNTER_STATES, WORK_PHASES, canCancel, isFinal, isWorkPhase, nextState, transitionProblem } from './states';

describe('encounter states', () => {
  it('moves along the linear path one step at a time', () => {
    expect(nextState('scheduled')).toBe('pre-procedure');
    expect(nextState('pre-procedure')).toBe('time-out');
    expect(nextState('time-out')).toBe('procedure');
    expect(nextState('procedure')).toBe('recovery');
    expect(nextState('recovery')).toBe('discharged');
  });

  it('has no next state once discharged or cancelled, and those are the only final states', () => {
    expect(nextState('discharged')).toBeNull();
    expect(nextState('cancelled')).toBeNull();
    expect(ENCOUNTER_STATES.filter(isFinal)).toEqual(['discharged', 'cancelled']);
  });

  it('allows cancelling from every state before discharge and from no final state', () => {
    expect(ENCOUNTER_STATES.filter(canCancel)).toEqual(['scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery']);
  });

  it('refuses skipping, going back and staying put', () => {
    for (const from of ENCOUNTER_STATES) {
      for (const to of ENCOUNTER_STATES) {
        if (to === 'cancelled') continue;
        const allowed = transitionProblem(from, to) === null;
        expect(allowed, `${from} -> ${to}`).toBe(nextState(from) === to);
      }
    }
    expect(transitionProblem('scheduled', 'time-out')).toMatch(/next step after Scheduled is Pre-procedure/);
    expect(transitionProblem('recovery', 'procedure')).not.toBeNull();
  });

  it('cancels only with a reason and only before the encounter is over', () => {
    expect(transitionProblem('procedure', 'cancelled', 'patient unwell')).toBeNull();
    expect(transitionProblem('procedure', 'cancelled')).toMatch(/reason/);
    expect(transitionProblem('procedure', 'cancelled', '   ')).toMatch(/reason/);
    expect(transitionProblem('discharged', 'cancelled', 'late')).not.toBeNull();
    expect(transitionProblem('cancelled', 'cancelled', 'twice')).not.toBeNull();
    expect(transitionProblem('cancelled', 'scheduled')).not.toBeNull();
  });

  it('works checklist items in exactly the four middle states', () => {
    expect(ENCOUNTER_STATES.filter(isWorkPhase)).toEqual([...WORK_PHASES]);
  });
});
