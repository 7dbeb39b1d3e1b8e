import type { Template } from '#shared/library/schema';
import { ENCOUNTER_STATES, nextState, STATE_LABELS } from '#shared/workflow/states';
import { useEncounter } from '../stores/encounter';
import { moveToPart } from './checklist-keys';
import { usePhaseBlockers } from './usePhaseBlockers';

const MAIN_STATES = ENCOUNTER_STATES.filter((s) => s !== 'cancelled');

/**
 * The encounter's progress rail (issue 18), kept in view at the top while the page scrolls:
 * the day's phases (done, current, to come), what still blocks the next one, and the
 * buttons (and [ ] keys) that move between the parts of the encounter.
 */
export function EncounterRail({ template, now }: { template: Template; now: string }) {
  const state = useEncounter((s) => s.detail!.encounter.state);
  const blockers = usePhaseBlockers(template, now);
  const at = state === 'cancelled' ? -1 : MAIN_STATES.indexOf(state);
  const next = nextState(state);
  return (
    <nav className="encounter-rail" aria-label="Encounter progress">
      <ol>
        {MAIN_STATES.map((s, i) => {
          const status = state === 'cancelled' ? 'to come' : i < at ? 'done' : i === at ? 'current' : 'to come';
          return (
            <li key={s} className={status.replace(' ', '-')} aria-current={i === at ? 'step' : undefined}>
              {i < at && <span aria-hidden="true">✓ </span>}
              {STATE_LABELS[s]}
              <span className="visually-hidden">: {status}</span>
            </li>
          );
        })}
      </ol>
      <p className="rail-blocked">
        {state === 'cancelled' ? 'Cancelled' : next ? (blockers.length ? `${blockers.length} open before ${STATE_LABELS[next]}` : `Ready for ${STATE_LABELS[next]}`) : 'Record closed'}
      </p>
      <div className="rail-moves">
        <button type="button" className="secondary" aria-keyshortcuts="[" aria-label="Previous part" onClick={() => moveToPart(-1)}>◀ <kbd>[</kbd></button>
        <button type="button" className="secondary" aria-keyshortcuts="]" aria-label="Next part" onClick={() => moveToPart(1)}><kbd>]</kbd> ▶</button>
      </div>
    </nav>
  );
}
