/**
 * Benchmark 3: opening the app's database, as a start does: openCore (the
 * start-up inspection, with quick_check when needed; open with the pragmas;
 * the migration check; seeding the library; the audit key; preparing the
 * repositories), then the first worklist query (today's list through the
 * dispatcher). Signing in is between the two at a real start and is left out.
 *
 * - clean start: the previous run closed cleanly. quick_check runs only while
 *   the file is under 64 MB (db/integrity.ts), so not on these data sets.
 * - after a crash: the running marker is left behind. Through the runtime as the
 *   hosts start it (db/runtime.ts): the core opens at once and quick_check reads
 *   the whole file on a worker in the background, while the nurse signs in, the
 *   worklist answers and a checklist item is saved (through the side journal).
 *   Timed to the first worklist answer and to the first saved item, and the
 *   background check to its end (it competes with that work for the disk).
 * - floor: better-sqlite3 opening the same file with the same pragmas and
 *   counting today's encounters through their index.
 * Warm OS file cache: the same file is opened repeatedly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openKeyed } from '#db/connection';
import { openCore } from '#db/core';
import { needsLongQuickCheck, RUNNING_MARKER } from '#db/integrity';
import { startRuntime } from '#db/runtime';
import type { Dispatch } from '#shared/contract/dispatcher';
import { DATABASE_FILE } from '#db/paths';
import { datasetKey, type Dataset } from '../data/dataset';
import { login } from '../lib/session';
import { NURSE, PHYSICIAN, TEST_PASSWORD, usernameOf } from '#db/testing/temp-core';
import { summarize, type Summary } from '../lib/stats';
import type { Measurement } from '../lib/result';

async function openOnce(ds: Dataset): Promise<{ open: number; firstQuery: number }> {
  const t0 = performance.now();
  const core = openCore({ dataDir: ds.dataDir });
  const open = performance.now() - t0;
  try {
    const token = await login(core, NURSE);
    const t1 = performance.now();
    const list = await core.dispatch('encounter.list', { date: ds.info.today, query: '' }, token);
    const firstQuery = performance.now() - t1;
    if (!list.ok) throw new Error(`worklist: ${list.error.message}`);
    return { open, firstQuery };
  } finally {
    core.close();
  }
}

async function call<T>(dispatch: Dispatch, method: string, input: unknown, token?: string): Promise<T> {
  const envelope = await dispatch(method, input, token);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

/** A start after a crash, through the runtime: ms to the first worklist answer, to the first saved checklist item, and to the check's end. */
async function crashOnce(ds: Dataset): Promise<{ worklist: number; saved: number; checkDone: number; checkedInBackground: boolean }> {
  fs.writeFileSync(path.join(ds.dataDir, RUNNING_MARKER), 'benchmark: a crash left this\n');
  const background = needsLongQuickCheck(path.join(ds.dataDir, DATABASE_FILE));
  const t0 = performance.now();
  const runtime = startRuntime({ dataDir: ds.dataDir, databaseKey: datasetKey(ds), deliveryEveryMs: 0, scheduleEveryMs: 0 });
  try {
    const signIn = (who: typeof NURSE | typeof PHYSICIAN) => call<{ token: string }>(runtime.dispatch, 'auth.login', { username: usernameOf(who), password: TEST_PASSWORD });
    const nurse = (await signIn(NURSE)).token;
    const rows = await call<{ encounter: { id: string } }[]>(runtime.dispatch, 'encounter.list', { date: ds.info.today, query: '' }, nurse);
    const worklist = performance.now() - t0;
    const first = rows[0];
    if (!first) throw new Error('no encounter today to save a checklist item in');
    const physician = (await signIn(PHYSICIAN)).token;
    const detail = await call<{ items: { itemId: string; status: string }[] }>(runtime.dispatch, 'encounter.get', { encounterId: first.encounter.id }, physician);
    const item = detail.items.find((i) => i.status !== 'checked') ?? detail.items[0]!;
    await call(runtime.dispatch, 'checklist.setItem', { encounterId: first.encounter.id, itemId: item.itemId, status: item.status === 'checked' ? 'unchecked' : 'checked' }, physician);
    const saved = performance.now() - t0;
    await runtime.started;
    const checkDone = performance.now() - t0;
    if (runtime.mode() !== 'ready' || runtime.core() === null) throw new Error(`after the check: ${runtime.mode()}`);
    return { worklist, saved, checkDone, checkedInBackground: background };
  } finally {
    // Stops the start-up backup the passed check began: the bench measures the start, not a backup.
    await runtime.close();
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
  // The background check reads the whole file: a few runs are enough, and at 100k each takes a while.
  const crashRuns = ds.bytes < 2 * 2 ** 30 ? 3 : 1;
  await openOnce(ds);
  const floor: number[] = [];
  const clean: number[] = [];
  const cleanOpen: number[] = [];
  const cleanQuery: number[] = [];
  for (let i = 0; i < cleanRuns; i++) {
    floor.push(floorOnce(ds));
    const r = await openOnce(ds);
    clean.push(r.open + r.firstQuery);
    cleanOpen.push(r.open);
    cleanQuery.push(r.firstQuery);
  }
  const worklist: number[] = [];
  const saved: number[] = [];
  const checkDone: number[] = [];
  let background = true;
  for (let i = 0; i < crashRuns; i++) {
    const r = await crashOnce(ds);
    worklist.push(r.worklist);
    saved.push(r.saved);
    checkDone.push(r.checkDone);
    background &&= r.checkedInBackground;
  }
  const baseline = { label: "floor: open + pragmas + count of today's encounters by index, keyed raw connection", summary: summarize(floor) };
  const cleanBaseline = { label: "clean start: openCore + today's worklist (this run)", summary: summarize(clean) };
  const split = (s: Summary) => `${s.median.toFixed(1)} ms`;
  const gib = (ds.bytes / 2 ** 30).toFixed(2);
  const check = `${crashRuns} run(s); ${background ? 'quick_check in the background' : 'NO background check (file below 64 MB)'} over the ${gib} GiB file, done ${split(summarize(checkDone))} after the start`;
  return [
    { bench: 'open', size: ds.size, label: "clean start: openCore + today's worklist", unit: 'ms', summary: summarize(clean), baseline,
      note: `openCore ${split(summarize(cleanOpen))}, first worklist query ${split(summarize(cleanQuery))} (medians); file ${gib} GiB, no quick_check above 64 MB` },
    { bench: 'open', size: ds.size, label: 'after a crash: start to the first worklist answer (runtime, nurse signs in)', unit: 'ms', summary: summarize(worklist), baseline: cleanBaseline, note: check },
    { bench: 'open', size: ds.size, label: 'after a crash: start to the first saved checklist item (through the side journal)', unit: 'ms', summary: summarize(saved), baseline: cleanBaseline, note: check },
  ];
}
