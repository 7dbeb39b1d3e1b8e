/**
 * The benchmark runner (npm run bench, through bench/run.mjs). For each data
 * size it makes (or reuses) the data set, then runs each benchmark in a fresh
 * child process, so one benchmark's caches and memory never colour another's;
 * then the benchmarks that need no data set (delivery in a fresh temp database,
 * the renderer in Chromium); then writes bench/RESULTS.md.
 *
 *   --size=10k | 100k | 1m   sizes up to this one (default 100k; 1m also with BENCH_1M=1)
 *   --sizes=1m               these sizes only
 *   --rewrite                RESULTS.md again from the last run's numbers (commentary edited), nothing measured
 *   --only=save,search,open,backup,backup-store,export,batch,memory,encryption,delivery,renderer
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDataset, loadDataset, SIZES, type Dataset, type SizeName } from './data/dataset';
import { mergeWithPrevious, RESULTS_JSON } from './lib/merge';
import type { Measurement } from './lib/result';
import { benchBackup } from './node/backup';
import { benchBackupStore } from './node/backup-store';
import { benchBatchExport } from './node/batch-export';
import { benchDelivery } from './node/delivery';
import { benchEncryption } from './node/encryption';
import { benchExport } from './node/export';
import { benchMemory } from './node/memory';
import { benchOpen } from './node/open';
import { benchSave } from './node/save';
import { benchSearch } from './node/search';
import { benchRenderer } from './renderer/driver';
import { writeResults, type Run } from './report';

const NODE_BENCHES = { save: benchSave, search: benchSearch, open: benchOpen, backup: benchBackup, 'backup-store': benchBackupStore, export: benchExport, batch: benchBatchExport, memory: benchMemory, encryption: benchEncryption } as const;
/**
 * The 1,000-note batch export renders and writes 4,000 files (a few minutes); its cost is per
 * note, not per data size, so it runs on the smallest size only unless BENCH_BATCH_ALL_SIZES=1.
 * Encryption runs at every size (issue 21 point 4: the save with encryption on at 10k and 100k).
 */
const FIRST_SIZE_ONLY: readonly string[] = process.env.BENCH_BATCH_ALL_SIZES ? [] : ['batch'];
type NodeBench = keyof typeof NODE_BENCHES;
/** Benchmarks that make what they need themselves: run once, with no data set. */
const OWN_DATA = { delivery: benchDelivery, renderer: benchRenderer } as const;
const ALL = [...(Object.keys(NODE_BENCHES) as NodeBench[]), ...(Object.keys(OWN_DATA) as (keyof typeof OWN_DATA)[])] as const;

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const log = (line: string) => console.log(line);

/** In a child: run one benchmark on one data set and write its measurements to --out. */
async function child(name: string, out: string): Promise<void> {
  let measurements: Measurement[];
  if (name in OWN_DATA) {
    measurements = await OWN_DATA[name as keyof typeof OWN_DATA]();
  } else {
    const ds = loadDataset(arg('size') as SizeName);
    if (!ds) throw new Error(`no ${arg('size')} data set`);
    measurements = await NODE_BENCHES[name as NodeBench](ds);
  }
  fs.writeFileSync(out, JSON.stringify(measurements));
}

function runChild(name: string, size: string | null): Measurement[] {
  const out = path.join(os.tmpdir(), `pd-bench-${process.pid}-${name}-${size ?? 'all'}.json`);
  const self = fileURLToPath(import.meta.url);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', self, `--child=${name}`, `--out=${out}`, ...(size ? [`--size=${size}`] : [])], { stdio: 'inherit' });
  if (run.status !== 0 || !fs.existsSync(out)) {
    log(`  ${name}${size ? ` ${size}` : ''}: FAILED (exit ${run.status})`);
    // The results are still written (without its rows), but the run says it failed.
    process.exitCode = 1;
    return [];
  }
  const result = (JSON.parse(fs.readFileSync(out, 'utf8')) as Measurement[]).map((m) => ({ ...m, source: name }));
  fs.rmSync(out, { force: true });
  log(`  ${name}${size ? ` ${size}` : ''}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function sizesToRun(): SizeName[] {
  const names = Object.keys(SIZES) as SizeName[];
  // --sizes=1m: these sizes only (the others' rows stay in the results, marked earlier).
  const chosen = arg('sizes')?.toLowerCase().split(',');
  if (chosen) {
    const unknown = chosen.filter((c) => !names.includes(c as SizeName));
    if (unknown.length) throw new Error(`--sizes: unknown ${unknown.join(', ')} (one of ${names.join(', ')})`);
    return names.filter((n) => chosen.includes(n));
  }
  const upTo = (arg('size')?.toLowerCase() ?? (process.env.BENCH_1M ? '1m' : '100k')) as SizeName;
  if (!names.includes(upTo)) throw new Error(`--size must be one of ${names.join(', ')}`);
  return names.slice(0, names.indexOf(upTo) + 1);
}

/**
 * On a shared machine other work preempts the benchmark and inflates its tails.
 * Where allowed (root, or CAP_SYS_NICE), run at a higher priority; the children
 * and Chromium inherit it. Elsewhere the run goes on at normal priority.
 */
function raisePriority(): string {
  try {
    os.setPriority(0, -10);
    return 'nice -10';
  } catch {
    return 'normal priority';
  }
}

async function main(): Promise<void> {
  const childName = arg('child');
  if (childName) return child(childName, arg('out')!);
  if (process.argv.includes('--rewrite')) {
    // RESULTS.md written again from the last run's numbers (out/bench/results.json) after bench/analysis.ts changed: nothing is measured.
    const last = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as Omit<Run, 'started'> & { started: string };
    log(`results: ${writeResults({ ...last, started: new Date(last.started) })}`);
    return;
  }
  const priority = raisePriority();
  const loadBefore = os.loadavg()[0]!;
  const only = arg('only')?.split(',') ?? [...ALL];
  const unknown = only.filter((o) => !(ALL as readonly string[]).includes(o));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);

  const started = new Date();
  // A run of only the benchmarks that bring their own data makes or opens no data set.
  const sizes = only.some((o) => o in NODE_BENCHES) ? sizesToRun() : [];
  const datasets: Dataset[] = [];
  const measurements: Measurement[] = [];
  for (const size of sizes) {
    const ds = await ensureDataset(size, log);
    datasets.push(ds);
    log(`${size}: ${ds.info.patients.toLocaleString('en-US')} patients, ${(ds.bytes / 2 ** 30).toFixed(2)} GiB`);
    for (const name of Object.keys(NODE_BENCHES) as NodeBench[]) {
      if (FIRST_SIZE_ONLY.includes(name) && size !== sizes[0]) continue;
      if (only.includes(name)) measurements.push(...runChild(name, size));
    }
  }
  for (const name of Object.keys(OWN_DATA)) if (only.includes(name)) measurements.push(...runChild(name, null));
  const conditions = { priority, loadBefore, loadAfter: os.loadavg()[0]! };
  // With --only, the other rows of the last run stay in the results, marked as earlier.
  const whole = only.length < ALL.length ? mergeWithPrevious(datasets, measurements) : { datasets, measurements, earlier: null, earlierConditions: null };
  const file = writeResults({ started, sizes, only, conditions, ...whole });
  log(`results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
