import type { Fact, SourceRef } from '#shared/library/schema';
import { RELIABILITY_LABEL, type SourceReliability } from '#shared/library/source-schema';
import { SOURCES } from '#shared/library/sources';
import { evidenceState, type EvidenceState } from '#shared/library/evidence-state';

const REGISTRY = new Map(SOURCES.map((s) => [s.id, s]));

/** A source as a screen has it: at least its citation; the registry fills in the rest. */
export interface Citation {
  id: string;
  citation: string;
  url?: string | undefined;
  reliability?: SourceReliability | undefined;
  note?: string | undefined;
}

/** The clinic reviewer's acceptance of a fact: who, when, and why it is acceptable here (none before migration 014). */
export interface Acceptance {
  name: string;
  at: string;
  comment?: string | null | undefined;
}

interface Props {
  sources: readonly SourceRef[];
  citations: readonly Citation[];
  /** The clinic reviewer's acceptance of a needs-review or secondary-source fact, if given. */
  reviewedBy?: Acceptance | null;
  /**
   * The bedside of a version the clinic has reviewed (review-backlog.ts): no badges, only the
   * sources on request. The library and the procedure reference always show the badges.
   */
  quiet?: boolean;
  /**
   * The fact's evidence state where the screen knows more than its sources (a fact §7 lists
   * by its template and id: evidence-state.ts); otherwise it is worked out from the sources.
   */
  state?: EvidenceState;
}

const TAG_LABEL: Record<SourceRef['evidence'], string> = {
  V: 'verified',
  V2: 'secondary source: confirm against the primary',
  M: 'needs clinical review',
  inference: 'inferred by the fact base: needs clinical review',
};

/**
 * The citation the screen was given, completed from the registry (a screen may pass only
 * id and citation, and a procedure-day item may cite a source its template does not).
 */
function lookup(citations: readonly Citation[], id: string): Citation | undefined {
  const given = citations.find((c) => c.id === id);
  const known = REGISTRY.get(id);
  if (!given) return known;
  return { id, citation: given.citation, url: given.url ?? known?.url, reliability: given.reliability ?? known?.reliability, note: given.note ?? known?.note };
}

/**
 * Every clinical statement shows where it comes from and how firm it is: each source as
 * the original work with its address, its evidence tag, and, where it is no verified
 * primary source, that it is not.
 */
export function EvidenceBadges(props: Props) {
  return (
    <span className="evidence">
      <EvidenceChips {...props} />
      <details>
        <summary>Sources</summary>
        <SourceList {...props} />
      </details>
    </span>
  );
}

/** Whether the fact's reviewer acceptance shows: a secondary-source fact keeps its badge once accepted, the acceptance beside it. */
function acceptanceOf({ sources, reviewedBy = null, state }: Props): { evidence: EvidenceState; accepted: Acceptance | null } {
  const evidence = state ?? evidenceState({ sources }, reviewedBy !== null);
  return { evidence, accepted: reviewedBy !== null && (evidence === 'accepted' || evidence === 'secondary') ? reviewedBy : null };
}

/** The badges alone (needs clinical review, secondary source, reviewed by): what stays on screen beside the fact. */
export function EvidenceChips(props: Props) {
  const { evidence, accepted } = acceptanceOf(props);
  if (props.quiet) return null;
  return (
    <>
      {evidence === 'needs-review' && <span className="badge review">needs clinical review</span>}
      {evidence === 'secondary' && <span className="badge secondary">secondary source</span>}
      {accepted && <span className="badge reviewed">reviewed by {accepted.name}, {accepted.at.slice(0, 10)}</span>}
    </>
  );
}

/** The sources in full, each with its evidence tag, and the clinic's acceptance with why: what a "Sources" fold holds. */
export function SourceList(props: Props) {
  const { sources, citations } = props;
  const { accepted } = acceptanceOf(props);
  return (
    <>
      <ul>
        {sources.map((s, i) => {
          const c = lookup(citations, s.sourceId);
          return (
            <li key={`${s.sourceId}-${i}`}>
              {c?.citation ?? s.sourceId}
              {c?.url && <span className="source-url"> {c.url}</span>} <em>[{s.evidence}: {TAG_LABEL[s.evidence]}]</em>
              {c?.reliability === 'low' && <em> ({RELIABILITY_LABEL.low})</em>}
              {c?.note && <span className="source-note"> {c.note}</span>}
            </li>
          );
        })}
      </ul>
      {accepted?.comment && (
        <p className="review-comment">Accepted for this clinic by {accepted.name} on {accepted.at.slice(0, 10)}: “{accepted.comment}”</p>
      )}
    </>
  );
}

/** The clinic reviewer's acceptances for a template version (TemplateWithSources.reviews). */
export type FactReviews = readonly { factId: string; acceptedAt: string; acceptedBy: { name: string }; comment?: string | null }[];

/**
 * The badges of one template fact, wherever it is shown (consent panel, procedure reference):
 * its evidence state with §7 applied by template and id, and the reviewer's acceptance with why.
 */
export function FactEvidenceBadges({ fact, templateId, reviews, citations, quiet = false }: { fact: Fact; templateId: string; reviews: FactReviews; citations: readonly Citation[]; quiet?: boolean }) {
  const review = reviews.find((r) => r.factId === fact.id);
  const state = evidenceState({ sources: fact.sources, templateId, factId: fact.id }, review !== undefined);
  const reviewedBy = state !== 'verified' && review ? { name: review.acceptedBy.name, at: review.acceptedAt, comment: review.comment } : null;
  return <EvidenceBadges sources={fact.sources} citations={citations} reviewedBy={reviewedBy} state={state} quiet={quiet} />;
}
