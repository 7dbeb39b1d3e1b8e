/**
 * Owner-only files and folders (0600/0700 on POSIX) for everything the app
 * writes: the database and its -wal/-shm, backups, quarantined copies, temporary
 * files, outbox files, markers and keys. Modes are set explicitly, never left to
 * the process umask, and existing ones are tightened at start-up. Windows keeps
 * per-user ACLs on the profile folders and has no POSIX modes: nothing to do there.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const POSIX = process.platform !== 'win32';

/** Creates the folder (and missing parents) owner-only, and tightens it if it already existed. */
export function ensureOwnerOnlyDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (POSIX) fs.chmodSync(dir, DIR_MODE);
  return dir;
}

/** Sets 0600 on a file that exists (SQLite, copyFile and rename keep whatever mode a file had). */
export function makeOwnerOnly(file: string): void {
  if (POSIX) fs.chmodSync(file, FILE_MODE);
}

/**
 * Creates an empty owner-only file for SQLite to fill (a new database, a VACUUM
 * INTO target): SQLite gives its -wal, -shm and -journal the database file's mode.
 * An existing file is only tightened.
 */
export function ensureOwnerOnlyFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', FILE_MODE));
  makeOwnerOnly(file);
}

/** Writes a whole file owner-only: a crash leaves the old state or the whole new file, never half of it. */
export function writeOwnerOnlyFileDurably(file: string, data: Buffer | string): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', FILE_MODE);
  try {
    if (POSIX) fs.fchmodSync(fd, FILE_MODE);
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDir(path.dirname(file));
}

/** fsync of a folder, so a rename in it survives a power cut (POSIX; Windows cannot open a folder this way). */
export function syncDir(dir: string): void {
  if (!POSIX) return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Tightens a file or a folder tree the app owns to 0600/0700: data written by an
 * earlier version, or under a looser umask. Symbolic links are neither followed
 * nor changed (a link could point anywhere); a path that does not exist is skipped.
 */
export function tightenTree(target: string): void {
  if (!POSIX) return;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== DIR_MODE) fs.chmodSync(target, DIR_MODE);
    for (const entry of fs.readdirSync(target)) tightenTree(path.join(target, entry));
  } else if (stat.isFile() && (stat.mode & 0o777) !== FILE_MODE) {
    fs.chmodSync(target, FILE_MODE);
  }
}
