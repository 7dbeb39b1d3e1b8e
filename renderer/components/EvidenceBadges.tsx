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

interface Props {
  sources: readonly SourceRef[];
  citations: readonly Citation[];
  /** The clinic reviewer's acceptance of an unverified fact, if given. */
  reviewedBy?: { name: string; at: string } | null;
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
export function EvidenceBadges({ sources, citations, reviewedBy = null, state }: Props) {
  const evidence = state ?? evidenceState({ sources }, reviewedBy !== null);
  return (
    <span className="evidence">
      {evidence === 'needs-review' && <span className="badge review">needs clinical review</span>}
      {evidence === 'accepted' && reviewedBy && <span className="badge reviewed">reviewed by {reviewedBy.name}, {reviewedBy.at.slice(0, 10)}</span>}
      {evidence === 'secondary' && <span className="badge secondary">secondary source</span>}
      <details>
        <summary>Sources</summary>
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
      </details>
    </span>
  );
}

/** The clinic reviewer's acceptances for a template version (TemplateWithSources.reviews). */
export type FactReviews = readonly { factId: string; acceptedAt: string; acceptedBy: { name: string } }[];

/**
 * The badges of one template fact, wherever it is shown (consent panel, procedure reference):
 * its evidence state with §7 applied by template and id, and the reviewer's acceptance.
 */
export function FactEvidenceBadges({ fact, templateId, reviews, citations }: { fact: Fact; templateId: string; reviews: FactReviews; citations: readonly Citation[] }) {
  const review = reviews.find((r) => r.factId === fact.id);
  const state = evidenceState({ sources: fact.sources, templateId, factId: fact.id }, review !== undefined);
  const reviewedBy = state === 'accepted' && review ? { name: review.acceptedBy.name, at: review.acceptedAt } : null;
  return <EvidenceBadges sources={fact.sources} citations={citations} reviewedBy={reviewedBy} state={state} />;
}
