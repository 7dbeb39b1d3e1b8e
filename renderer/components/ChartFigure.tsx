import { useId, type ReactNode } from 'react';

/**
 * A chart with its text alternative: the summary sentence is the chart's
 * accessible name and its visible caption, and the data table under it holds
 * every value drawn (so the figure reads the same aloud and on screen), folded to a 44 px summary
 * (issue 18: each screen within 3 viewport heights; the summary sentence already says what it shows).
 */
export function ChartFigure({ title, summary, table, children, className = '' }: { title: string; summary: string; table: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <figure className={`outcome-chart ${className}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {/* role="img": the SVG's many parts are one picture, named by the summary below. */}
      <div role="img" aria-labelledby={`${id}-summary`} className="chart-canvas">
        {children}
      </div>
      <figcaption id={`${id}-summary`} className="chart-summary">{summary}</figcaption>
      <details className="fold chart-data-fold">
        <summary>Every value drawn, as a table ▸</summary>
        {table}
      </details>
    </figure>
  );
}
