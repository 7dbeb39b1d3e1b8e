/**
 * The open encounter as the core returned it, with its template and the
 * clinic's settings. Each concern keeps its own store beside this one
 * (checklist, consent, signing, workflow) and merges what the core acknowledged
 * into `detail`; open-encounter.ts loads it and empties theirs.
 */
import { create } from 'zustand';
import type { Settings } from '#shared/contract/settings';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { TemplateWithSources } from '#shared/contract/library';
import type { ReviewBacklog } from '#shared/library/review-backlog';
import { formErrors, type FormResult } from '../api/client';

/**
 * The open encounter less the checklist history, which the checklist store
 * keeps per item: a save then replaces one item's history and nothing else.
 */
export type OpenEncounter = Omit<EncounterDetail, 'itemHistory'>;

interface EncounterState {
  encounterId: string | null;
  detail: OpenEncounter | null;
  library: TemplateWithSources | null;
  /** The clinic's review of the encounter's template version: once reviewed, the bedside shows no evidence badges. */
  contentReview: ReviewBacklog | null;
  /** Clinic settings the procedure-day rules need (INR threshold, time zone). */
  settings: Settings | null;
  /** Why the encounter could not be opened. */
  error: string | null;
}

export const useEncounter = create<EncounterState>(() => ({
  encounterId: null,
  detail: null,
  library: null,
  contentReview: null,
  settings: null,
  error: null,
}));

/**
 * One write to the open encounter: its field errors, or null once the core
 * has stored it (`run` merges the answer into the stores).
 */
export async function writeToOpen(run: (encounterId: string) => Promise<void>, errorsOf: (error: unknown) => FormResult = formErrors): Promise<FormResult> {
  const encounterId = useEncounter.getState().encounterId;
  if (!encounterId) return { form: 'No encounter is open.' };
  try {
    await run(encounterId);
    return null;
  } catch (error) {
    return errorsOf(error);
  }
}

/** Merges a change into the open encounter (nothing when none is loaded). */
export function mergeDetail(change: (detail: OpenEncounter) => Partial<OpenEncounter>): void {
  useEncounter.setState((s) => (s.detail ? { detail: { ...s.detail, ...change(s.detail) } } : {}));
}
