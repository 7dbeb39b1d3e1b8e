/**
 * Rotating backups, copied with VACUUM INTO (encrypted with the database's key,
 * owner-only). Each backup is written under a temporary name, verified
 * (integrity_check, the source's schema objects all there, same schema version),
 * fsynced, and only then renamed into place, so a crash during a backup never
 * leaves a partial file as the newest backup.
 *
 * At clinic scale a backup is a 12 GB copy (100k patients). None of it may hold
 * the main thread, which serves every click: the copy and the whole-file work
 * (leaving WAL mode, integrity_check, fsync) run on a worker thread with its own
 * read-only connection (db/sqlite-worker.ts). The copy is one read snapshot; in
 * WAL mode the app's connection keeps committing meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openKeyed, type Db } from './connection';
import type { DatabaseKey } from './keys/database-key';
import { ensureOwnerOnlyDir, syncDir } from './owner-only-files';
import { runSqliteJob } from './sqlite-worker';

export const BACKUP_PREFIX = 'proceduredesk-';
export const BACKUP_SUFFIX = '.backup.sqlite';
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
  const copy = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup failed integrity_check: ${String(result)}`);
    return rowCounts(copy);
  } finally {
    copy.close();
  }
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
  while (freeBytes(dir) < needed && older.length > 0) fs.rmSync(older.shift()!.file, { force: true });
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
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  let final = path.join(dir, `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`);
  // Two backups in the same millisecond must not overwrite each other.
  for (let n = 1; fs.existsSync(final); n++) final = path.join(dir, `${BACKUP_PREFIX}${stamp}-${n}${BACKUP_SUFFIX}`);
  const temp = `${final}.tmp`;
  // Backups are queued one at a time, so any temporary file here is what a
  // killed backup left: it goes before free space is measured, not after.
  removeLeftovers(dir);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  ensureRoom(dir, (db.pragma('page_count', { simple: true }) as number) * pageSize, options.freeBytes ?? statfsFree);
  try {
    const sealed = await runSqliteJob({ kind: 'backup', source: db.name, target: temp, key }, options.signal).catch((error: unknown) => {
      throw new Error(`the backup could not be copied (${error instanceof Error ? error.message : String(error)}); it was discarded`);
    });
    if (sealed.check !== 'ok') throw new Error(`the backup failed integrity_check (${sealed.check.slice(0, 200)}); it was discarded`);
    if (sealed.schemaObjects !== sealed.sourceSchemaObjects) {
      throw new Error(`the backup has ${sealed.schemaObjects} schema objects where the database had ${sealed.sourceSchemaObjects}; it was discarded`);
    }
    const liveVersion = db.pragma('user_version', { simple: true }) as number;
    if (sealed.userVersion !== liveVersion) throw new Error(`the backup is at schema ${sealed.userVersion}, the database at ${liveVersion}; it was discarded`);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.renameSync(temp, final);
  syncDir(dir);
  pruneBackups(dir, options.generations ?? DEFAULT_GENERATIONS);
  return { file: final, createdAt: stamp, bytes: fs.statSync(final).size };
}

/** Finished backups, newest first. Temporary files are never listed. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(BACKUP_PREFIX) && f.endsWith(BACKUP_SUFFIX))
    .sort()
    .reverse()
    .map((f) => ({ file: path.join(dir, f), createdAt: f.slice(BACKUP_PREFIX.length, -BACKUP_SUFFIX.length), bytes: fs.statSync(path.join(dir, f)).size }));
}

function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(old.file, { force: true });
}

/** Removes the temporary files of a backup that was killed midway (as large as the database). */
export function removeLeftovers(dir: string): void {
  for (const f of fs.readdirSync(dir)) if (/\.backup\.sqlite\.tmp(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
}
