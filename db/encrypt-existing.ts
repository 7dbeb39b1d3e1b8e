/**
 * An older install's data, written before encryption, is encrypted once:
 * - the live database: copied (VACUUM INTO) and encrypted in the copy, verified
 *   (integrity_check, every table's row count, schema version and application
 *   id), kept as a verified encrypted backup, then put in place of the plaintext;
 * - plaintext backups are re-encrypted the same way, keeping their names, so
 *   every restore point stays (deleting them would lose history; leaving them
 *   would leave every patient readable beside the encrypted file);
 * - quarantined copies are sealed byte for byte (db/keys/sealed-file.ts): they
 *   are evidence of damage, so they are kept, not rewritten;
 * - partial temporary copies are removed.
 * Everything runs at start-up before the database is used and is idempotent: a
 * run stopped midway is finished by the next start. Removed plaintext is
 * unlinked, not shredded: full-disk encryption covers freed disk blocks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPlaintextDatabase, openKeyed, openUnencrypted, rekeyPragmas } from './connection';
import { BACKUP_PREFIX, BACKUP_SUFFIX, removeLeftovers, rowCounts } from './backup';
import type { DatabaseKey } from './keys/database-key';
import { SEALED_SUFFIX, sealFile } from './keys/sealed-file';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile, makeOwnerOnly, syncDir } from './owner-only-files';
import { DATABASE_FILE } from './paths';

const ENCRYPTING = '.encrypting';
type Log = (message: string) => void;

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes an encrypted, verified copy of the unencrypted database `source` to
 * `target` (owner-only, fsynced, not in WAL mode). Throws, leaving no target,
 * if the copy does not hold exactly what the source holds.
 */
function encryptedCopy(source: string, target: string, key: DatabaseKey): void {
  removeWithCompanions(target);
  const plain = openUnencrypted(source, { readonly: true, fileMustExist: true });
  let expected: { counts: Record<string, number>; userVersion: unknown; applicationId: unknown };
  try {
    expected = { counts: rowCounts(plain), userVersion: plain.pragma('user_version', { simple: true }), applicationId: plain.pragma('application_id', { simple: true }) };
    ensureOwnerOnlyFile(target);
    plain.prepare('VACUUM INTO ?').run(target);
  } finally {
    plain.close();
  }
  try {
    const copy = openUnencrypted(target, { fileMustExist: true });
    try {
      let result: unknown;
      for (const pragma of rekeyPragmas(key)) result = copy.pragma(pragma);
      if (JSON.stringify(result) !== '[{"ok":"ok"}]') throw new Error(`encrypting the copy failed (${JSON.stringify(result)})`);
    } finally {
      copy.close();
    }
    const check = openKeyed(target, key, { readonly: true, fileMustExist: true });
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the encrypted copy failed integrity_check (${String(integrity).slice(0, 200)})`);
      const got = { counts: rowCounts(check), userVersion: check.pragma('user_version', { simple: true }), applicationId: check.pragma('application_id', { simple: true }) };
      if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('the encrypted copy does not hold the same rows as the original');
    } finally {
      check.close();
    }
    fsyncFile(target);
  } catch (error) {
    removeWithCompanions(target);
    throw error;
  }
}

/** Copies a closed, verified file into place under a temporary name, then renames it: never half a file. */
function copyInto(source: string, final: string): void {
  const temp = `${final}.tmp`;
  fs.copyFileSync(source, temp);
  makeOwnerOnly(temp);
  fsyncFile(temp);
  fs.renameSync(temp, final);
  syncDir(path.dirname(final));
}

export interface EncryptDatabaseOptions {
  backupsDir: string;
  now?: Date;
  log?: Log;
}

/**
 * Encrypts the unencrypted live database `file` in place (see above). Returns
 * the verified encrypted backup it kept. Nothing else may have the file open.
 */
export function encryptPlaintextDatabase(file: string, key: DatabaseKey, options: EncryptDatabaseOptions): string {
  const log = options.log ?? (() => undefined);
  // Fold a WAL left by the older version into the file; the last close removes the -wal and -shm.
  const plain = openUnencrypted(file, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  const temp = `${file}${ENCRYPTING}`;
  encryptedCopy(file, temp, key);
  ensureOwnerOnlyDir(options.backupsDir);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const backup = path.join(options.backupsDir, `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`);
  copyInto(temp, backup);
  // No -wal or -shm of the plaintext file may pair with the encrypted one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(temp, file);
  syncDir(path.dirname(file));
  log(`the database was encrypted (AES-256, SQLCipher 4 format); verified encrypted backup: ${path.basename(backup)}`);
  return backup;
}

/** Re-encrypts a plaintext backup under its own name; one that cannot be read whole is sealed instead. */
function protectBackup(file: string, key: DatabaseKey, log: Log): void {
  const temp = `${file}${ENCRYPTING}`;
  try {
    encryptedCopy(file, temp, key);
    fs.renameSync(temp, file);
    syncDir(path.dirname(file));
    log(`backup ${path.basename(file)} encrypted`);
  } catch (error) {
    const sealed = sealFile(file, key);
    log(`backup ${path.basename(file)} could not be re-encrypted (${error instanceof Error ? error.message : String(error)}); sealed as ${path.basename(sealed)}`);
  }
}

/** Seals the plaintext files of one quarantined set (a database with its -wal, -shm, -journal). */
function protectQuarantined(dir: string, key: DatabaseKey, log: Log): void {
  const db = path.join(dir, DATABASE_FILE);
  const plaintextSet = fs.existsSync(db) ? isPlaintextDatabase(db) : true;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (name.endsWith(SEALED_SUFFIX) || !fs.lstatSync(file).isFile()) continue;
    // A companion of an encrypted database holds ciphertext pages; of a plaintext one (or of none), plaintext.
    if (isPlaintextDatabase(file) || (plaintextSet && name !== DATABASE_FILE)) {
      sealFile(file, key);
      log(`quarantined ${path.basename(dir)}/${name} sealed`);
    }
  }
}

/**
 * Finds what an unencrypted install left in the data folder besides the live
 * database (backups, quarantined copies, partial temporary files) and protects
 * it as described above. Cheap when there is nothing to do: it reads 16 bytes a file.
 */
export function protectPlaintextLeftovers(dataDir: string, key: DatabaseKey, log: Log = () => undefined): void {
  const live = path.join(dataDir, DATABASE_FILE);
  // A copy being encrypted or restored when the app stopped: the original is still where it was.
  removeWithCompanions(`${live}${ENCRYPTING}`);
  if (isPlaintextDatabase(`${live}.restoring`)) fs.rmSync(`${live}.restoring`, { force: true });
  const backups = path.join(dataDir, 'backups');
  if (fs.existsSync(backups)) {
    removeLeftovers(backups);
    for (const name of fs.readdirSync(backups)) {
      const file = path.join(backups, name);
      if (name.endsWith(ENCRYPTING)) removeWithCompanions(file);
      else if (isPlaintextDatabase(file)) protectBackup(file, key, log);
    }
  }
  const quarantine = path.join(dataDir, 'quarantine');
  if (fs.existsSync(quarantine)) {
    for (const name of fs.readdirSync(quarantine)) {
      const dir = path.join(quarantine, name);
      if (fs.lstatSync(dir).isDirectory()) protectQuarantined(dir, key, log);
    }
  }
}
