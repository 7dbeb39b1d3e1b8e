/**
 * The plan facts that decide which items apply to an encounter (applicability.ts): the
 * encounter's own choices (sedation, side, imaging), the patient's recorded diabetes and
 * the planned injectate's contrast. The core and the screen build it the same way, so an
 * item hidden on the screen is never one the core still asks for.
 */
import type { EncounterRecord } from '../contract/encounter-records';
import { currentFacts, type PatientFact } from '../contract/patient-facts';
import type { EncounterPlanFacts } from '../workflow/applicability';
import { workflowItemsFor } from '../workflow/phase-items';
import { templateItemApplies } from '../workflow/template-item-applicability';
import { twinBase } from '../workflow/template-item-twins';
import type { ProcedureTraits } from '../workflow/traits';

export interface PlanSource {
  sedationPlanned: boolean;
  laterality: EncounterPlanFacts['laterality'];
  imagingModality?: EncounterPlanFacts['imagingModality'];
}

export type EncounterPlan = EncounterPlanFacts & { sedationPlanned: boolean };

export function encounterPlanOf(
  encounter: PlanSource,
  context: { records?: readonly EncounterRecord[]; patientFacts?: readonly PatientFact[] } = {},
): EncounterPlan {
  const diabetes = currentFacts(context.patientFacts ?? []).find((f) => f.entry.kind === 'diabetes');
  const injectate = (context.records ?? []).filter((r) => !r.voided && r.entry.kind === 'injectate-plan').at(-1);
  return {
    sedationPlanned: encounter.sedationPlanned,
    laterality: encounter.laterality,
    imagingModality: encounter.imagingModality ?? null,
    diabetic: diabetes?.entry.kind === 'diabetes' ? diabetes.entry.data.status !== 'none' : null,
    contrastPlanned: injectate?.entry.kind === 'injectate-plan' ? injectate.entry.data.contrast !== null : null,
  };
}

/** A key for caching what depends only on the template version and these facts. */
export function planKey(plan: EncounterPlan): string {
  return [plan.sedationPlanned, plan.laterality, plan.imagingModality, plan.diabetic, plan.contrastPlanned].join('|');
}

/**
 * The template's checklist sections with only the items that apply (template-item-applicability.ts)
 * and are not asked by an applying base item instead (template-item-twins.ts); the item objects are kept.
 */
export function applicableSections<S extends { items: readonly { id: string }[] }>(sections: readonly S[], traits: ProcedureTraits, plan: EncounterPlan): S[] {
  const bases = new Set(workflowItemsFor(traits, plan).map((w) => w.id));
  return sections.map((s) => ({ ...s, items: s.items.filter((i) => templateItemApplies(i.id, traits, plan) && !twinBase(i.id, bases)) }));
}
