import type { ReviewBacklog } from '#shared/library/review-backlog';

/**
 * The one line a bedside surface shows instead of evidence badges once the clinic has reviewed
 * the version's content (shared/library/review-backlog.ts); the sources stay under each item.
 */
export function ContentReviewed({ backlog }: { backlog: ReviewBacklog | null }) {
  if (!backlog?.reviewed || !backlog.reviewedBy) return null;
  const { names, lastAt } = backlog.reviewedBy;
  return (
    <p className="content-reviewed">
      Content reviewed by the clinic ({names.join(', ')}, {lastAt.slice(0, 10)}).
    </p>
  );
}
