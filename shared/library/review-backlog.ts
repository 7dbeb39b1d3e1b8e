/**
 * The clinic's review backlog of one template version, from the data and the clinic's
 * acceptances: every fact counted once, by where its review stands. The one function behind
 * the library's backlog table, the core's overview and the bedside's "reviewed" flag.
 *
 * - verified: needs no acceptance.
 * - secondary: rests on a secondary source ([V2]) and the clinic has not accepted it yet.
 * - awaiting review: needs clinical review (evidence-state.ts) and is not accepted yet.
 * - accepted: a secondary or needs-review fact the clinic's physician reviewer accepted.
 *
 * A version is reviewed once nothing is secondary or awaiting review: the bedside then shows
 * no evidence badges for it (the library and the reference still show the full evidence).
 */
import { evidenceState, type EvidenceState } from './evidence-state';
import { factsOf, type FactSources } from './evidence-summary';
import type { Template } from './schema';

/** One acceptance by the clinic's reviewer, as the core returns it (library.get's reviews). */
export interface ClinicAcceptance {
  factId: string;
  acceptedAt: string;
  acceptedBy: { name: string };
}

export type BacklogState = 'verified' | 'secondary' | 'awaiting-review' | 'accepted';

export interface ReviewBacklog {
  verified: number;
  secondary: number;
  awaitingReview: number;
  accepted: number;
  /** Every fact of the version, once: the four counts add up to it. */
  total: number;
  /** Nothing is secondary or awaiting review: the clinic has reviewed this version's content. */
  reviewed: boolean;
  /** Who accepted its facts and the last acceptance, once reviewed (null when nothing needed accepting). */
  reviewedBy: { names: string[]; lastAt: string } | null;
}

/** A fact as evidence-state.ts sees it, before any acceptance (§7 applies by template and id). */
export function baseEvidence(fact: FactSources): Exclude<EvidenceState, 'accepted'> {
  const state = evidenceState({ sources: fact.sources, parts: fact.parts, templateId: fact.templateId, factId: fact.id, hasIncidence: fact.parts.length > 1 });
  return state === 'accepted' ? 'needs-review' : state;
}

/** The clinic's reviewer may accept a fact that needs review or rests on a secondary source; a verified one needs nothing. */
export function isReviewable(fact: FactSources): boolean {
  return baseEvidence(fact) !== 'verified';
}

/** The facts of a version the clinic's reviewer can accept, in the template's order. */
export function reviewableFacts(template: Template): FactSources[] {
  return factsOf(template).filter(isReviewable);
}

export function backlogState(fact: FactSources, accepted: boolean): BacklogState {
  const base = baseEvidence(fact);
  if (base === 'verified') return 'verified';
  if (accepted) return 'accepted';
  return base === 'needs-review' ? 'awaiting-review' : 'secondary';
}

export function reviewBacklog(template: Template, acceptances: readonly ClinicAcceptance[]): ReviewBacklog {
  const byFact = new Map(acceptances.map((a) => [a.factId, a]));
  const counts = { verified: 0, secondary: 0, 'awaiting-review': 0, accepted: 0 };
  const used: ClinicAcceptance[] = [];
  for (const fact of factsOf(template)) {
    const acceptance = byFact.get(fact.id);
    const state = backlogState(fact, acceptance !== undefined);
    counts[state]++;
    if (state === 'accepted' && acceptance) used.push(acceptance);
  }
  const reviewed = counts.secondary === 0 && counts['awaiting-review'] === 0;
  const lastAt = used.map((a) => a.acceptedAt).sort().at(-1);
  return {
    verified: counts.verified,
    secondary: counts.secondary,
    awaitingReview: counts['awaiting-review'],
    accepted: counts.accepted,
    total: counts.verified + counts.secondary + counts['awaiting-review'] + counts.accepted,
    reviewed,
    reviewedBy: reviewed && lastAt ? { names: [...new Set(used.map((a) => a.acceptedBy.name))].sort(), lastAt } : null,
  };
}
