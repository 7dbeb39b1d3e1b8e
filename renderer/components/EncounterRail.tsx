import type { ChecklistItem } from '#shared/domain/checklist';
import type { Template } from '#shared/library/schema';
import { ENCOUNTER_STATES, nextState, STATE_LABELS } from '#shared/workflow/states';
import { useChecklist, useResolvedCount } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { ENCOUNTER_PARTS, partOfItem, useEncounterPart, type EncounterPart } from '../stores/encounter-part';
import { ChecklistShortcuts } from './ChecklistShortcuts';
import { moveToPart } from './checklist-keys';
import { usePhaseBlockers } from './usePhaseBlockers';

const MAIN_STATES = ENCOUNTER_STATES.filter((s) => s !== 'cancelled');

/**
 * The encounter's progress rail (issue 18), kept in view at the top: the day's phases
 * (done, current, to come), what still blocks the next one, and the tabs (and [ ] keys)
 * that choose which part of the encounter shows.
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
        <ChecklistShortcuts />
        <button type="button" className="secondary" aria-keyshortcuts="[" aria-label="Previous part" onClick={() => moveToPart(-1)}>◀ <kbd>[</kbd></button>
        <button type="button" className="secondary" aria-keyshortcuts="]" aria-label="Next part" onClick={() => moveToPart(1)}><kbd>]</kbd> ▶</button>
      </div>
      <PartTabs />
    </nav>
  );
}

/** One tab per part of the encounter; a checklist part shows its done count. */
function PartTabs() {
  const part = useEncounterPart((s) => s.part);
  const open = useEncounterPart((s) => s.open);
  const sections = useChecklist((s) => s.sections);
  return (
    <div role="tablist" aria-label="Encounter parts" className="part-tabs">
      {ENCOUNTER_PARTS.map((p) => {
        const items = sections.flatMap((s) => s.items.filter((i) => partOfItem(s.id, i.id) === p.id));
        return (
          <button key={p.id} type="button" role="tab" id={`part-tab-${p.id}`} aria-controls={`part-${p.id}`} aria-selected={p.id === part}
            onClick={() => open(p.id)}>
            {p.label}
            {items.length > 0 && <PartCount items={items} />}
          </button>
        );
      })}
    </div>
  );
}

function PartCount({ items }: { items: readonly ChecklistItem[] }) {
  const done = useResolvedCount(items);
  return <span className={done === items.length ? 'done' : 'muted'}> {done}/{items.length}</span>;
}

/** The panel of one part: in the page always (its forms keep what was typed), shown only when chosen. */
export function PartPanel({ id, children }: { id: EncounterPart; children: React.ReactNode }) {
  const shown = useEncounterPart((s) => s.part === id);
  return (
    <div role="tabpanel" id={`part-${id}`} aria-labelledby={`part-tab-${id}`} hidden={!shown}>
      {children}
    </div>
  );
}
