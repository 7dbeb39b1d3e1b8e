/**
 * What stands between a phase and the next one: its required items that are neither
 * checked nor marked not applicable. Generic over the item shape so the procedure-day
 * items (phase-items.ts) and the template checklist items (templateItemPhase)
 * are judged by the same rule.
 */
import type { SectionId } from '../domain/checklist';
import { isWorkPhase, type EncounterState, type WorkPhase } from './states';
import { TEMPLATE_ITEM_PHASES } from './template-item-phases';

export interface PhaseItem {
  id: string;
  phase: WorkPhase;
  required: boolean;
  label: string;
}

/**
 * The phase of the template checklist sections whose items are all worked at one moment:
 * indications, risks and pre-procedure monitoring are confirmed before the time-out,
 * post-procedure monitoring in recovery. Imaging and intra-procedure monitoring mix
 * planning, time-out checks and acts of the procedure: each of their items has its own
 * phase in template-item-phases.ts (null here).
 */
export const SECTION_PHASE: Record<SectionId, WorkPhase | null> = {
  indications: 'pre-procedure',
  imaging: null,
  risks: 'pre-procedure',
  'monitoring-pre': 'pre-procedure',
  'monitoring-intra': null,
  'monitoring-post': 'recovery',
};

/**
 * The phase in which a template item can really be done: its own entry, else its
 * section's. An item of a mixed section missing from the data file (an imported
 * template) falls back to the last moment it could be needed in that section, so it
 * never blocks a transition before its act can happen.
 */
export function templateItemPhase(sectionId: SectionId, itemId: string): WorkPhase {
  return TEMPLATE_ITEM_PHASES[itemId]?.phase ?? SECTION_PHASE[sectionId] ?? 'procedure';
}

/** Template checklist items as phase items: every template item is required. */
export function phaseItemsFromChecklist(
  sections: readonly { id: SectionId; items: readonly { id: string; label: string }[] }[],
): PhaseItem[] {
  return sections.flatMap((s) => s.items.map((i) => ({ id: i.id, label: i.label, phase: templateItemPhase(s.id, i.id), required: true })));
}

/** The required items of `phase` not yet resolved (checked or not applicable), in the order given. */
export function openRequiredItems<T extends PhaseItem>(items: readonly T[], resolvedIds: ReadonlySet<string>, phase: WorkPhase): T[] {
  return items.filter((i) => i.phase === phase && i.required && !resolvedIds.has(i.id));
}

/** States outside the work phases (scheduled) have no items to resolve before moving on. */
export function canLeavePhase(items: readonly PhaseItem[], resolvedIds: ReadonlySet<string>, state: EncounterState): boolean {
  return !isWorkPhase(state) || openRequiredItems(items, resolvedIds, state).length === 0;
}
