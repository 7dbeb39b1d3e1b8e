/**
 * The items answered by the patient's facts: once this encounter's confirmation of the
 * patient's facts is current (it covers every standing fact, allergies included, or the
 * confirmed absence of any), each "… allergy asked about and recorded" item is resolved by it,
 * as a saved record resolves its items (record-items.ts). So is the pregnancy item when the
 * confirmed facts say the patient cannot be pregnant ("could be pregnant" is asked on the day,
 * as its label says), and the anticoagulant review when the caller's check of the confirmed
 * drugs has no open hard stop. A fact changed after the confirmation makes it out of date,
 * and the items open again.
 */
import type { Actor } from '../contract/common';
import { currentFacts, type PatientFactsView } from '../contract/patient-facts';

export const ALLERGY_ITEMS = [
  'wf-allergy-contrast', 'wf-allergy-iodine-chlorhexidine', 'wf-allergy-latex', 'wf-allergy-local-anaesthetic', 'wf-allergy-steroid',
  // The template's own "Allergies reviewed, including contrast, latex and iodine/chlorhexidine."
  'allergies-reviewed',
] as const;

export interface FactResolution { itemId: string; at: string; by: Actor }

export const ANTITHROMBOTIC_ITEM = 'wf-antithrombotics-reviewed';
export const PREGNANCY_ITEM = 'wf-pregnancy-status';

/**
 * The items the encounter's current confirmation of the patient's facts resolves.
 * `anticoagulantClear`: the anticoagulant check of those drugs has no open hard stop (the
 * caller runs it: it needs the clinic's settings and the planned start).
 */
export function factResolutions(view: Pick<PatientFactsView, 'facts' | 'confirmations'> | null | undefined, anticoagulantClear = false): Map<string, FactResolution> {
  const out = new Map<string, FactResolution>();
  const latest = view?.confirmations.at(-1);
  if (!view || !latest) return out;
  const confirmed = new Set(latest.factIds);
  const standing = currentFacts(view.facts);
  if (!standing.every((f) => confirmed.has(f.id))) return out;
  const resolve = (itemId: string) => out.set(itemId, { itemId, at: latest.at, by: latest.by });
  ALLERGY_ITEMS.forEach(resolve);
  if (anticoagulantClear) resolve(ANTITHROMBOTIC_ITEM);
  if (standing.some((f) => f.entry.kind === 'pregnancy' && f.entry.data.status === 'not-applicable')) resolve(PREGNANCY_ITEM);
  return out;
}
