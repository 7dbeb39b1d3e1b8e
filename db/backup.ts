/**
 * Rotating backups through SQLite's online backup API. Each backup is written
 * under a temporary name, verified (opens, integrity_check ok, row counts
 * match the source), fsynced, and only then renamed into place, so a crash
 * during a backup never leaves a partial file as the newest backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './connection';

export const BACKUP_PREFIX = 'proceduredesk-';
export const BACKUP_SUFFIX = '.backup.sqlite';
export const DEFAULT_GENERATIONS = 10;

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks a backup file on its own: opens read-only, integrity_check, and returns its row counts. */
export function verifyBackupFile(file: string): Record<string, number> {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup failed integrity_check: ${String(result)}`);
    return rowCounts(copy);
  } finally {
    copy.close();
  }
}

export async function createBackup(db: Db, dir: string, options: { now?: Date; generations?: number } = {}): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  let final = path.join(dir, `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`);
  // Two backups in the same millisecond must not overwrite each other.
  for (let n = 1; fs.existsSync(final); n++) final = path.join(dir, `${BACKUP_PREFIX}${stamp}-${n}${BACKUP_SUFFIX}`);
  const temp = `${final}.tmp`;
  fs.rmSync(temp, { force: true });
  // Counts read at the same moment as the copy would be ideal; the backup API folds in
  // this connection's own writes, and nothing else writes, so they match at the end.
  await db.backup(temp);
  // The copy inherits WAL mode; make it one self-contained file (no -wal/-shm beside it).
  const standalone = new Database(temp);
  standalone.pragma('journal_mode = DELETE');
  standalone.close();
  const expected = rowCounts(db);
  const actual = verifyBackupFile(temp);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fs.rmSync(temp, { force: true });
    throw new Error('backup row counts differ from the database; the backup was discarded');
  }
  fsyncPath(temp);
  fs.renameSync(temp, final);
  fsyncPath(dir);
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
  // Leftovers of a backup that was killed midway.
  for (const f of fs.readdirSync(dir)) if (/\.backup\.sqlite\.tmp(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
}
