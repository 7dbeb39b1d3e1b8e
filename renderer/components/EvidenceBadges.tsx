import type { SourceRef } from '#shared/library/schema';
import { needsReview } from '#shared/note/content';

interface Props {
  sources: readonly SourceRef[];
  citations: readonly { id: string; citation: string }[];
  /** The clinic reviewer's acceptance of an unverified fact, if given. */
  reviewedBy?: { name: string; at: string } | null;
}

const TAG_LABEL: Record<SourceRef['evidence'], string> = {
  V: 'verified',
  V2: 'secondary source: confirm against the primary',
  M: 'needs clinical review',
  inference: 'inferred by the fact base: needs clinical review',
};

/** Every clinical statement shows where it comes from and how firm it is. */
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
          {sources.map((s, i) => (
            <li key={`${s.sourceId}-${i}`}>
              {citations.find((c) => c.id === s.sourceId)?.citation ?? s.sourceId} <em>[{s.evidence}: {TAG_LABEL[s.evidence]}]</em>
            </li>
          ))}
        </ul>
      </details>
    </span>
  );
}
