/** What each benchmark reports, and what the results file is written from. */
import type { Summary } from './stats';

export interface Measurement {
  /** Which of the benchmarks (1-6). */
  bench: 'save' | 'search' | 'open' | 'export' | 'renderer' | 'memory' | 'encryption' | 'delivery';
  size: string;
  label: string;
  unit: 'ms' | 'MB';
  summary: Summary;
  baseline?: { label: string; summary: Summary };
  /** What "good" means for this row, e.g. "≤ 1.5× floor" or "p95 < 20 ms". */
  goal?: string;
  met?: boolean;
  note?: string;
  /** The runner that measured it (main.ts: save, search, open, backup, …, renderer). */
  source?: string;
  /** Numbers the analysis paragraph quotes (totals, rates), beside the table's median and p95. */
  extra?: Record<string, number>;
}

/** median ÷ baseline median (how many times the floor the real path costs). */
export function ratio(m: Measurement): number | null {
  return m.baseline ? m.summary.median / m.baseline.summary.median : null;
}
