/**
 * Which part of the open encounter is showing (issue 18: one part at a time, chosen on the
 * progress rail or with [ and ]). The part of the encounter's current state opens by itself,
 * when the encounter opens and after each move on; the phase's own panel shows in that part.
 */
import { create } from 'zustand';
import type { SectionId } from '#shared/domain/checklist';
import { templateItemPhase } from '#shared/workflow/requirements';
import type { EncounterState } from '#shared/workflow/states';

export const ENCOUNTER_PARTS = [
  { id: 'plan', label: 'Patient & plan' },
  { id: 'pre', label: 'Pre-procedure' },
  { id: 'consent', label: 'Consent' },
  { id: 'time-out', label: 'Time-out' },
  { id: 'intra', label: 'Procedure' },
  { id: 'post', label: 'Recovery' },
  { id: 'note', label: 'Note' },
] as const;
export type EncounterPart = (typeof ENCOUNTER_PARTS)[number]['id'];

/** The part that shows the current state's panel (its items, records and the way on). */
export const PART_OF_STATE: Record<EncounterState, EncounterPart> = {
  scheduled: 'pre', 'pre-procedure': 'pre', 'time-out': 'time-out', procedure: 'intra', recovery: 'post', discharged: 'note', cancelled: 'note',
};

/** The part where a template item is done: the risks with the consent, any other in the part of its phase. */
export function partOfItem(sectionId: SectionId, itemId: string): EncounterPart {
  return sectionId === 'risks' ? 'consent' : PART_OF_STATE[templateItemPhase(sectionId, itemId)];
}

interface PartState {
  part: EncounterPart;
  open: (part: EncounterPart) => void;
  /** The next (1) or previous (-1) part, stopping at the ends. */
  move: (direction: 1 | -1) => EncounterPart;
}

export const useEncounterPart = create<PartState>((set, get) => ({
  part: 'pre',
  open: (part) => set({ part }),
  move: (direction) => {
    const at = ENCOUNTER_PARTS.findIndex((p) => p.id === get().part);
    const part = ENCOUNTER_PARTS[Math.min(ENCOUNTER_PARTS.length - 1, Math.max(0, at + direction))]!.id;
    set({ part });
    return part;
  },
}));
