/**
 * Benchmark 3: opening the app's database, as a start does: openCore (the
 * start-up inspection, with quick_check when needed; open with the pragmas;
 * the migration check; seeding the library; the audit key; preparing the
 * repositories), then the first worklist query (today's list through the
 * dispatcher). Signing in is between the two at a real start and is left out.
 *
 * - clean start: the previous run closed cleanly. quick_check runs only while
 *   the file is under 64 MB (db/integrity.ts), so not on these data sets.
 * - after a crash: the running marker is left behind, so quick_check reads the
 *   whole file before the core opens (O(file size)). As the runtime does it
 *   (db/runtime.ts): on a worker thread, while the main thread answers (the
 *   window shows the checking screen), then openCore without checking again.
 *   Reported with the longest time the main thread was held meanwhile.
 * - floor: better-sqlite3 opening the same file with the same pragmas and
 *   counting today's encounters through their index.
 * Warm OS file cache: the same file is opened repeatedly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openKeyed } from '#db/connection';
import { openCore } from '#db/core';
import { needsLongQuickCheck, RUNNING_MARKER } from '#db/integrity';
import { runSqliteJob } from '#db/sqlite-worker';
import { DATABASE_FILE } from '#db/paths';
import { datasetKey, type Dataset } from '../data/dataset';
import { login } from '../lib/session';
import { NURSE } from '#db/testing/temp-core';
import { longestBlock } from '../lib/main-thread';
import { summarize, type Summary } from '../lib/stats';
import type { Measurement } from '../lib/result';

async function openOnce(ds: Dataset, crashed: boolean): Promise<{ open: number; firstQuery: number; blocked: number }> {
  const file = path.join(ds.dataDir, DATABASE_FILE);
  if (crashed) fs.writeFileSync(path.join(ds.dataDir, RUNNING_MARKER), 'benchmark: a crash left this\n');
  const t0 = performance.now();
  let blocked = 0;
  let checked = false;
  if (crashed && needsLongQuickCheck(file)) {
    const { value, longest } = await longestBlock(() => runSqliteJob({ kind: 'check', file, check: 'quick_check', key: datasetKey(ds) }));
    if (value.check !== 'ok') throw new Error(`quick_check: ${value.check}`);
    blocked = longest;
    checked = true;
  }
  const core = openCore({ dataDir: ds.dataDir, quickCheckDone: checked });
  const open = performance.now() - t0;
  try {
    const token = await login(core, NURSE);
    const t1 = performance.now();
    const list = await core.dispatch('encounter.list', { date: ds.info.today, query: '' }, token);
    const firstQuery = performance.now() - t1;
    if (!list.ok) throw new Error(`worklist: ${list.error.message}`);
    return { open, firstQuery, blocked };
  } finally {
    core.close();
  }
}

function floorOnce(ds: Dataset): number {
  const t0 = performance.now();
  const db = openKeyed(path.join(ds.dataDir, DATABASE_FILE), datasetKey(ds));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.prepare('SELECT count(*) FROM encounters WHERE planned_date = ?').pluck().get(ds.info.today);
  const elapsed = performance.now() - t0;
  db.close();
  return elapsed;
}

export async function benchOpen(ds: Dataset): Promise<Measurement[]> {
  const cleanRuns = 10;
  // quick_check reads the whole file: a few runs are enough, and at 100k each takes a while.
  const crashRuns = ds.bytes < 2 * 2 ** 30 ? 3 : 1;
  await openOnce(ds, false);
  const floor: number[] = [];
  const clean: number[] = [];
  const cleanOpen: number[] = [];
  const cleanQuery: number[] = [];
  for (let i = 0; i < cleanRuns; i++) {
    floor.push(floorOnce(ds));
    const r = await openOnce(ds, false);
    clean.push(r.open + r.firstQuery);
    cleanOpen.push(r.open);
    cleanQuery.push(r.firstQuery);
  }
  const crash: number[] = [];
  let blocked = 0;
  for (let i = 0; i < crashRuns; i++) {
    const r = await openOnce(ds, true);
    crash.push(r.open + r.firstQuery);
    blocked = Math.max(blocked, r.blocked);
  }
  const baseline = { label: "floor: open + pragmas + count of today's encounters by index, keyed raw connection", summary: summarize(floor) };
  const split = (s: Summary) => `${s.median.toFixed(1)} ms`;
  const gib = (ds.bytes / 2 ** 30).toFixed(2);
  return [
    { bench: 'open', size: ds.size, label: "clean start: openCore + today's worklist", unit: 'ms', summary: summarize(clean), baseline,
      note: `openCore ${split(summarize(cleanOpen))}, first worklist query ${split(summarize(cleanQuery))} (medians); file ${gib} GiB, no quick_check above 64 MB` },
    { bench: 'open', size: ds.size, label: "after a crash: quick_check on a worker thread, then openCore + today's worklist", unit: 'ms', summary: summarize(crash), baseline,
      note: `${crashRuns} run(s); quick_check reads the whole ${gib} GiB file while the checking screen answers; longest block of the main thread meanwhile ${blocked.toFixed(0)} ms` },
  ];
}
