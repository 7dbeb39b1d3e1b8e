/**
 * The one rule for how firm a fact is, wherever it is shown: checklist, consent panel,
 * procedure reference, patient wording and chart note (fact-reference.md, citing rules 2 and 4).
 *
 * - 'needs-review': tagged [M] or inferred; or every source of the fact (or of a part of it)
 *   is low-reliability; or §7 lists it (section7.ts), whatever its tag, [V2] and [V] included.
 * - 'accepted': needs review, and the clinic's reviewer accepted it for this template version.
 * - 'secondary': a [V2] source: "secondary source: confirm against the primary". It stays so once
 *   the clinic accepts it (the note keeps its mark); review-backlog.ts counts it as accepted.
 * - 'verified': none of the above.
 */
import { citesSection7Source, isSection7Fact, isSection7WorkflowItem } from './section7';
import { partsNeedClinicalReview } from './reliability';
import type { SourceRef } from './schema';

export type EvidenceState = 'verified' | 'secondary' | 'needs-review' | 'accepted';

export interface FactEvidence {
  sources: readonly SourceRef[];
  /** The parts that each need support (a risk and its incidence figure); defaults to [sources]. */
  parts?: readonly (readonly SourceRef[])[];
  /** A library fact: its template and checklist id, so §7's fact list applies. */
  templateId?: string;
  factId?: string;
  /** The risk states an incidence figure (an item-11 entry of §7 applies only then). */
  hasIncidence?: boolean;
  /** A procedure-day item (shared/workflow/phase-items.ts). */
  workflowItemId?: string;
}

/** §7 lists the fact: by a source it cites, by its template and id, or as a procedure-day item. */
export function inSection7(fact: FactEvidence): boolean {
  return citesSection7Source(fact.sources)
    || (fact.templateId !== undefined && fact.factId !== undefined && isSection7Fact(fact.templateId, fact.factId, fact.hasIncidence ?? false))
    || (fact.workflowItemId !== undefined && isSection7WorkflowItem(fact.workflowItemId));
}

/** Needs a clinician's review before anyone relies on it (before any reviewer's acceptance). */
export function factNeedsReview(fact: FactEvidence): boolean {
  return partsNeedClinicalReview(fact.parts ?? [fact.sources]) || inSection7(fact);
}

/** The evidence state of a fact; `accepted`: the clinic's reviewer accepted it for this template version. */
export function evidenceState(fact: FactEvidence, accepted = false): EvidenceState {
  if (factNeedsReview(fact)) return accepted ? 'accepted' : 'needs-review';
  return fact.sources.some((s) => s.evidence === 'V2') ? 'secondary' : 'verified';
}
