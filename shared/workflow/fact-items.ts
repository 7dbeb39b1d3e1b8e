/**
 * The allergy items answered by the patient's facts: once this encounter's confirmation of
 * the patient's facts is current (it covers every standing fact, allergies included, or the
 * confirmed absence of any), each "… allergy asked about and recorded" item is resolved by it,
 * as a saved record resolves its items (record-items.ts). A fact changed after the
 * confirmation makes it out of date, and the items open again.
 */
import type { Actor } from '../contract/common';
import { currentFacts, type PatientFactsView } from '../contract/patient-facts';

export const ALLERGY_ITEMS = [
  'wf-allergy-contrast', 'wf-allergy-iodine-chlorhexidine', 'wf-allergy-latex', 'wf-allergy-local-anaesthetic', 'wf-allergy-steroid',
  // The template's own "Allergies reviewed, including contrast, latex and iodine/chlorhexidine."
  'allergies-reviewed',
] as const;

export interface FactResolution { itemId: string; at: string; by: Actor }

/** The items the encounter's current confirmation of the patient's facts resolves. */
export function factResolutions(view: Pick<PatientFactsView, 'facts' | 'confirmations'> | null | undefined): Map<string, FactResolution> {
  const out = new Map<string, FactResolution>();
  const latest = view?.confirmations.at(-1);
  if (!view || !latest) return out;
  const confirmed = new Set(latest.factIds);
  if (!currentFacts(view.facts).every((f) => confirmed.has(f.id))) return out;
  for (const itemId of ALLERGY_ITEMS) out.set(itemId, { itemId, at: latest.at, by: latest.by });
  return out;
}
