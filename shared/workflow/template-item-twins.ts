/**
 * Template checklist items that ask the same check as a procedure-day item (phase-items.ts),
 * keyed by fact id, with the reason. Published template versions are locked by hash
 * (shared/library/library-lock.test.ts), so this lives beside them, like
 * template-item-phases.ts and template-item-applicability.ts.
 *
 * Where the base item applies to the encounter, the twin is not asked again: the base row
 * shows the template's wording and sources ("Template wording"), the core requires the base
 * item only, and the twin takes the base item's answer (checked, or not applicable with the
 * same reason) wherever the template's items are reported (the FHIR QuestionnaireResponse).
 * Where the base item does not apply (no fluoroscopy, say), the twin stays its own item.
 *
 * Items whose wording looks like a base item but that ask something else are listed in
 * DISTINCT_TEMPLATE_ITEMS with why; a test fails on any such item left in neither list
 * (template-item-twins.test.ts).
 */
export interface ItemTwin {
  /** The 'wf-' item that asks the same check. */
  base: string;
  /** Why they are the same check. */
  reason: string;
}

const twin = (base: string, reason: string): ItemTwin => ({ base, reason });

export const TEMPLATE_ITEM_TWINS: Readonly<Record<string, ItemTwin>> = {
  'identity-two-identifiers': twin('wf-identity-two-identifiers', 'both ask that the patient is identified with two identifiers'),
  'verify-procedure-site-level-laterality': twin('wf-procedure-site-confirmed', 'both verify procedure, site and level(s) with the patient (the side also has its own item)'),
  'verify-procedure-site-laterality': twin('wf-procedure-site-confirmed', 'both verify procedure and site with the patient (the side also has its own item)'),
  'verify-procedure-site': twin('wf-procedure-site-confirmed', 'both verify procedure and site(s) with the patient'),
  'site-marked': twin('wf-site-marked', 'both ask that the practitioner marks the site, visible after draping; checked once, at the time-out'),
  'antithrombotic-review': twin('wf-antithrombotics-reviewed', 'both ask that anticoagulants and antiplatelets are reviewed with a plan'),
  'pregnancy-status': twin('wf-pregnancy-status', 'both ask for the pregnancy status'),
  'diabetic-glucose-plan': twin('wf-diabetic-glucose-plan', 'both ask for the diabetic glucose plan after the steroid'),
  'infection-screen': twin('wf-infection-screen', 'both screen for infection at the site and febrile illness'),
  'steroid-type-confirmed-time-out': twin('wf-steroid-type-confirmed', 'both confirm the steroid type (particulate or not) at the time-out'),
  'essential-imaging-displayed': twin('wf-imaging-displayed', 'both ask that the essential images are displayed at the time-out'),
  'antibiotic-prophylaxis-check': twin('wf-antibiotic-prophylaxis', 'both check at the time-out that antibiotic prophylaxis was given within 60 minutes'),
  'who-sign-out': twin('wf-sign-out', 'both are the WHO Sign Out before the patient leaves the room'),
  'observation-if-sedated': twin('wf-aldrete-score', 'both hold discharge after sedation until the Aldrete score is 9 or more'),
  'observation-if-not-sedated': twin('wf-observation-period', 'both ask that the patient is observed before discharge'),
  'discharge-red-flags': twin('wf-discharge-instructions', 'both ask that the discharge warning signs are given; the template wording is shown on the row'),
  'discharge-infection-signs': twin('wf-discharge-instructions', 'both give the same infection warning signs at discharge'),
  'antithrombotic-restart': twin('wf-anticoagulant-restart-given', 'both ask that the restart timing is given per the recorded plan'),
};

/** Items whose wording resembles a base item but that ask another check, with why. */
export const DISTINCT_TEMPLATE_ITEMS: Readonly<Record<string, string>> = {
  'allergies-reviewed': 'sums the five allergy items; resolved with them by the confirmation of the patient\'s facts (fact-items.ts)',
  'time-out': 'the time-out itself, resolved by the signed time-out record; its parts are the base time-out items',
  'patient-bleeding-risk-factors': 'asks for the patient\'s bleeding-risk factors, which no base item asks',
  'pre-sedation-evaluation': 'the pre-sedation evaluation; no base item asks it',
  'resuscitation-equipment': 'resuscitative equipment and drugs; the base equipment item is about sterility and devices',
  'sedation-monitoring': 'monitoring during sedation, in the procedure; no base item asks it',
  'diabetic-glucose-monitoring': 'glucose monitoring at home for days after; the base item is the plan agreed before',
  'metal-implants-near-pad': 'metal implants near the RF grounding pad; no base item asks it',
  'grounding-pad-skin-check': 'skin under the RF grounding pad; no base item asks it',
  'high-risk-aspirin-nsaid-holds': 'the high-risk hold rules for aspirin and NSAIDs the physician applies; not a second review',
  'infection-risk-glucose-control': 'infection risk and glucose control before an implant, broader than the day\'s infection screen',
  'epidural-hematoma-observation': 'watching for an epidural hematoma over days; not the observation period',
};

/** The base item a template item is folded into on this encounter, or null (it is asked itself). */
export function twinBase(itemId: string, applyingBaseIds: ReadonlySet<string>): string | null {
  const base = TEMPLATE_ITEM_TWINS[itemId]?.base;
  return base && applyingBaseIds.has(base) ? base : null;
}

/**
 * Template item states with each folded twin answered by its base item: checked, or not
 * applicable with the base item's reason. A twin answered on its own keeps its answer.
 */
export function withTwinAnswers<S extends { status: string }>(states: ReadonlyMap<string, S>, templateItemIds: Iterable<string>, applyingBaseIds: ReadonlySet<string>): Map<string, S> {
  const out = new Map(states);
  for (const id of templateItemIds) {
    const base = twinBase(id, applyingBaseIds);
    const own = out.get(id);
    const answer = base ? states.get(base) : undefined;
    if (answer && answer.status !== 'unchecked' && (!own || own.status === 'unchecked')) out.set(id, answer);
  }
  return out;
}
