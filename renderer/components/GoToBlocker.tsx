import type { ChecklistSection } from '#shared/domain/checklist';
import { useChecklist } from '../stores/checklist';
import { ENCOUNTER_PARTS, PART_OF_SECTION, useEncounterPart, type EncounterPart } from '../stores/encounter-part';

/** The part where a blocker is done: its checklist's part, the consent part, else the phase part (its items and records). */
function partOf(blockerId: string, sections: readonly ChecklistSection[]): EncounterPart {
  if (blockerId.startsWith('consent-')) return 'consent';
  const section = sections.find((s) => s.items.some((i) => i.id === blockerId));
  return section ? PART_OF_SECTION[section.id] : 'phase';
}

const labelOf = (part: EncounterPart) => ENCOUNTER_PARTS.find((p) => p.id === part)!.label;

/** Opens a part, then focuses the item (its checkbox) or else the part's first heading. */
function show(part: EncounterPart, itemId: string | null): void {
  useEncounterPart.getState().open(part);
  requestAnimationFrame(() => {
    const panel = document.getElementById(`part-${part}`);
    const item = itemId ? panel?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"] input`) : null;
    const target = item ?? panel?.querySelector<HTMLElement>('h2');
    if (target?.tagName === 'H2' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  });
}

/** The open items past the first few, counted by the part where they are done, each part a way there. */
export function MoreOpen({ blockers }: { blockers: readonly { id: string }[] }) {
  const sections = useChecklist((s) => s.sections);
  const counts = new Map<EncounterPart, number>();
  for (const b of blockers) {
    const part = partOf(b.id, sections);
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return (
    <p className="muted">
      …and {blockers.length} more open item(s):{' '}
      {[...counts].map(([part, n]) => (
        part === 'phase' ? <span key={part}>{n} on this part </span> : (
          <button key={part} type="button" className="link still-open-go" onClick={() => show(part, null)}>
            {n} in {labelOf(part)}
          </button>
        )
      ))}
    </p>
  );
}

/**
 * A still-open item's way to where it is done (issue 18): with one part of the encounter
 * showing at a time, the list opens that part and focuses the item.
 */
export function GoToBlocker({ blocker }: { blocker: { id: string; label: string } }) {
  const sections = useChecklist((s) => s.sections);
  const part = partOf(blocker.id, sections);
  if (part === 'phase') return null;
  const label = labelOf(part);
  const go = () => show(part, blocker.id);
  return (
    <button type="button" className="link still-open-go" onClick={go} aria-label={`Go to ${blocker.label} (${label})`}>
      Go to {label}
    </button>
  );
}
