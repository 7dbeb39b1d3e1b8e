/**
 * What migration 024 leaves to do after a start (issue 21 point 1): signed
 * notes still stored as text are compressed, and the checklists of encounters
 * closed since the last start are packed. On a clinic's first start after the
 * upgrade that is every note and every closed encounter (minutes at 10k
 * patients), so it runs in the background on the core's own connection: a
 * step every STEP_INTERVAL_MS does small batches, each one immediate
 * transaction, until its time budget is spent. Each batch commits whole, so a
 * stop or a close anywhere leaves a file that reads the same (the repositories
 * read both forms) and the next start resumes. On a compact file a step is a
 * read of two near-empty indexes.
 */
import { checklistPacker } from './checklist-archive';
import type { Db } from './connection';
import { noteCompactor } from './note-storage';

/**
 * Rows per transaction. Measured on a generated 10k set written as before 024 (28,479 notes, 1.9 M
 * checklist rows; 60 batches each, 2-core machine under load): 50 notes 16 ms median, 54 ms p90; 10
 * encounters 15 ms median, 49 ms p90 (20 encounters: 25 ms, 66 ms). The tail is the commit's fsync.
 */
export const NOTE_BATCH = 50;
export const ENCOUNTER_BATCH = 10;
/** Main-thread time one step may take before it yields; a batch started is finished. */
export const STEP_BUDGET_MS = 50;
export const STEP_INTERVAL_MS = 200;

export interface CompactionStep {
  notes: number;
  checklists: number;
  /** False once a batch of each kind came back short: nothing left to do (until an encounter closes). */
  remaining: boolean;
}

export type StorageCompactor = (now: string, budgetMs?: number) => CompactionStep;

/** A step function over `db`, its statements prepared once. */
export function createStorageCompactor(db: Db): StorageCompactor {
  const notes = noteCompactor(db);
  const checklists = checklistPacker(db);
  return (now, budgetMs = STEP_BUDGET_MS) => {
    const started = performance.now();
    const step: CompactionStep = { notes: 0, checklists: 0, remaining: true };
    let notesLeft = true;
    while (performance.now() - started < budgetMs) {
      if (notesLeft) {
        const n = notes(NOTE_BATCH);
        step.notes += n;
        notesLeft = n === NOTE_BATCH;
      } else {
        const n = checklists(now, ENCOUNTER_BATCH);
        step.checklists += n;
        if (n < ENCOUNTER_BATCH) {
          step.remaining = false;
          break;
        }
      }
    }
    return step;
  };
}

function logTotals(totals: { notes: number; checklists: number }, log: (line: string) => void): void {
  if (totals.notes) log(`${totals.notes} signed notes stored compressed (migration 024)`);
  if (totals.checklists) log(`${totals.checklists} closed encounters' checklists packed (migration 024)`);
}

/** All of it at once, synchronously: for benchmarks and tests that need the end state. */
export function compactStorageNow(db: Db, now: string, log: (line: string) => void): { notes: number; checklists: number } {
  const step = createStorageCompactor(db);
  const totals = { notes: 0, checklists: 0 };
  for (let s = step(now, Infinity); ; s = step(now, Infinity)) {
    totals.notes += s.notes;
    totals.checklists += s.checklists;
    if (!s.remaining) break;
  }
  logTotals(totals, log);
  return totals;
}

export interface BackgroundCompaction {
  /** No step runs after this returns; core.close() calls it before closing the connection. */
  cancel(): void;
}

/**
 * Runs the steps on timers, the first after the caller has returned (openCore returns the core
 * before any of it), and logs the totals when nothing is left. Each step is its own transaction on
 * the same connection as the handlers, and JavaScript runs one at a time, so a step never
 * interleaves with a write: an encounter discharged meanwhile is packed by a later step, or at the
 * next start if the steps had already finished. A step that finds a transaction open (a handler
 * awaiting inside one) waits for the next tick rather than nest inside it.
 */
export function scheduleStorageCompaction(db: Db, now: () => string, log: (line: string) => void, intervalMs = STEP_INTERVAL_MS): BackgroundCompaction {
  const step = createStorageCompactor(db);
  const totals = { notes: 0, checklists: 0 };
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;
  const next = () => {
    timer = setTimeout(run, intervalMs);
    // A pending step never keeps a process alive (a script that opens a core and ends).
    timer.unref();
  };
  const run = () => {
    timer = null;
    if (cancelled || !db.open) return;
    if (db.inTransaction) return next();
    try {
      const s = step(now());
      totals.notes += s.notes;
      totals.checklists += s.checklists;
      if (s.remaining) return next();
      logTotals(totals, log);
    } catch (error) {
      // Nothing half-written: the failed batch rolled back. The next start tries again.
      log(`storage compaction stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  next();
  return {
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
