/**
 * Which part of the open encounter is showing (issue 18: one part at a time, chosen on the
 * progress rail or with [ and ]). The phase part opens with each encounter.
 */
import { create } from 'zustand';
import type { SectionId } from '#shared/domain/checklist';

export const ENCOUNTER_PARTS = [
  { id: 'plan', label: 'Patient & plan' },
  { id: 'phase', label: 'Procedure day' },
  { id: 'pre', label: 'Pre-procedure' },
  { id: 'risks', label: 'Risks' },
  { id: 'consent', label: 'Consent' },
  { id: 'intra', label: 'Procedure' },
  { id: 'post', label: 'Recovery' },
  { id: 'note', label: 'Note' },
] as const;
export type EncounterPart = (typeof ENCOUNTER_PARTS)[number]['id'];

/** The part that holds each checklist section. */
export const PART_OF_SECTION: Record<SectionId, EncounterPart> = {
  indications: 'plan', imaging: 'plan', risks: 'risks', 'monitoring-pre': 'pre', 'monitoring-intra': 'intra', 'monitoring-post': 'post',
};

interface PartState {
  part: EncounterPart;
  open: (part: EncounterPart) => void;
  /** The next (1) or previous (-1) part, stopping at the ends. */
  move: (direction: 1 | -1) => EncounterPart;
}

export const useEncounterPart = create<PartState>((set, get) => ({
  part: 'phase',
  open: (part) => set({ part }),
  move: (direction) => {
    const at = ENCOUNTER_PARTS.findIndex((p) => p.id === get().part);
    const part = ENCOUNTER_PARTS[Math.min(ENCOUNTER_PARTS.length - 1, Math.max(0, at + direction))]!.id;
    set({ part });
    return part;
  },
}));
