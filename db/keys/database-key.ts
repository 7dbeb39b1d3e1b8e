/**
 * The database key: a random 256-bit key for SQLCipher-compatible page
 * encryption (AES-256, db/connection.ts), kept in the key folder, never in the
 * data folder. With a KeyProtector (the desktop app: the OS keystore through
 * safeStorage) only the wrapped key is on disk, `database.key.protected`; an
 * owner-only `database.key` left from a run without one is wrapped once and
 * removed. Without a protector (browser mode, Linux with no secret service) the
 * key is the owner-only file `database.key`, and the app says so on screen.
 *
 * A key is never made up over an encrypted database: a lost or unreadable key
 * stops the start with its reason instead, since a new key would read nothing.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import type { KeyProtector } from '../audit-key';
import { isPlaintextDatabase } from '../connection';
import { ensureOwnerOnlyDir, makeOwnerOnly, writeOwnerOnlyFileDurably } from '../owner-only-files';

export const DATABASE_KEY_FILE = 'database.key';
export const PROTECTED_DATABASE_KEY_FILE = `${DATABASE_KEY_FILE}.protected`;
const KEY_BYTES = 32;

/** How the key is kept: wrapped by the OS keystore, or only by the file's owner-only mode. */
export type KeyProtection = 'os-keystore' | 'owner-only-file';

/** The key cannot be had: missing over an encrypted database, unreadable, or refused by the keystore. */
export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError';
}

/** The key in memory. It never prints: logs, JSON and inspection show a placeholder. */
export class DatabaseKey {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer, readonly protection: KeyProtection) {
    if (bytes.length !== KEY_BYTES) throw new DatabaseKeyError(`a database key is ${KEY_BYTES} bytes; got ${bytes.length}`);
    this.#bytes = Buffer.from(bytes);
  }

  /** The raw key as SQLCipher's blob literal (x'…', 64 hex digits): no passphrase, so no KDF at each open. */
  sqlLiteral(): string {
    return `x'${this.#bytes.toString('hex')}'`;
  }

  /** A separate key for whole-file seals (db/keys/sealed-file.ts), derived so the two uses never share a key. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#bytes, Buffer.alloc(0), `proceduredesk ${purpose}`, KEY_BYTES));
  }

  equals(other: DatabaseKey): boolean {
    return other.#bytes.equals(this.#bytes);
  }

  toJSON(): string {
    return '[database key]';
  }

  toString(): string {
    return '[database key]';
  }

  [inspect.custom](): string {
    return `DatabaseKey(${this.protection})`;
  }
}

function readHexKey(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new DatabaseKeyError(`${file} does not hold a database key (64 hex digits); it was left as it is.`);
  return Buffer.from(text, 'hex');
}

function unwrap(protector: KeyProtector, file: string): Buffer {
  try {
    return protector.unprotect(fs.readFileSync(file));
  } catch (error) {
    throw new DatabaseKeyError(
      `The OS keystore (${protector.name}) could not unlock the database key in ${file} ` +
        `(${error instanceof Error ? error.message : String(error)}). The keystore may have changed (another login, another desktop's keyring); ` +
        'without it the database cannot be read. Nothing was changed.',
    );
  }
}

export interface LoadKeyOptions {
  /** May a new key be made when none exists: only while no encrypted database is there to read. */
  mayCreate: boolean;
  log?: (message: string) => void;
}

/** Loads the database key from the key folder, making one (or wrapping a plain one) as described above. */
export function loadDatabaseKey(keyDir: string, protector: KeyProtector | null | undefined, options: LoadKeyOptions): DatabaseKey {
  ensureOwnerOnlyDir(keyDir);
  const plain = path.join(keyDir, DATABASE_KEY_FILE);
  const wrapped = path.join(keyDir, PROTECTED_DATABASE_KEY_FILE);
  if (fs.existsSync(wrapped)) {
    if (!protector) {
      throw new DatabaseKeyError(
        `The database key is protected by the OS keystore (${wrapped}); open this data folder with the desktop app, where that keystore is available.`,
      );
    }
    makeOwnerOnly(wrapped);
    return new DatabaseKey(unwrap(protector, wrapped), 'os-keystore');
  }
  let key: Buffer;
  if (fs.existsSync(plain)) {
    makeOwnerOnly(plain);
    key = readHexKey(plain);
  } else {
    if (!options.mayCreate) {
      throw new DatabaseKeyError(
        `The database is encrypted, and its key (${DATABASE_KEY_FILE}) is not in the key folder ${keyDir}. ` +
          'Put the key folder back (or set PROCEDUREDESK_KEY_DIR to where it is); a new key could not read this database or its backups. Nothing was changed.',
      );
    }
    key = randomBytes(KEY_BYTES);
    if (!protector) writeOwnerOnlyFileDurably(plain, key.toString('hex'));
    options.log?.(`a new database key was made in ${keyDir}${protector ? ` (wrapped by ${protector.name})` : ' (an owner-only file: no OS keystore)'}`);
  }
  if (!protector) return new DatabaseKey(key, 'owner-only-file');
  writeOwnerOnlyFileDurably(wrapped, protector.protect(key));
  // The plain key goes only once the wrapped one is on disk and unwraps to the same key.
  if (!unwrap(protector, wrapped).equals(key)) {
    fs.rmSync(wrapped, { force: true });
    throw new DatabaseKeyError('The OS keystore did not give the database key back unchanged; the key was left as it was.');
  }
  fs.rmSync(plain, { force: true });
  return new DatabaseKey(key, 'os-keystore');
}

/** Whether `file` holds data only a key can read: a non-empty regular file that is not plaintext SQLite. */
function holdsEncryptedData(file: string): boolean {
  try {
    const stat = fs.lstatSync(file);
    return stat.isFile() && stat.size > 0 && !isPlaintextDatabase(file);
  } catch {
    return false;
  }
}

/** The key for the database `file`: a new one is made only while there is no encrypted database to read. */
export function databaseKeyFor(file: string, keyDir: string, protector: KeyProtector | null | undefined, log?: (message: string) => void): DatabaseKey {
  return loadDatabaseKey(keyDir, protector, { mayCreate: !holdsEncryptedData(file), ...(log ? { log } : {}) });
}
