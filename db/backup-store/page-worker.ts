/**
 * Reads one consistent snapshot of the live database's pages, as the ciphertext
 * already on disk, on a worker thread (12 GB at 100k patients must not hold the
 * main thread). No page is decrypted or re-encrypted: SQLCipher encrypts every
 * page with its own random IV and HMAC, so the raw pages written in order are a
 * valid file under the same key, and an unchanged page keeps the same bytes.
 *
 * Consistency: in WAL mode newer pages may sit in the -wal. The worker holds a
 * read transaction (connection A), then runs a PASSIVE checkpoint on a second
 * connection (B). A checkpoint never copies a frame past the read mark of a
 * reader that holds it, so if B reports every WAL frame checkpointed, none is
 * newer than A's snapshot: the main file is exactly A's snapshot, and stays so
 * while A is open. Otherwise A ends and the worker tries again.
 *
 * Damage: every page the generation stores anew is checked against its SQLCipher
 * HMAC (SQLCipher 4: HMAC-SHA512 over the ciphertext, IV and page number, under
 * a key derived from the database key and the file's salt). A damaged page is
 * refused, not backed up; unchanged pages were checked when first stored.
 */
import { runWorker } from '../sqlite-worker';
import type { DatabaseKey } from '../keys/database-key';

export interface SnapshotJob {
  source: string;
  /** The new pack file: pages of this snapshot not in the previous generation, appended in page order. */
  pack: string;
  /** 32 bytes per page of the previous generation (each page's identity), by page number; empty for the first. */
  previous: Buffer;
  /** 1 where the previous generation's copy of a page may be referenced again (its pack is not sparse). */
  reusable: Uint8Array;
  key: DatabaseKey;
}

export interface SnapshotResult {
  pageSize: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
  schemaObjects: number;
  /** Each page's identity (the last 32 bytes of its SQLCipher HMAC), by page number. */
  hashes: Uint8Array;
  /** Each page's slot in the new pack, or -1 where the previous generation's copy is referenced. */
  slots: Int32Array;
  newPages: number;
  attempts: number;
}

const SOURCE = `
'use strict';
const fs = require('node:fs');
const crypto = require('node:crypto');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const job = workerData.job;
const ATTEMPTS = 50;

function open(file, options) {
  const db = new Database(file, options);
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.pragma('busy_timeout = 5000');
  return db;
}

function pinSnapshot(reader, checkpointer) {
  // Out of WAL mode (an older file, a test's), the reader's shared lock keeps every writer off the file: it is the snapshot.
  const wal = String(reader.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    checkpointer.pragma('wal_checkpoint(PASSIVE)');
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    const [r] = checkpointer.pragma('wal_checkpoint(PASSIVE)');
    // busy, or -1/-1: the checkpoint did not run (another one, such as the app's own automatic
    // checkpoint, holds the checkpoint lock and may be copying frames into the file right now);
    // the counts then say nothing, so this is not a pinned snapshot. Only a checkpoint that ran
    // and left no frame behind is. (Accepting -1 === -1 let a generation mix two states.)
    if (r.busy === 0 && (wal ? r.log >= 0 && r.log === r.checkpointed : true)) return attempt;
    reader.exec('COMMIT');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
  }
  throw new Error('the database was never quiet long enough for a consistent snapshot (' + ATTEMPTS + ' tries)');
}

// SQLCipher 4 page layout: 16-byte IV then 64-byte HMAC-SHA512 at the end of each page; page 1 starts after the 16-byte salt.
const HMAC_BYTES = 64;
const SALT_BYTES = 16;
function hmacChecker(rawKey, fd, pageSize) {
  const salt = Buffer.alloc(SALT_BYTES);
  fs.readSync(fd, salt, 0, SALT_BYTES, 0);
  const hmacKey = crypto.pbkdf2Sync(rawKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const pgnoBytes = Buffer.alloc(4);
  return (page, pgno) => {
    pgnoBytes.writeUInt32LE(pgno);
    const mac = crypto.createHmac('sha512', hmacKey).update(page.subarray(pgno === 1 ? SALT_BYTES : 0, pageSize - HMAC_BYTES)).update(pgnoBytes).digest();
    if (!mac.equals(page.subarray(pageSize - HMAC_BYTES))) throw new Error('page ' + pgno + ' of the database is damaged (its SQLCipher HMAC does not match)');
  };
}

function run() {
  const reader = open(job.source, { readonly: true, fileMustExist: true });
  const checkpointer = open(job.source, { fileMustExist: true });
  let packFd = -1;
  try {
    const attempts = pinSnapshot(reader, checkpointer);
    const pageSize = reader.pragma('page_size', { simple: true });
    const pageCount = reader.pragma('page_count', { simple: true });
    const meta = {
      pageSize, pageCount, attempts,
      userVersion: reader.pragma('user_version', { simple: true }),
      applicationId: reader.pragma('application_id', { simple: true }),
      schemaObjects: reader.prepare('SELECT count(*) FROM sqlite_master').pluck().get(),
    };
    const hashes = new Uint8Array(pageCount * 32);
    const slots = new Int32Array(pageCount).fill(-1);
    const previous = Buffer.from(job.previous.buffer, job.previous.byteOffset, job.previous.byteLength);
    packFd = fs.openSync(job.pack, 'wx', 0o600);
    if (process.platform !== 'win32') fs.fchmodSync(packFd, 0o600);
    const fd = fs.openSync(job.source, 'r');
    const lockBytePage = Math.floor(0x40000000 / pageSize) + 1;
    const checkPage = hmacChecker(Buffer.from(job.rawKey, 'hex'), fd, pageSize);
    const chunkPages = Math.max(1, Math.floor((4 << 20) / pageSize));
    const chunk = Buffer.alloc(chunkPages * pageSize);
    const out = Buffer.alloc(chunk.length);
    let newPages = 0;
    try {
      for (let first = 0; first < pageCount; first += chunkPages) {
        const n = Math.min(chunkPages, pageCount - first);
        const got = fs.readSync(fd, chunk, 0, n * pageSize, first * pageSize);
        if (got !== n * pageSize) throw new Error('the database file ended at page ' + (first + got / pageSize) + ' of ' + pageCount);
        let outBytes = 0;
        for (let i = 0; i < n; i++) {
          const page = chunk.subarray(i * pageSize, (i + 1) * pageSize);
          const pgno = first + i;
          // The page's identity: the last 32 bytes of its SQLCipher HMAC (keyed, over content, IV and page
          // number; a rewrite draws a new IV). Comparing it costs nothing; hashing every page cost most of the time.
          const hash = page.subarray(pageSize - 32);
          hashes.set(hash, pgno * 32);
          const same = job.reusable[pgno] === 1 && previous.length >= (pgno + 1) * 32 && previous.compare(hash, 0, 32, pgno * 32, pgno * 32 + 32) === 0;
          if (same) continue;
          // SQLite never writes the page holding the lock bytes at 1 GiB: it carries no HMAC.
          if (pgno + 1 !== lockBytePage) checkPage(page, pgno + 1);
          page.copy(out, outBytes);
          outBytes += pageSize;
          slots[pgno] = newPages++;
        }
        if (outBytes > 0) fs.writeSync(packFd, out, 0, outBytes);
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.fsyncSync(packFd);
    return Object.assign(meta, { hashes, slots, newPages });
  } finally {
    if (packFd >= 0) fs.closeSync(packFd);
    if (reader.inTransaction) reader.exec('COMMIT');
    reader.close();
    checkpointer.close();
  }
}

try {
  parentPort.postMessage({ ok: true, value: run() });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
}
`;

/** Snapshots the pages and writes the changed ones to `job.pack` (fsynced); rejects with the worker's error. */
export function snapshotPages(job: SnapshotJob, signal?: AbortSignal): Promise<SnapshotResult> {
  const { key, ...plain } = job;
  // The worker checks each new page's HMAC itself, so it needs the raw key (it already has it in its key pragma).
  const rawKey = /^x'([0-9a-f]{64})'$/i.exec(key.sqlLiteral())![1]!;
  return runWorker<SnapshotResult>(SOURCE, { ...plain, rawKey }, key, signal);
}
