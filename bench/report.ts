/**
 * Writes bench/RESULTS.md: the machine and the date, the data sets, each
 * benchmark's median and p95 with its baseline and ratio, whether each goal is
 * met, and where one is missed, the measured gap and its cause (analysis.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Dataset } from './data/dataset';
import { analysis } from './analysis';
import { DELIVERY_METHOD } from './analysis-delivery';
import { RESULTS_JSON } from './lib/merge';
import { ratio, type Measurement } from './lib/result';
import { ms } from './lib/stats';

export interface Run {
  started: Date;
  sizes: string[];
  only: string[];
  datasets: Dataset[];
  measurements: Measurement[];
  /** When rows of an earlier run were kept (a run with --only): that run's date. */
  earlier?: string | null;
  earlierConditions?: string | null;
  /** The run's priority and the 1-minute load average before and after (other work on the machine). */
  conditions: { priority: string; loadBefore: number; loadAfter: number };
}

const RESULTS_FILE = path.join('bench', 'RESULTS.md');

function machine(run: Run): string {
  const cpus = os.cpus();
  const sqlite = new Database(':memory:');
  const version = sqlite.prepare("SELECT sqlite_version() || ', ' || sqlite3mc_version()").pluck().get() as string;
  sqlite.close();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} logical cores (shared with other work during the run)`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `- Node ${process.versions.node}, SQLite ${version} (better-sqlite3-multiple-ciphers; the database encrypted, SQLCipher 4 format), Chromium for the renderer`,
    `- Conditions: 1-minute load average ${run.conditions.loadBefore.toFixed(1)} before and ${run.conditions.loadAfter.toFixed(1)} after the run on ${cpus.length} cores; benchmarks ran at ${run.conditions.priority}` +
      (run.earlierConditions ? ` (rows from an earlier run: ${run.earlierConditions})` : ''),
  ].join('\n');
}

const fmt = (m: Measurement, n: number) => (m.unit === 'MB' ? n.toFixed(0) : ms(n));
const goalCell = (m: Measurement) => (m.goal ? `${m.goal}: ${m.met ? '**met**' : '**missed**'}` : '');

function table(rows: Measurement[]): string {
  if (!rows.length) return '_Not run this time._\n';
  const lines = [
    '| size | what | runs | median | p95 | baseline | baseline median | baseline p95 | ratio (median) | goal |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const m of rows) {
    const r = ratio(m);
    const unit = m.unit === 'MB' ? ' MB' : ' ms';
    lines.push(`| ${m.size} | ${m.label}${m.note ? `<br><small>${m.note}</small>` : ''} | ${m.summary.runs} | ${fmt(m, m.summary.median)}${unit} | ${fmt(m, m.summary.p95)}${unit} | ${m.baseline?.label ?? ''} | ${m.baseline ? fmt(m, m.baseline.summary.median) + unit : ''} | ${m.baseline ? fmt(m, m.baseline.summary.p95) + unit : ''} | ${r === null ? '' : `${r.toFixed(2)}×`} | ${goalCell(m)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function datasets(run: Run): string {
  const lines = ['| size | patients | encounters | fully documented | checklist items | signed notes | file | generated in |', '|---|---|---|---|---|---|---|---|'];
  const n = (x: number) => x.toLocaleString('en-US');
  for (const d of run.datasets) {
    lines.push(`| ${d.size} | ${n(d.info.patients)} | ${n(d.info.encounters)} | ${n(d.info.documentedEncounters)} | ${n(d.info.checklistRows)} | ${n(d.info.signedNotes)} | ${(d.bytes / 2 ** 30).toFixed(2)} GiB | ${d.info.seconds} s |`);
  }
  return lines.join('\n');
}

const SECTIONS: [Measurement['bench'], string][] = [
  ['save', '1. Durable save of one checklist change'],
  ['search', '2. Patient search'],
  ['open', '3. Opening the database'],
  ['export', '4. Export'],
  ['renderer', '5. Renderer (Chromium)'],
  ['memory', '6. Memory'],
  ['encryption', '7. Encryption at rest'],
  ['delivery', '8. Delivery throughput (issue 19)'],
];

/** How a section was measured, above its table. */
const METHOD: Partial<Record<Measurement['bench'], string>> = { delivery: DELIVERY_METHOD };

/** A section of the earlier results file, from its heading to the next one (null if it has none). */
function earlierSection(earlier: string, title: string): string | null {
  const heading = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## ${heading}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm').exec(earlier)?.[0].trim() ?? null;
}

/**
 * Without the stored rows of the last run (out/bench/results.json is not kept in git), a run with
 * --only would otherwise blank every other section: each section with no rows is carried over
 * from the earlier RESULTS.md as it stands, and the header names it with that file's date and conditions.
 */
function carriedNote(earlier: string, titles: string[]): string {
  if (!titles.length) return '';
  const written = /Written by `npm run bench` on ([^(]+?) UTC/.exec(earlier)?.[1] ?? 'an earlier run';
  const conditions = /^- Conditions: (.*)$/m.exec(earlier)?.[1] ?? 'not recorded';
  const runtime = /^- (Node .*)$/m.exec(earlier)?.[1] ?? 'not recorded';
  return `Not measured in this run and carried over unchanged from the results file written ${written} UTC (its runtime: ${runtime}; its conditions: ${conditions.replace(/\.$/, '')}): ${titles.join('; ')}. `;
}

export function writeResults(run: Run): string {
  const earlier = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '';
  const sections: string[] = [];
  const carried: string[] = [];
  for (const [bench, title] of SECTIONS) {
    const isBatch = (m: Measurement) => m.label.startsWith('batch of');
    const kept = run.measurements.some((m) => m.bench === bench) ? null : earlierSection(earlier, title);
    if (kept) {
      carried.push(title);
      sections.push(kept, '');
      continue;
    }
    sections.push(`## ${title}`, '', ...(METHOD[bench] ? [METHOD[bench], ''] : []), table(run.measurements.filter((m) => m.bench === bench && !isBatch(m))), analysis(bench, run.measurements), '');
    if (bench === 'export') {
      const batch = run.measurements.filter(isBatch);
      sections.push(
        '### Batch export (1,000 notes)',
        '',
        'export.startBatch on 1,000 signed notes, to a temporary outbox (PDF, text, FHIR Bundle and HL7 MDM per note, each written atomically), polled every 100 ms as the screen\'s progress bar polls. ' +
          'Time per note is measured between progress steps; the baseline is note.exportToOutbox one note at a time in the same process. ' +
          'Memory is the process\'s RSS sampled through the batch: flat means it stops growing once rendering has warmed up (from 20% of the batch to the end).',
        '',
        batch.length ? table(batch) : '_Not run (`--only` left it out)._',
        '',
      );
    }
  }
  const datasetSection = run.datasets.length ? null : earlierSection(earlier, 'Data sets');
  const parts = [
    '# Performance at clinic scale (issue 7)',
    '',
    `Written by \`npm run bench\` on ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC (sizes: ${run.sizes.join(', ') || 'none, no data set needed'}; benchmarks: ${run.only.join(', ')}). ` +
      (run.earlier ? 'Rows marked "earlier run" were not measured again this time; each names the run that measured it. ' : '') +
      carriedNote(earlier, datasetSection ? ['Data sets', ...carried] : carried) +
      'Each benchmark reports median and p95 over repeated runs and its ratio to a baseline measured in the same run. ' +
      'Timings are never asserted in tests; the tests check that the hot queries use their indexes (`db/repositories/query-plans.test.ts`).',
    '',
    '## Machine',
    '',
    machine(run),
    '',
    ...(datasetSection ? [datasetSection] : [
    '## Data sets',
    '',
    'Generated by `bench/data/generate.ts` from prototypes made through the dispatcher; about 3 encounters per patient over five years and the next two months; ' +
      'Spanish (accented, compound and hyphenated), English and other names; past encounters discharged with full checklist and history, consent discussion and a signed note ' +
      '(hash recomputed, passes `checkSignedNote`). The 1M set documents 10% of past encounters in full (all of them would be ~80 GB). ' +
      'Not generated: the audit trail of the bulk rows and procedure-day records.',
    '',
    datasets(run),
    ]),
    '',
    ...sections,
  ];
  // Storage per encounter (bench/storage.ts writes it, issue 21) and the procedure-day journey's section
  // (written by hand from its e2e spec, issue 18) are carried over.
  for (const own of [/^## 9\. Storage per encounter[\s\S]*?(?=^## |(?![\s\S]))/m, /^## Procedure-day journey \(issue 18\)[\s\S]*?(?=^## |(?![\s\S]))/m]) {
    const kept = own.exec(earlier)?.[0];
    if (kept) parts.push('', kept.trim());
  }
  fs.writeFileSync(RESULTS_FILE, `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`);
  fs.mkdirSync(path.join('out', 'bench'), { recursive: true });
  fs.writeFileSync(RESULTS_JSON, JSON.stringify(run, null, 2));
  return RESULTS_FILE;
}
