/**
 * Rotating backups. Each generation is a page-store generation
 * (db/backup-store/page-store.ts): the database file's own encrypted pages of
 * one read snapshot, of which only those changed since the previous generation
 * are written again, each new one checked against its SQLCipher HMAC; a
 * manifest (HMAC'd, fsynced, renamed into place last) names them all. A crash
 * during a backup never leaves a partial generation as the newest.
 *
 * Full copies (`.backup.sqlite`: an older version's backups, and the copy taken
 * before an older install's file is encrypted, db/encrypt-existing.ts) are
 * still listed, restored and rotated out like any generation.
 *
 * The whole-file work runs on a worker thread with its own connections
 * (db/backup-store/page-worker.ts); the main thread keeps serving the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openKeyed, type Db } from './connection';
import type { DatabaseKey } from './keys/database-key';
import { ensureOwnerOnlyDir } from './owner-only-files';
import { createGeneration, listGenerations, MANIFEST_SUFFIX, prune as pruneStore, restoreGeneration } from './backup-store/page-store';

export const BACKUP_PREFIX = 'proceduredesk-';
/** A full copy (older versions; before encrypting an older install). */
export const BACKUP_SUFFIX = '.backup.sqlite';
/** A page-store generation. */
export const GENERATION_SUFFIX = MANIFEST_SUFFIX;
export const DEFAULT_GENERATIONS = 10;
/** Short of space, older generations give way for a new one, but never these newest. */
export const MIN_GENERATIONS = 2;
/** Left free after a backup, so the live database can still grow: a backup must never fill the disk. */
export const FREE_SPACE_RESERVE_BYTES = 512 * 2 ** 20;

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

export interface BackupOptions {
  now?: Date;
  generations?: number;
  /** Free bytes on the backup volume; tests inject a small disk. */
  freeBytes?: (dir: string) => number;
  /** Stops the copy (the app is closing); nothing is left but the temporary file, removed at the next backup. */
  signal?: AbortSignal;
}

/** Rows in each table: a copy that holds the same data has the same counts. */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/**
 * Checks a backup file on its own, synchronously: opens read-only with the key,
 * integrity_check, and returns its row counts. For tests and tools; the app
 * checks on a worker thread.
 */
export function verifyBackupFile(file: string, key: DatabaseKey): Record<string, number> {
  const restored = file.endsWith(GENERATION_SUFFIX) ? `${file}.verify.sqlite` : null;
  if (restored) {
    fs.rmSync(restored, { force: true });
    restoreGeneration(file, key, restored);
  }
  try {
    const copy = openKeyed(restored ?? file, key, { readonly: true, fileMustExist: true });
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`backup failed integrity_check: ${String(result)}`);
      return rowCounts(copy);
    } finally {
      copy.close();
    }
  } finally {
    if (restored) fs.rmSync(restored, { force: true });
  }
}

/**
 * The backup named `name` as one SQLite file: a full copy is itself; a
 * generation is restored into `target` (every page checked against the
 * manifest) and `target` is returned. The caller removes `target`.
 */
export function backupAsFile(dir: string, name: string, key: DatabaseKey, target: string): string {
  const file = path.join(dir, name);
  if (!name.endsWith(GENERATION_SUFFIX)) return file;
  fs.rmSync(target, { force: true });
  restoreGeneration(file, key, target);
  return target;
}

const statfsFree = (dir: string): number => {
  const stat = fs.statfsSync(dir);
  return stat.bavail * stat.bsize;
};

/**
 * Makes room for a backup of `bytes`: if the volume is short, the oldest backups
 * beyond the newest MIN_GENERATIONS are removed; if it is still short, nothing is
 * written and the error says how much is missing (the database itself is untouched).
 */
function ensureRoom(dir: string, bytes: number, freeBytes: (dir: string) => number): void {
  const needed = bytes + FREE_SPACE_RESERVE_BYTES;
  const older = listBackups(dir).slice(MIN_GENERATIONS).reverse();
  while (freeBytes(dir) < needed && older.length > 0) removeBackup(dir, older.shift()!);
  const free = freeBytes(dir);
  if (free < needed) {
    const mib = (n: number) => `${Math.ceil(n / 2 ** 20)} MiB`;
    throw new Error(
      `not enough free disk space for a backup: it needs ${mib(needed)} (the database plus ${mib(FREE_SPACE_RESERVE_BYTES)} kept free), ` +
        `and ${mib(free)} is free in ${dir}. No backup was taken; the database is unchanged.`,
    );
  }
}

export async function createBackup(db: Db, key: DatabaseKey, dir: string, options: BackupOptions = {}): Promise<BackupInfo> {
  ensureOwnerOnlyDir(dir);
  // Backups are queued one at a time, so any temporary file here is what a
  // killed backup left: it goes before free space is measured, not after.
  removeLeftovers(dir);
  // The most a generation can add is every page (the first one, or a file rewritten by VACUUM).
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  ensureRoom(dir, (db.pragma('page_count', { simple: true }) as number) * pageSize, options.freeBytes ?? statfsFree);
  const g = await createGeneration(db, key, dir, { ...(options.now ? { now: options.now } : {}), generations: Number.MAX_SAFE_INTEGER, ...(options.signal ? { signal: options.signal } : {}) });
  pruneBackups(dir, options.generations ?? DEFAULT_GENERATIONS);
  return { file: g.file, createdAt: stampOf(path.basename(g.file)), bytes: g.databaseBytes };
}

const stampOf = (name: string) => name.slice(BACKUP_PREFIX.length, name.endsWith(GENERATION_SUFFIX) ? -GENERATION_SUFFIX.length : -BACKUP_SUFFIX.length);

function removeBackup(dir: string, backup: BackupInfo): void {
  fs.rmSync(backup.file, { force: true });
  // The packs only that generation used go with it.
  if (backup.file.endsWith(GENERATION_SUFFIX)) pruneStore(dir, Number.MAX_SAFE_INTEGER);
}

/** Finished backups (generations and full copies), newest first, each with the size of the database it restores. Temporary files are never listed. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const copies = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(BACKUP_PREFIX) && f.endsWith(BACKUP_SUFFIX))
    .map((f) => ({ file: path.join(dir, f), createdAt: stampOf(f), bytes: fs.statSync(path.join(dir, f)).size }));
  const generations = listGenerations(dir).map((g) => ({ file: g.file, createdAt: stampOf(path.basename(g.file)), bytes: g.databaseBytes }));
  return [...copies, ...generations].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(old.file, { force: true });
  pruneStore(dir, Number.MAX_SAFE_INTEGER);
}

/** Removes the temporary files of a backup that was killed midway (as large as the database). */
export function removeLeftovers(dir: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (/\.backup\.sqlite\.tmp(-wal|-shm|-journal)?$|\.backup\.manifest\.(tmp|verify\.sqlite|restore\.sqlite)(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  }
  // A pack a killed backup wrote but no manifest names.
  pruneStore(dir, Number.MAX_SAFE_INTEGER);
}
