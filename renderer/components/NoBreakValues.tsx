import { Fragment } from 'react';

/** A date ("2026-12-05"), a date with its time ("2026-12-05 07:46"), or an identifier with hyphens ("DEL-1901"). */
const VALUE = /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?|\b[A-Z]{2,}-[\dA-Z-]+\b/g;

/**
 * Text in a narrow table cell with its dates and identifiers kept whole: the browser breaks lines at
 * hyphens, and "2026-12-" over "05 07:46" or "DEL-" over "1901" is misread. The words still wrap.
 */
export function NoBreakValues({ text }: { text: string }) {
  const parts: (string | { value: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(VALUE)) {
    parts.push(text.slice(last, m.index), { value: m[0] });
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts.map((p, i) => (typeof p === 'string' ? <Fragment key={i}>{p}</Fragment> : <span key={i} className="nowrap">{p.value}</span>))}</>;
}
