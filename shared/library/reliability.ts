/**
 * When a fact needs a clinician's review: the one rule every badge, checklist row,
 * note mark, review queue and count uses (fact-reference.md, citing rules 2 and 4).
 * A fact needs review when the fact base tags it [M] or it is inferred, or when every
 * source it cites is low-reliability (an AI summary, a forum post, a lay or clinic page,
 * an unidentified page, the team's own consensus): such a fact counts as [M] whatever
 * its tag says.
 */
import type { Evidence, SourceRef } from './schema';
import { SOURCES } from './sources';
import { citesSection7Source } from './section7';

const RELIABILITY = new Map(SOURCES.map((s) => [s.id, s.reliability]));

/** A source the registry marks low-reliability; an id the registry does not know counts as low. */
export function isLowReliability(sourceId: string): boolean {
  return (RELIABILITY.get(sourceId) ?? 'low') === 'low';
}

/** Every source of the fact is low-reliability: it has no verified primary source. */
export function restsOnLowReliabilityOnly(sources: readonly SourceRef[]): boolean {
  return sources.length > 0 && sources.every((s) => isLowReliability(s.sourceId));
}

/**
 * [M] or inferred, or resting on low-reliability sources only, or citing a source that
 * carries nothing but §7 claims (section7.ts). A fact §7 lists by its id needs its template:
 * use evidence-state.ts, which applies this and §7's fact list.
 */
export function needsClinicalReview(sources: readonly SourceRef[]): boolean {
  return sources.some((s) => s.evidence === 'M' || s.evidence === 'inference') || restsOnLowReliabilityOnly(sources) || citesSection7Source(sources);
}

/**
 * A fact made of parts that each need support: a risk and its incidence figure. It needs
 * review when any part does, so a figure resting only on a lay page is caught even where
 * the risk beside it has a verified source.
 */
export function partsNeedClinicalReview(parts: readonly (readonly SourceRef[])[]): boolean {
  return parts.some((p) => needsClinicalReview(p));
}

/**
 * The weakest tag among a fact's sources, with a fact (or any part of it) resting on
 * low-reliability sources only counted as [M].
 */
export function effectiveEvidence(sources: readonly SourceRef[], parts: readonly (readonly SourceRef[])[] = [sources]): Evidence {
  const order: Evidence[] = ['M', 'inference', 'V2', 'V'];
  const weakest = order.find((tag) => sources.some((s) => s.evidence === tag)) ?? 'V';
  return (weakest === 'V' || weakest === 'V2') && parts.some((p) => restsOnLowReliabilityOnly(p)) ? 'M' : weakest;
}
