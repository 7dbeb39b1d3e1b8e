/**
 * When a template checklist item applies, keyed by fact id (the checklist id). Published
 * template versions are locked by hash (shared/library/library-lock.test.ts), so this lives
 * beside them, like template-item-phases.ts. An item not listed applies always.
 *
 * The items listed say so in their own words ("If sedation is planned: …", "If sedated: …",
 * "If not sedated: …", "Diabetic patients: …", "Contrast injected …"): asking for a
 * not-applicable reason where the plan already answers them is record-keeping twice.
 * An item that stops applying keeps its stored state (keyed by the id); it is just not shown.
 */
import { applies, type Applicability, type EncounterPlanFacts } from './applicability';
import type { ProcedureTraits } from './traits';

export const TEMPLATE_ITEM_WHEN: Readonly<Record<string, Applicability>> = {
  // "If sedation is planned: …" / "If sedated: …"
  'pre-sedation-evaluation': 'sedation-planned',
  'npo-if-sedation': 'sedation-planned',
  'escort-if-sedated': 'sedation-planned',
  'sedation-monitoring': 'sedation-planned',
  'reversal-agents-available': 'sedation-planned',
  'observation-if-sedated': 'sedation-planned',
  // "If not sedated: observe before discharge."
  'observation-if-not-sedated': 'no-sedation',
  // "Diabetic patients: …": the template puts them only where a corticosteroid may be injected.
  'diabetic-glucose-plan': 'diabetic',
  'diabetic-glucose-monitoring': 'diabetic',
  // Acts that inject contrast: not done when the planned injectate names no contrast.
  'contrast-real-time-before-steroid': 'contrast-planned',
  'contrast-intravascular-check': 'contrast-planned',
  'contrast-intra-articular-spread': 'contrast-planned',
  'contrast-spread-no-vascular-filling': 'contrast-planned',
  'interlaminar-views-contrast-test-dose': 'contrast-planned',
};

/** Whether a template item applies to this procedure and plan. */
export function templateItemApplies(itemId: string, traits: ProcedureTraits, plan: EncounterPlanFacts): boolean {
  const when = TEMPLATE_ITEM_WHEN[itemId];
  return when === undefined || applies(when, traits, plan);
}
