import type { ReactNode } from 'react';

/**
 * A fold with a 44 px summary (issue 18: every screen within 3 viewport heights). Open while it holds
 * an open blocker, so nothing the way on needs is hidden; the still-open list unfolds it too (GoToBlocker).
 */
export function Fold({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="fold" open={open || undefined}>
      <summary>{summary}{open ? '' : ' (nothing open) ▸'}</summary>
      {children}
    </details>
  );
}

/** The time-out's folds of pre-procedure records: each [summary, does a blocker belong to it, its content]. */
export function TimeOutFolds({ blockers, children }: { blockers: readonly { id: string }[]; children: readonly (readonly [string, (id: string) => boolean, ReactNode])[] }) {
  return (
    <>
      {children.map(([summary, holds, content]) => (
        <Fold key={summary} summary={summary} open={blockers.some((b) => holds(b.id))}>{content}</Fold>
      ))}
    </>
  );
}
