import type { ChecklistSection } from '#shared/domain/checklist';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { ENCOUNTER_PARTS, partOfItem, PART_OF_STATE, useEncounterPart, type EncounterPart } from '../stores/encounter-part';

/** The part where a blocker is done: its checklist item's part, the consent part, else null: the current state's own panel (its items and records). */
function partOf(blockerId: string, sections: readonly ChecklistSection[]): EncounterPart | null {
  if (blockerId.startsWith('consent-')) return 'consent';
  const section = sections.find((s) => s.items.some((i) => i.id === blockerId));
  return section ? partOfItem(section.id, blockerId) : null;
}

/** Where each blocker is done, null for the part showing the current state's panel (no way there needed: it is showing). */
function usePartOf(): (blockerId: string) => EncounterPart | null {
  const sections = useChecklist((s) => s.sections);
  const state = useEncounter((s) => s.detail?.encounter.state);
  return (blockerId) => {
    const part = partOf(blockerId, sections);
    return part && state && part === PART_OF_STATE[state] ? null : part;
  };
}

const labelOf = (part: EncounterPart) => ENCOUNTER_PARTS.find((p) => p.id === part)!.label;

/** Opens a part, then focuses the item (its checkbox) or else the part's first heading. */
function show(part: EncounterPart, itemId: string | null): void {
  useEncounterPart.getState().open(part);
  requestAnimationFrame(() => {
    const panel = document.getElementById(`part-${part}`);
    const item = itemId ? panel?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"] input`) : null;
    const target = item ?? panel?.querySelector<HTMLElement>('h2');
    // Unfold whatever holds it (an item's fold, a record's fold): nothing a blocker needs stays hidden.
    for (let fold = target?.closest('details'); fold; fold = fold.parentElement?.closest('details')) fold.open = true;
    if (target?.tagName === 'H2' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  });
}

/** The open items past the first few (folded in the still-open list), counted by the part where they are done, each part a way there. */
export function MoreOpen({ blockers }: { blockers: readonly { id: string }[] }) {
  const partOfBlocker = usePartOf();
  const counts = new Map<EncounterPart | null, number>();
  for (const b of blockers) {
    const part = partOfBlocker(b.id);
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  // All on the part showing: nothing to go to.
  if (![...counts.keys()].some((part) => part !== null)) return null;
  return (
    <span className="muted still-open-parts">
      By part:{' '}
      {[...counts].map(([part, n]) => (
        part === null ? <span key="here">{n} on this part </span> : (
          <button key={part} type="button" className="link still-open-go" onClick={() => show(part, null)}>
            {n} in {labelOf(part)}
          </button>
        )
      ))}
    </span>
  );
}

/**
 * A still-open item's way to where it is done (issue 18): with one part of the encounter
 * showing at a time, the list opens that part and focuses the item.
 */
export function GoToBlocker({ blocker }: { blocker: { id: string; label: string } }) {
  const part = usePartOf()(blocker.id);
  if (part === null) return null;
  const label = labelOf(part);
  const go = () => show(part, blocker.id);
  return (
    <button type="button" className="link still-open-go" onClick={go} aria-label={`Go to ${blocker.label} (${label})`}>
      Go to {label}
    </button>
  );
}
