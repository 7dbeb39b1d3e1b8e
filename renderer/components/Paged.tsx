import { useState, type ReactNode } from 'react';

/**
 * A long list shown a page at a time (issue 18: no screen longer than 3 viewport heights at
 * 1366x768), with Previous and Next; back to the first page whenever the list changes.
 */
export function usePage<T>(rows: readonly T[], size: number): { shown: readonly T[]; pager: ReactNode } {
  const [page, setPage] = useState(0);
  const [seen, setSeen] = useState(rows);
  if (seen !== rows) {
    // A new list (a filter, a reload): back to its first page, set while rendering, not after.
    setSeen(rows);
    setPage(0);
  }
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = Math.min(page, pages - 1);
  const shown = rows.slice(at * size, (at + 1) * size);
  const pager = rows.length > size && (
    <nav className="row pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={at === 0} onClick={() => setPage(at - 1)}>Previous</button>
      <span aria-live="polite">
        Page {at + 1} of {pages} ({at * size + 1}–{at * size + shown.length} of {rows.length})
      </span>
      <button type="button" className="secondary" disabled={at === pages - 1} onClick={() => setPage(at + 1)}>Next</button>
    </nav>
  );
  return { shown, pager };
}
