import type { ReactNode } from 'react';

/**
 * A fold with a 44 px summary (issue 18: every screen within 3 viewport heights). Shut, its summary says
 * how many open items it holds, so nothing the way on needs is out of sight unannounced; the still-open
 * list unfolds it too (GoToBlocker).
 */
export function Fold({ summary, open, pending = 0, children }: { summary: string; open: boolean; pending?: number; children: ReactNode }) {
  return (
    <details className={pending && !open ? 'fold pending' : 'fold'} open={open || undefined}>
      <summary>{summary}{open ? '' : pending ? `: ${pending} still open, needed before the time-out ends ▸` : ' (nothing open) ▸'}</summary>
      {children}
    </details>
  );
}

/**
 * The time-out's folds of pre-procedure records: each [summary, does a blocker belong to it, its content].
 * A hard stop opens its fold; a record still missing shuts it with the count in its summary (one click,
 * and the screen stays within 3 viewport heights).
 */
export function TimeOutFolds({ blockers, children }: { blockers: readonly { id: string; hardStop: boolean }[]; children: readonly (readonly [string, (id: string) => boolean, ReactNode])[] }) {
  return (
    <>
      {children.map(([summary, holds, content]) => {
        const held = blockers.filter((b) => holds(b.id));
        return <Fold key={summary} summary={summary} open={held.some((b) => b.hardStop)} pending={held.length}>{content}</Fold>;
      })}
    </>
  );
}
