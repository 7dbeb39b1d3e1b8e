/**
 * Whole-file SQLite work on a worker thread. A backup and its integrity_check,
 * and quick_check after a crash, read every page of the file: minutes at clinic
 * scale (12 GB at 100k patients). On the main thread they held every call, a
 * checklist click included, for that long. Here each job opens its own
 * connection on a worker thread, so the main thread keeps serving the app.
 *
 * The worker is plain JavaScript passed as a string (`eval: true`) that loads
 * the SQLite driver from the path the main thread resolved. So there is no second
 * entry file for esbuild, Vitest, the loopback host and the packaged Electron
 * app to agree on: the same code runs in all four. Every connection it opens
 * first runs the key pragmas the main thread made (db/connection.ts cipherPragmas).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cipherPragmas } from './connection';
import type { DatabaseKey } from './keys/database-key';

export type SqliteJob = (
  /**
   * A backup of `source` (the live file) into `target`: VACUUM INTO through a
   * read-only connection of the worker's own, so the copy is one read snapshot
   * (WAL lets the app's connection commit meanwhile), encrypted with the same key
   * (SQLite's page-copying backup API cannot copy an encrypted database); then
   * made one self-contained file, checked page by page, and fsynced.
   */
  | { kind: 'backup'; source: string; target: string }
  /** Any database file, read-only: integrity_check (backups) or quick_check (after a crash). */
  | { kind: 'check'; file: string; check: 'integrity_check' | 'quick_check' }
) & {
  /** The database key; null only for an older install's unencrypted file, before it is encrypted. */
  key: DatabaseKey | null;
};

export interface SqliteCheckResult {
  /** 'ok', or the first problem SQLite reported. */
  check: string;
  /** The schema's objects (tables, indexes, triggers, views); for a backup, also the source's as it was copied. */
  schemaObjects: number;
  sourceSchemaObjects?: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
}

const WORKER_SOURCE = `
'use strict';
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const job = workerData.job;

function open(file, options) {
  const db = new Database(file, options);
  try {
    for (const pragma of workerData.pragmas) db.pragma(pragma);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const schemaObjects = (db) => db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();

function inspect(db, check) {
  return {
    check: String(db.pragma(check, { simple: true })),
    schemaObjects: schemaObjects(db),
    pageCount: db.pragma('page_count', { simple: true }),
    userVersion: db.pragma('user_version', { simple: true }),
    applicationId: db.pragma('application_id', { simple: true }),
  };
}

async function run() {
  if (job.kind === 'backup') {
    const source = open(job.source, { readonly: true, fileMustExist: true });
    let sourceSchemaObjects;
    try {
      // A new, empty, owner-only file for VACUUM INTO to fill (umask plays no part).
      fs.closeSync(fs.openSync(job.target, 'wx', 0o600));
      if (process.platform !== 'win32') fs.chmodSync(job.target, 0o600);
      source.prepare('VACUUM INTO ?').run(job.target);
      sourceSchemaObjects = schemaObjects(source);
    } finally {
      source.close();
    }
    const db = open(job.target, { fileMustExist: true });
    let result;
    try {
      // The copy inherits WAL mode from the live file; make it one file, no -wal/-shm beside it.
      const mode = db.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new Error('could not take the backup out of WAL mode (got ' + mode + ')');
      result = inspect(db, 'integrity_check');
    } finally {
      db.close();
    }
    const fd = fs.openSync(job.target, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    return Object.assign(result, { sourceSchemaObjects });
  }
  const db = open(job.file, { readonly: true, fileMustExist: true });
  try { return inspect(db, job.check); } finally { db.close(); }
}

run().then(
  (value) => parentPort.postMessage({ ok: true, value }),
  (error) => parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) }),
);
`;

/**
 * The SQLite driver as the worker must load it. In the packaged app the module sits
 * in app.asar with its files also unpacked beside it (electron-builder.yml
 * asarUnpack); a worker thread loads the unpacked copy, which needs no asar support.
 */
function driverPath(): string {
  const resolved = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const unpacked = resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== resolved && fs.existsSync(unpacked) ? unpacked : resolved;
}

/**
 * Runs one job on its own worker thread; rejects with the worker's error. An
 * aborted job's thread is stopped, and the promise settles only once it has
 * exited with its connection closed, so the app's connection can then close
 * last (and checkpoint) as after any clean run.
 */
export function runSqliteJob(job: SqliteJob, signal?: AbortSignal): Promise<SqliteCheckResult> {
  const { key, ...plain } = job;
  return runWorker<SqliteCheckResult>(WORKER_SOURCE, plain, key, signal);
}

/**
 * Runs worker `source` (plain JavaScript; it reads workerData.driver, .job and
 * .pragmas, and posts {ok, value} or {ok: false, message}) on its own thread.
 * Also used by the page store's snapshot (db/backup-store/page-worker.ts).
 */
export function runWorker<T>(source: string, job: object, key: DatabaseKey | null, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('stopped before it began'));
      return;
    }
    const workerData = { driver: driverPath(), job, pragmas: key ? cipherPragmas(key) : [] };
    const worker = new Worker(source, { eval: true, workerData });
    let settled = false;
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      // Settles once the thread has exited and its connection is closed: a long native step
      // (a backup's copy) finishes first, so the app's own close comes after it.
      void worker.terminate().finally(() => reject(new Error('stopped: the app is closing')));
    }, { once: true });
    worker.once('message', (message: { ok: true; value: T } | { ok: false; message: string }) => {
      if (settled) return;
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(new Error(message.message));
    });
    worker.once('error', (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the database check stopped before answering (exit code ${code})`));
    });
  });
}
