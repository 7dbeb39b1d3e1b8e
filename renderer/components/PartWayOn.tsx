import type { Template } from '#shared/library/schema';
import { nextState, STATE_LABELS } from '#shared/workflow/states';
import { useEncounter } from '../stores/encounter';
import { PART_OF_STATE, useEncounterPart } from '../stores/encounter-part';
import { useWorkflow } from '../stores/workflow';
import { useFormSave } from './useFormSave';
import { usePhaseBlockers } from './usePhaseBlockers';

/**
 * The way on at the foot of a part that is not the current state's (e.g. the Consent part during
 * pre-procedure): "Move to …" once nothing is open, else how many are open and a button to the
 * part that lists them. Overrides and cancelling stay in the state's own panel.
 */
export function PartWayOn({ template, now }: { template: Template; now: string }) {
  const state = useEncounter((s) => s.detail!.encounter.state);
  const blockers = usePhaseBlockers(template, now);
  const advance = useWorkflow((s) => s.advance);
  const open = useEncounterPart((s) => s.open);
  const { errors, busy, save } = useFormSave();
  const next = nextState(state);
  if (!next || state === 'scheduled') return null;
  const label = `Now: ${STATE_LABELS[state]}, the way on`;
  return (
    <section className="card part-way-on" aria-label={label}>
      <div className="row">
        {blockers.length > 0 ? (
          <>
            <span role="status">Still open before {STATE_LABELS[next]}: {blockers.length}</span>
            <button type="button" className="secondary" onClick={() => open(PART_OF_STATE[state])}>Show what is open in {STATE_LABELS[state]}</button>
          </>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void save(() => advance(next))}>Move to {STATE_LABELS[next]}</button>
        )}
      </div>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
    </section>
  );
}
