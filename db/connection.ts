/**
 * The one way to open the database. Every open, of a fresh or an existing file,
 * sets the same pragmas: a clinical write is acknowledged only after it is on disk.
 * Every file is encrypted (SQLite3 Multiple Ciphers in SQLCipher 4 mode: AES-256-CBC
 * pages with an HMAC-SHA512 each), keyed before any other statement; the database,
 * its WAL, backups (their pages copied as they are) and copies are unreadable without the key.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from './keys/database-key';
import { ensureOwnerOnlyFile } from './owner-only-files';

export type Db = Database.Database;

/**
 * Run first on every connection, in this order: SQLCipher 4's format (legacy=4: the
 * whole file, header included, is ciphertext, so SQLCipher's own tools open it),
 * then the raw 256-bit key (no passphrase, so no KDF at each open).
 */
export function cipherPragmas(key: DatabaseKey): string[] {
  return ["cipher = 'sqlcipher'", 'legacy = 4', `key = "${key.sqlLiteral()}"`];
}

/** Encrypts an open unencrypted file in place (not in WAL mode): the same format, the same key. */
export function rekeyPragmas(key: DatabaseKey): string[] {
  return [...cipherPragmas(key).slice(0, 2), `rekey = "${key.sqlLiteral()}"`];
}

/** What a plaintext SQLite file starts with; an encrypted file starts with its random salt. */
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file is an unencrypted SQLite database (an older install's, to be encrypted once: db/encrypt-existing.ts). */
export function isPlaintextDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAINTEXT_HEADER);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

/**
 * Opens an app database file (live, backup, copy) with the key, and reads the
 * schema at once, so a wrong key or a file that is not ours fails here
 * (SQLITE_NOTADB), not at some later query. A file it may write is created
 * owner-only first: SQLite gives its -wal and -shm the same mode.
 */
export function openKeyed(file: string, key: DatabaseKey, options: OpenOptions = {}): Db {
  if (!options.readonly && !options.fileMustExist) ensureOwnerOnlyFile(file);
  const db = new Database(file, options);
  try {
    for (const pragma of cipherPragmas(key)) db.pragma(pragma);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens an unencrypted file: only to look at or encrypt an older install's data (db/encrypt-existing.ts, db/integrity.ts). */
export function openUnencrypted(file: string, options: OpenOptions = {}): Db {
  return new Database(file, options);
}

/** Pragmas applied on every open; re-checked by tests on a re-opened file. */
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  /** FULL: in WAL mode each commit syncs the WAL, so commits survive power loss. */
  synchronous: 2,
  foreign_keys: 1,
  busy_timeout: 5000,
  /** Schema contents (views, triggers) never run app-defined functions. */
  trusted_schema: 0,
} as const;

export class DatabaseTooNewError extends Error {
  constructor(readonly fileVersion: number, readonly appVersion: number) {
    super(
      `This data file was written by a newer ProcedureDesk (schema ${fileVersion}; this app knows up to ${appVersion}). ` +
        'It has not been opened for writing. Update ProcedureDesk to use it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens `file` with the key, refusing (before anything is written) a file whose
 * schema is newer than `latestSchema`, then applies the required pragmas.
 */
export function openDatabase(file: string, latestSchema: number, key: DatabaseKey): Db {
  const db = openKeyed(file, key);
  try {
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    if (fileVersion > latestSchema) throw new DatabaseTooNewError(fileVersion, latestSchema);
    applyPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyPragmas(db: Db): void {
  const mode = db.pragma(`journal_mode = ${REQUIRED_PRAGMAS.journal_mode}`, { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch the database to WAL mode (got ${String(mode)})`);
  db.pragma(`synchronous = ${REQUIRED_PRAGMAS.synchronous}`);
  db.pragma(`foreign_keys = ${REQUIRED_PRAGMAS.foreign_keys}`);
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  db.pragma(`trusted_schema = ${REQUIRED_PRAGMAS.trusted_schema}`);
  if (process.platform === 'darwin') {
    // macOS fsync does not flush the drive cache; F_FULLFSYNC does.
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
}

/** Reads back the pragmas that must hold on every connection. */
export function readPragmas(db: Db): Record<keyof typeof REQUIRED_PRAGMAS, unknown> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
    trusted_schema: db.pragma('trusted_schema', { simple: true }),
  };
}
