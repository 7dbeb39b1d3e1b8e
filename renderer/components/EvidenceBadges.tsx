import type { SourceRef } from '#shared/library/schema';
import { RELIABILITY_LABEL, type SourceReliability } from '#shared/library/source-schema';
import { SOURCES } from '#shared/library/sources';
import { needsReview } from '#shared/note/content';

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
export function EvidenceBadges({ sources, citations, reviewedBy = null }: Props) {
  const review = needsReview(sources) && !reviewedBy;
  const secondary = sources.some((s) => s.evidence === 'V2');
  return (
    <span className="evidence">
      {review && <span className="badge review">needs clinical review</span>}
      {reviewedBy && <span className="badge reviewed">reviewed by {reviewedBy.name}, {reviewedBy.at.slice(0, 10)}</span>}
      {secondary && !review && <span className="badge secondary">secondary source</span>}
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
