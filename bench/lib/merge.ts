/**
 * A run with --only re-measures some benchmarks; RESULTS.md should still show
 * all of them. The rows of the previous run (out/bench/results.json) that were
 * not measured again are kept, in their place, marked with that run's date; the
 * rows of a runner that ran again for that size are replaced, renamed ones too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SIZES, type Dataset } from '../data/dataset';
import type { Measurement } from './result';

export const RESULTS_JSON = path.join('out', 'bench', 'results.json');

interface Conditions {
  priority: string;
  loadBefore: number;
  loadAfter: number;
}

interface Previous {
  started: string;
  datasets: Dataset[];
  measurements: Measurement[];
  conditions?: Conditions;
  earlierConditions?: string | null;
}

const key = (m: Measurement) => `${m.bench}|${m.size}|${m.label}`;

export interface Merged {
  datasets: Dataset[];
  measurements: Measurement[];
  earlier: string | null;
  /** How the machine was during the earlier run, for the results file. */
  earlierConditions: string | null;
}

export function mergeWithPrevious(datasets: Dataset[], measurements: Measurement[]): Merged {
  if (!fs.existsSync(RESULTS_JSON)) return { datasets, measurements, earlier: null, earlierConditions: null };
  const previous = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as Previous;
  const when = previous.started.slice(0, 16).replace('T', ' ');
  const c = previous.conditions;
  const load = c ? ` (load ${c.loadBefore.toFixed(1)}→${c.loadAfter.toFixed(1)}, ${c.priority})` : '';
  const fresh = new Map(measurements.map((m) => [key(m), m]));
  const rerun = new Set(measurements.map((m) => `${m.source}|${m.size}`));
  const merged = previous.measurements.flatMap((m) => {
    const now = fresh.get(key(m));
    fresh.delete(key(m));
    if (now) return [now];
    if (rerun.has(`${m.source}|${m.size}`)) return [];
    // Kept once already (a second --only run): it still names the run that measured it, and the load then.
    return [m.note?.includes('earlier run') ? m : { ...m, note: `${m.note ? `${m.note}; ` : ''}earlier run, ${when} UTC${load}` }];
  });
  const sizes = new Set(datasets.map((d) => d.size));
  const order = Object.keys(SIZES);
  const kept = merged.length > measurements.length - fresh.size;
  return {
    datasets: [...previous.datasets.filter((d) => !sizes.has(d.size)), ...datasets].sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size)),
    measurements: [...merged, ...fresh.values()],
    earlier: kept ? when : null,
    earlierConditions: kept ? 'each names its run and the load average then' : null,
  };
}
