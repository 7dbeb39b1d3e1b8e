/**
 * Whole-file seals for plaintext copies that cannot be re-encrypted as databases:
 * quarantined files from before encryption (a damaged file, its -wal, a file
 * replaced by a restore) and a plaintext backup that fails its check. Such a file
 * is evidence to keep byte for byte, so it is sealed, not rewritten: AES-256-GCM
 * under a key derived from the database key, then the plaintext is removed.
 * unsealFile gives the exact bytes back (for whoever examines the copy).
 *   format: "PDSEAL1\n" | 12-byte IV | ciphertext | 16-byte GCM tag
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, makeOwnerOnly, syncDir } from '../owner-only-files';
import type { DatabaseKey } from './database-key';

export const SEALED_SUFFIX = '.sealed';
const MAGIC = Buffer.from('PDSEAL1\n', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHUNK = 1 << 20;
const PURPOSE = 'sealed file v1';

/** Reads `file` from `start` for `length` bytes in chunks, passing each to `take`. */
function eachChunk(fd: number, start: number, length: number, take: (chunk: Buffer) => void): void {
  const buf = Buffer.alloc(CHUNK);
  for (let at = start, left = length; left > 0; ) {
    const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, left), at);
    if (n === 0) throw new Error('the file ended early');
    take(buf.subarray(0, n));
    at += n;
    left -= n;
  }
}

function decipherOf(fd: number, size: number, key: DatabaseKey): DecipherGCM {
  if (size < MAGIC.length + IV_BYTES + TAG_BYTES) throw new Error('too short to be a sealed file');
  const head = Buffer.alloc(MAGIC.length + IV_BYTES);
  fs.readSync(fd, head, 0, head.length, 0);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a sealed file');
  const tag = Buffer.alloc(TAG_BYTES);
  fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.derive(PURPOSE), head.subarray(MAGIC.length));
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  return decipher;
}

/** Decrypts `sealed`, handing each plaintext chunk to `take`; throws if a byte was changed or the key is another. */
function openSeal(sealed: string, key: DatabaseKey, take: (chunk: Buffer) => void): void {
  const fd = fs.openSync(sealed, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const decipher = decipherOf(fd, size, key);
    const start = MAGIC.length + IV_BYTES;
    eachChunk(fd, start, size - start - TAG_BYTES, (chunk) => take(decipher.update(chunk)));
    take(decipher.final());
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Seals `file` into `file.sealed` (owner-only, fsynced), checks the seal opens to
 * the same bytes, and only then removes the plaintext. Returns the sealed path.
 */
export function sealFile(file: string, key: DatabaseKey): string {
  const sealed = `${file}${SEALED_SUFFIX}`;
  const temp = `${sealed}.tmp`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.derive(PURPOSE), iv);
  cipher.setAAD(MAGIC);
  const plainHash = createHash('sha256');
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(temp, 'w', FILE_MODE);
  try {
    makeOwnerOnly(temp);
    fs.writeSync(output, Buffer.concat([MAGIC, iv]));
    eachChunk(input, 0, fs.fstatSync(input).size, (chunk) => {
      plainHash.update(chunk);
      fs.writeSync(output, cipher.update(chunk));
    });
    fs.writeSync(output, Buffer.concat([cipher.final(), cipher.getAuthTag()]));
    fs.fsyncSync(output);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
  const check = createHash('sha256');
  openSeal(temp, key, (chunk) => check.update(chunk));
  if (!check.digest().equals(plainHash.digest())) {
    fs.rmSync(temp, { force: true });
    throw new Error(`the seal of ${file} did not read back the same; the file was left as it was`);
  }
  fs.renameSync(temp, sealed);
  syncDir(path.dirname(sealed));
  fs.rmSync(file);
  return sealed;
}

/** Writes the original bytes of a sealed file to `out` (owner-only). */
export function unsealFile(sealed: string, key: DatabaseKey, out: string): void {
  const output = fs.openSync(out, 'wx', FILE_MODE);
  try {
    openSeal(sealed, key, (chunk) => fs.writeSync(output, chunk));
    fs.fsyncSync(output);
  } catch (error) {
    fs.closeSync(output);
    fs.rmSync(out, { force: true });
    throw error;
  }
  fs.closeSync(output);
}
