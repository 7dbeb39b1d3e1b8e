/**
 * The audit seal: the chain's head (how many entries, the newest one's hash)
 * and a counter raised on every seal write, kept in the key folder, outside the
 * data folder, and MAC'd with the audit key (which the OS keystore wraps in the
 * desktop app). Whoever holds only the data folder (a backup share, a copied
 * disk image, an account that can write the database) cannot cut the trail or
 * put an older copy back without the seal showing it, and cannot forge a seal.
 * Written like the key: owner-only, fsynced, renamed into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { mac } from './audit';
import { writeOwnerOnly } from './keys/owner-only-file';

export const SEAL_FILE = 'audit.seal';

export interface Seal {
  /** Raised by one on every write of the seal; never goes down while the seal file stays in place. */
  counter: number;
  /** The newest sealed entry (0 and the genesis hash for an empty trail). */
  seq: number;
  hash: string;
  /**
   * The first entry whose MAC can be checked: 1, unless an administrator acknowledged a break
   * that left earlier entries unverifiable (the key was lost, or an entry was altered).
   */
  since: number;
}

const SealFileSchema = z.strictObject({
  format: z.literal(1),
  counter: z.number().int().positive(),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  since: z.number().int().positive(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

const sealMac = (key: Buffer, s: Seal): string => mac(key, 'audit-seal', 1, s.counter, s.seq, s.hash, s.since);

export type SealRead = { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'ok'; seal: Seal };

export function readSeal(keyDir: string, key: Buffer): SealRead {
  const file = path.join(keyDir, SEAL_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid', reason: `the audit seal cannot be read (${(error as Error).message})` };
  }
  let parsed: z.infer<typeof SealFileSchema>;
  try {
    parsed = SealFileSchema.parse(JSON.parse(text));
  } catch {
    return { state: 'invalid', reason: 'the audit seal in the key folder is not a seal this app wrote' };
  }
  const { counter, seq, hash, since } = parsed;
  const seal = { counter, seq, hash, since };
  if (sealMac(key, seal) !== parsed.mac) return { state: 'invalid', reason: 'the audit seal was altered, or made with another key' };
  return { state: 'ok', seal };
}

/**
 * moving: the seal only moves forward over new entries. After a power cut the previous seal may
 * then be back, which is harmless (the entries after it are checked as it moves on), so the
 * folder is not fsynced, halving the cost on every call. A seal that starts again (a restore, an
 * acknowledged alarm, the first one) must not fall back, or the next start would raise a false alarm.
 */
export function writeSeal(keyDir: string, key: Buffer, seal: Seal, moving = false): void {
  writeOwnerOnly(path.join(keyDir, SEAL_FILE), `${JSON.stringify({ format: 1, ...seal, mac: sealMac(key, seal) })}\n`, { syncFolder: !moving });
}
