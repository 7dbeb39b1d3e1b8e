/**
 * Where the audit trail's HMAC key lives: in the key folder, outside the data
 * folder (db/keys/key-folder.ts), so a copy of the data folder never carries a
 * key that could re-sign a rewritten trail. Without a protector (browser mode,
 * tests) it is a random 256-bit key in `audit.key`, owner-only. With one (the
 * Electron app: the OS keystore through safeStorage) only the protected form is
 * on disk, in `audit.key.protected`. A key found in the data folder (written by
 * an earlier version) is moved to the key folder once and then removed there.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureKeyDir } from './keys/key-folder';
import { removeDurably, writeOwnerOnly } from './keys/owner-only-file';

export const AUDIT_KEY_FILE = 'audit.key';
export const PROTECTED_KEY_FILE = `${AUDIT_KEY_FILE}.protected`;

/** Wraps and unwraps the key with something outside the data folder (the OS keystore). */
export interface KeyProtector {
  /** Shown in logs: which protection is in use. */
  name: string;
  protect(key: Buffer): Buffer;
  unprotect(stored: Buffer): Buffer;
}

export interface LoadedAuditKey {
  key: Buffer;
  /**
   * existing: found in the key folder; moved: found in the data folder (an earlier version) and
   * moved; created: there was none, a new one was made (a trail already written cannot be checked with it).
   */
  origin: 'existing' | 'moved' | 'created';
}

const readPlain = (file: string): Buffer => Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');

/** Stores the key in the key folder in the form this protector (or none) uses; checks a wrapped key reads back. */
function store(keyDir: string, key: Buffer, protector: KeyProtector | null): void {
  if (!protector) return writeOwnerOnly(path.join(keyDir, AUDIT_KEY_FILE), key.toString('hex'));
  const wrapped = path.join(keyDir, PROTECTED_KEY_FILE);
  writeOwnerOnly(wrapped, protector.protect(key));
  if (!protector.unprotect(fs.readFileSync(wrapped)).equals(key)) throw new Error('The OS keystore did not give the audit key back unchanged; the plaintext key is kept.');
}

/** The key as found in one folder (plain or protected), or null when the folder has none. */
function readFrom(dir: string, protector: KeyProtector | null): Buffer | null {
  const plain = path.join(dir, AUDIT_KEY_FILE);
  const wrapped = path.join(dir, PROTECTED_KEY_FILE);
  if (fs.existsSync(wrapped)) {
    // A protected key without its protector cannot be used; a fresh key would break the chain.
    if (!protector) throw new Error(`The audit key is protected by the OS keystore (${wrapped}); open this data folder with the desktop app.`);
    return protector.unprotect(fs.readFileSync(wrapped));
  }
  return fs.existsSync(plain) ? readPlain(plain) : null;
}

/**
 * Removes the key files of the data folder once the key folder holds the same key.
 * Called by the core only once the seal is written, so a crash in between moves it again.
 */
export function forgetDataFolderKey(dataDir: string, key: Buffer, protector: KeyProtector | null, log: (m: string) => void): void {
  const old = readFrom(dataDir, protector);
  if (!old) return;
  if (!old.equals(key)) {
    log(`a different audit key is in the data folder (${dataDir}); it is not used and was left for IT to examine`);
    return;
  }
  for (const name of [AUDIT_KEY_FILE, PROTECTED_KEY_FILE]) removeDurably(path.join(dataDir, name));
}

export function loadAuditKey(keyDir: string, options: { dataDir?: string; protector?: KeyProtector | null; log?: (m: string) => void } = {}): LoadedAuditKey {
  const protector = options.protector ?? null;
  const log = options.log ?? (() => undefined);
  ensureKeyDir(keyDir);
  let key = readFrom(keyDir, protector);
  let origin: LoadedAuditKey['origin'] = 'existing';
  if (key) {
    // A plain key in a folder where a protector is now available: wrap it, then drop the plaintext.
    if (protector && !fs.existsSync(path.join(keyDir, PROTECTED_KEY_FILE))) {
      store(keyDir, key, protector);
      removeDurably(path.join(keyDir, AUDIT_KEY_FILE));
    }
    // The same key still in the data folder: a move that a crash interrupted; it finishes now.
    const left = options.dataDir ? readFrom(options.dataDir, protector) : null;
    if (left?.equals(key)) origin = 'moved';
  } else {
    key = options.dataDir ? readFrom(options.dataDir, protector) : null;
    origin = key ? 'moved' : 'created';
    key ??= randomBytes(32);
    store(keyDir, key, protector);
    if (origin === 'moved') log(`the audit key was moved out of the data folder into the key folder (${keyDir})`);
  }
  return { key, origin };
}
