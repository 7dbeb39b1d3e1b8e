/**
 * Where the audit trail's HMAC key lives. Without a protector (browser mode,
 * tests) it is a random 256-bit key in `audit.key`, owner-only. With one (the
 * Electron app: the OS keystore through safeStorage) only the protected form is
 * on disk, in `audit.key.protected`, so copying the data folder does not copy a
 * usable key; an existing plaintext key is wrapped once and then removed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
export const AUDIT_KEY_FILE = 'audit.key';
export const PROTECTED_KEY_FILE = `${AUDIT_KEY_FILE}.protected`;

/** Wraps and unwraps the key with something outside the data folder (the OS keystore). */
export interface KeyProtector {
  /** Shown in logs: which protection is in use. */
  name: string;
  protect(key: Buffer): Buffer;
  unprotect(stored: Buffer): Buffer;
}

/** Writes a file so that a crash leaves either the old state or the whole new file, never half of it. */
function writeDurably(file: string, data: Buffer | string): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

export function loadAuditKey(dataDir: string, protector?: KeyProtector | null): Buffer {
  const plain = path.join(dataDir, AUDIT_KEY_FILE);
  const wrapped = path.join(dataDir, PROTECTED_KEY_FILE);
  if (!protector) {
    if (!fs.existsSync(wrapped)) {
      if (!fs.existsSync(plain)) writeDurably(plain, randomBytes(32).toString('hex'));
      return Buffer.from(fs.readFileSync(plain, 'utf8').trim(), 'hex');
    }
    // A protected key without its protector cannot be used; a fresh key would break the chain silently.
    throw new Error(`The audit key is protected by the OS keystore (${PROTECTED_KEY_FILE}); open this data folder with the desktop app.`);
  }
  if (fs.existsSync(wrapped)) return protector.unprotect(fs.readFileSync(wrapped));
  const key = fs.existsSync(plain) ? Buffer.from(fs.readFileSync(plain, 'utf8').trim(), 'hex') : randomBytes(32);
  writeDurably(wrapped, protector.protect(key));
  // Only once the protected copy is on disk and reads back to the same key is the plaintext removed.
  if (!protector.unprotect(fs.readFileSync(wrapped)).equals(key)) throw new Error('The OS keystore did not give the audit key back unchanged; the plaintext key is kept.');
  fs.rmSync(plain, { force: true });
  return key;
}
