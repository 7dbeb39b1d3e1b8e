/**
 * What stands between a phase and the next one: its required items that are neither
 * checked nor marked not applicable. Generic over the item shape so the procedure-day
 * items (phase-items.ts) and the template checklist items (mapped by SECTION_PHASE)
 * are judged by the same rule.
 */
import type { SectionId } from '../domain/checklist';
import { isWorkPhase, type EncounterState, type WorkPhase } from './states';

export interface PhaseItem {
  id: string;
  phase: WorkPhase;
  required: boolean;
  label: string;
}

/**
 * The phase in which each template checklist section is worked. Indications, imaging,
 * risks and pre-procedure monitoring are confirmed before the time-out; intra-procedure
 * monitoring during the procedure; post-procedure monitoring in recovery.
 */
export const SECTION_PHASE: Record<SectionId, WorkPhase> = {
  indications: 'pre-procedure',
  imaging: 'pre-procedure',
  risks: 'pre-procedure',
  'monitoring-pre': 'pre-procedure',
  'monitoring-intra': 'procedure',
  'monitoring-post': 'recovery',
};

/** Template checklist items as phase items: every template item is required. */
export function phaseItemsFromChecklist(
  sections: readonly { id: SectionId; items: readonly { id: string; label: string }[] }[],
): PhaseItem[] {
  return sections.flatMap((s) => s.items.map((i) => ({ id: i.id, label: i.label, phase: SECTION_PHASE[s.id], required: true })));
}

/** The required items of `phase` not yet resolved (checked or not applicable), in the order given. */
export function openRequiredItems<T extends PhaseItem>(items: readonly T[], resolvedIds: ReadonlySet<string>, phase: WorkPhase): T[] {
  return items.filter((i) => i.phase === phase && i.required && !resolvedIds.has(i.id));
}

/** States outside the work phases (scheduled) have no items to resolve before moving on. */
export function canLeavePhase(items: readonly PhaseItem[], resolvedIds: ReadonlySet<string>, state: EncounterState): boolean {
  return !isWorkPhase(state) || openRequiredItems(items, resolvedIds, state).length === 0;
}
