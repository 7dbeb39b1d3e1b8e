/**
 * Password hashing with scrypt (node:crypto). The stored form records the cost
 * parameters, so a later raise of the cost still verifies old hashes:
 *   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
 * N = 2^15, r = 8, p = 1 (the OWASP Password Storage Cheat Sheet's scrypt
 * minimum is N = 2^17 with r = 8, p = 1, or equivalent trade-offs; 2^15 with a
 * 32 MiB memory cost keeps sign-in under about a tenth of a second on a
 * procedure-room laptop). Tests may lower N; the value is stored with the hash.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

const scryptOptions = (cost: ScryptCost): ScryptOptions => ({ N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 });

/** The scrypt key of a password (NFC, so the same typed text always gives the same key); also wraps signing keys. */
export function deriveKey(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, scryptOptions(cost), (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The same, synchronously: for work that must happen inside one database transaction. */
export function deriveKeySync(password: string, salt: Buffer, cost: ScryptCost): Buffer {
  return scryptSync(password.normalize('NFC'), salt, KEY_BYTES, scryptOptions(cost));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await deriveKey(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The same check, synchronously: used where a signature and the write it
 * authorises must commit in one database transaction (better-sqlite3
 * transactions cannot span an await). Blocks for one hash, about 0.1 s.
 */
export function verifyPasswordSync(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = deriveKeySync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing anyone knows, checked when the username does not exist,
 * so an unknown name takes as long to refuse as a wrong password.
 */
export function decoyHash(cost: ScryptCost): Promise<string> {
  return hashPassword(randomBytes(24).toString('hex'), cost);
}
