/**
 * The checks worked in each phase of the procedure day, as data. Modelled on the WHO
 * Surgical Safety Checklist (Sign In, Time Out, Sign Out) and the Joint Commission
 * Universal Protocol, adapted to spine and pain procedures as the WHO note invites
 * ("Additions and modifications to fit local practice are encouraged"): fact-reference.md
 * §4, with the pre-procedure checks of §2.0, sedation and fasting of §6, and the FDA 2014
 * symptom list of §3.1.
 *
 * Every item carries its sources with the fact base's evidence tag: [M] facts, and items
 * the fact base does not state but that are carried over from a related row ('inference'),
 * show as "needs clinical review". Ids start with 'wf-' so they never clash with template
 * fact ids, which share the checklist state table. An id, once shipped, never changes:
 * stored state is keyed by it.
 *
 * The items check that something was done or recorded; the records themselves (the
 * anticoagulation calculator, the structured procedure record) are built elsewhere.
 */
import { applies, type EncounterPlanFacts } from './applicability';
import { PRE_PROCEDURE } from './phase-items-pre-procedure';
import { PROCEDURE } from './phase-items-procedure';
import { RECOVERY } from './phase-items-recovery';
import { TIME_OUT } from './phase-items-time-out';
import type { WorkflowItem } from './phase-items-type';
import type { ProcedureTraits } from './traits';

export type { WorkflowItem } from './phase-items-type';

export const WORKFLOW_ITEMS: readonly WorkflowItem[] = [...PRE_PROCEDURE, ...TIME_OUT, ...PROCEDURE, ...RECOVERY];

/** The items that apply to this procedure and plan, in phase order. */
export function workflowItemsFor(traits: ProcedureTraits, plan: EncounterPlanFacts): WorkflowItem[] {
  return WORKFLOW_ITEMS.filter((item) => applies(item.when, traits, plan));
}
