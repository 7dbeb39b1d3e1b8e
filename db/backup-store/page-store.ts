/**
 * Backups as a content-addressed page store: a generation is a manifest naming
 * each page by its identity, plus one pack file holding only the pages that
 * changed since the previous generation (a page is named by the end of its own
 * SQLCipher HMAC, so finding the changed ones reads the file but hashes nothing). The pages are the database file's own
 * ciphertext (SQLCipher, the database key), so the store is as encrypted as the
 * database and never holds a plaintext page. A day's work rewrites a few
 * thousand pages; the rest of the file costs nothing again.
 *
 * Crash safety: the pack is written and fsynced first, the manifest last (under
 * a temporary name, fsynced, renamed, directory fsynced). A crash leaves at most
 * an unreferenced pack, removed at the next backup; never a partial generation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../connection';
import type { DatabaseKey } from '../keys/database-key';
import { ensureOwnerOnlyDir, syncDir, writeOwnerOnlyFileDurably } from '../owner-only-files';
import { runSqliteJob, type SqliteCheckResult } from '../sqlite-worker';
import { decodeManifest, encodeManifest, ManifestError, peekHeader, type Manifest } from './manifest';
import { snapshotPages } from './page-worker';

export const MANIFEST_PREFIX = 'proceduredesk-';
export const MANIFEST_SUFFIX = '.backup.manifest';
const PAGES_DIR = 'pages';
/** A pack whose pages the newest generation still uses less than this share of is not referenced again: its live pages are copied into the new pack, so it can go when older generations rotate out. */
const SPARSE_PACK = 0.5;
export const STORE_GENERATIONS = 10;

export interface GenerationInfo {
  file: string;
  createdAt: string;
  /** Bytes this generation added to the store (new pages and manifest). */
  bytes: number;
  /** Size of the database it restores to. */
  databaseBytes: number;
  newPages: number;
  pageCount: number;
}

/** Free space is the caller's to check (db/backup.ts: the live file's size and a reserve). */
export interface GenerationOptions {
  now?: Date;
  generations?: number;
  signal?: AbortSignal;
}

const packPath = (dir: string, name: string) => path.join(dir, PAGES_DIR, name);

/** Finished generations, newest first; a manifest that is not one of ours is not listed. */
export function listGenerations(dir: string): GenerationInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(MANIFEST_PREFIX) && f.endsWith(MANIFEST_SUFFIX))
    .sort()
    .reverse()
    .flatMap((f) => {
      const file = path.join(dir, f);
      const data = fs.readFileSync(file);
      const header = peekHeader(data);
      if (!header) return [];
      return [{ file, createdAt: header.createdAt, bytes: header.newBytes + data.length, databaseBytes: header.pageCount * header.pageSize, newPages: 0, pageCount: header.pageCount }];
    });
}

export function readManifest(file: string, key: DatabaseKey): Manifest {
  return decodeManifest(fs.readFileSync(file), key);
}

/** Which of the previous generation's pages may be referenced again: those whose pack it still uses at least half of. */
function reusableMask(dir: string, previous: Manifest): Uint8Array {
  const live = new Map<number, number>();
  for (const p of previous.packOf) live.set(p, (live.get(p) ?? 0) + 1);
  const dense = previous.header.packs.map((name, i) => {
    const pages = fs.statSync(packPath(dir, name)).size / previous.header.pageSize;
    return (live.get(i) ?? 0) >= SPARSE_PACK * pages;
  });
  return Uint8Array.from(previous.packOf, (p) => (dense[p] ? 1 : 0));
}

export async function createGeneration(db: Db, key: DatabaseKey, dir: string, options: GenerationOptions = {}): Promise<GenerationInfo> {
  ensureOwnerOnlyDir(dir);
  ensureOwnerOnlyDir(path.join(dir, PAGES_DIR));
  removeUnreferenced(dir);
  const createdAt = (options.now ?? new Date()).toISOString();
  const stamp = createdAt.replace(/[:.]/g, '-');
  let base = `${MANIFEST_PREFIX}${stamp}`;
  for (let n = 1; fs.existsSync(path.join(dir, `${base}${MANIFEST_SUFFIX}`)); n++) base = `${MANIFEST_PREFIX}${stamp}-${n}`;
  const newest = listGenerations(dir)[0];
  const previous = newest ? readManifest(newest.file, key) : null;
  const packName = `${base}.pages`;
  const snap = await snapshotPages(
    { source: db.name, pack: packPath(dir, packName), previous: previous?.hashes ?? Buffer.alloc(0), reusable: previous ? reusableMask(dir, previous) : new Uint8Array(0), key },
    options.signal,
  ).catch((error: unknown) => {
    fs.rmSync(packPath(dir, packName), { force: true });
    throw new Error(`the backup could not be taken (${error instanceof Error ? error.message : String(error)}); it was discarded`);
  });
  const packs = previous ? [...previous.header.packs] : [];
  const newPack = packs.push(packName) - 1;
  const packOf = new Uint16Array(snap.pageCount);
  const slotOf = new Uint32Array(snap.pageCount);
  for (let i = 0; i < snap.pageCount; i++) {
    if (snap.slots[i]! >= 0) [packOf[i], slotOf[i]] = [newPack, snap.slots[i]!];
    else [packOf[i], slotOf[i]] = [previous!.packOf[i]!, previous!.slotOf[i]!];
  }
  const used = new Set(packOf);
  const keep = packs.map((_, i) => used.has(i));
  const renumber = packs.map((_, i) => keep.slice(0, i).filter(Boolean).length);
  for (let i = 0; i < packOf.length; i++) packOf[i] = renumber[packOf[i]!]!;
  const manifest: Manifest = {
    header: {
      format: 1, createdAt, pageSize: snap.pageSize, pageCount: snap.pageCount, userVersion: snap.userVersion, applicationId: snap.applicationId,
      schemaObjects: snap.schemaObjects, packs: packs.filter((_, i) => keep[i]), newBytes: snap.newPages * snap.pageSize,
    },
    hashes: Buffer.from(snap.hashes.buffer, snap.hashes.byteOffset, snap.hashes.byteLength),
    packOf,
    slotOf,
  };
  if (!keep[newPack]) fs.rmSync(packPath(dir, packName), { force: true });
  syncDir(path.join(dir, PAGES_DIR));
  const file = path.join(dir, `${base}${MANIFEST_SUFFIX}`);
  const data = encodeManifest(manifest, key);
  // Written under a temporary name, fsynced, renamed, directory fsynced: the manifest is the commit.
  writeOwnerOnlyFileDurably(`${file}.tmp`, data);
  fs.renameSync(`${file}.tmp`, file);
  syncDir(dir);
  prune(dir, options.generations ?? STORE_GENERATIONS);
  return { file, createdAt, bytes: manifest.header.newBytes + data.length, databaseBytes: snap.pageCount * snap.pageSize, newPages: snap.newPages, pageCount: snap.pageCount };
}

/** Keeps the newest `keep` generations and removes every pack none of them references. */
export function prune(dir: string, keep: number): void {
  for (const old of listGenerations(dir).slice(keep)) fs.rmSync(old.file, { force: true });
  removeUnreferenced(dir);
}

export function removeUnreferenced(dir: string): void {
  const pages = path.join(dir, PAGES_DIR);
  if (!fs.existsSync(pages)) return;
  for (const f of fs.readdirSync(dir)) if (f.endsWith(`${MANIFEST_SUFFIX}.tmp`)) fs.rmSync(path.join(dir, f), { force: true });
  const referenced = new Set(listGenerations(dir).flatMap((g) => peekHeader(fs.readFileSync(g.file))?.packs ?? []));
  for (const f of fs.readdirSync(pages)) if (!referenced.has(f)) fs.rmSync(path.join(pages, f), { force: true });
}

/**
 * Writes the generation's pages in order into `target` (a new owner-only file),
 * checking each page's identity against the authenticated manifest, and
 * fsyncs it. The result is the database file as it was, encrypted as it was.
 */
export function restoreGeneration(manifestFile: string, key: DatabaseKey, target: string): Manifest {
  const dir = path.dirname(manifestFile);
  const m = readManifest(manifestFile, key);
  const { pageSize, pageCount, packs } = m.header;
  const fds = packs.map((name) => fs.openSync(packPath(dir, name), 'r'));
  const out = fs.openSync(target, 'wx', 0o600);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(out, 0o600);
    const chunkPages = Math.max(1, Math.floor((4 << 20) / pageSize));
    const buf = Buffer.alloc(chunkPages * pageSize);
    for (let first = 0; first < pageCount; first += chunkPages) {
      const n = Math.min(chunkPages, pageCount - first);
      for (let i = 0; i < n; i++) {
        const pgno = first + i;
        const page = buf.subarray(i * pageSize, (i + 1) * pageSize);
        const got = fs.readSync(fds[m.packOf[pgno]!]!, page, 0, pageSize, m.slotOf[pgno]! * pageSize);
        // The identity names the right version of the page; its body is checked by SQLCipher's HMAC when read (verifyGeneration).
        if (got !== pageSize || !page.subarray(pageSize - 32).equals(m.hashes.subarray(pgno * 32, pgno * 32 + 32))) {
          throw new ManifestError(`page ${pgno + 1} in ${packs[m.packOf[pgno]!]} is missing or is not the version the manifest names`);
        }
      }
      fs.writeSync(out, buf, 0, n * pageSize);
    }
    fs.fsyncSync(out);
    return m;
  } catch (error) {
    fs.closeSync(out);
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    for (const fd of fds) fs.closeSync(fd);
    try { fs.closeSync(out); } catch { /* closed above */ }
  }
}

/**
 * Verifies a generation end to end: every page against its identity, then the
 * restored file's integrity_check (which also checks every page's SQLCipher
 * HMAC) and its schema, on a worker thread. The restored copy is ciphertext and
 * removed afterwards.
 */
export async function verifyGeneration(manifestFile: string, key: DatabaseKey): Promise<SqliteCheckResult> {
  const temp = `${manifestFile}.verify.sqlite`;
  fs.rmSync(temp, { force: true });
  try {
    const m = restoreGeneration(manifestFile, key, temp);
    const result = await runSqliteJob({ kind: 'check', file: temp, check: 'integrity_check', key });
    if (result.check !== 'ok') throw new ManifestError(`the restored generation failed integrity_check: ${result.check.slice(0, 200)}`);
    if (result.schemaObjects !== m.header.schemaObjects || result.userVersion !== m.header.userVersion) {
      throw new ManifestError(`the restored generation has ${result.schemaObjects} schema objects at schema ${result.userVersion}; the manifest says ${m.header.schemaObjects} at ${m.header.userVersion}`);
    }
    return result;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
