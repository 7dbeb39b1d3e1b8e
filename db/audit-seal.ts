/**
 * The audit seal: the chain's head (how many entries, the newest one's hash)
 * and a counter raised on every seal write, kept in the key folder, outside the
 * data folder, and MAC'd with the audit key (which the OS keystore wraps in the
 * desktop app). Whoever holds only the data folder (a backup share, a copied
 * disk image, an account that can write the database) cannot cut the trail or
 * put an older copy back without the seal showing it, and cannot forge a seal.
 * Owner-only and fsynced; written whole like the key (renamed into place) when
 * it starts again, and in place, one of two slots, as it moves forward.
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

/**
 * The file holds two slots of SLOT bytes, each one seal as a JSON line padded with spaces.
 * A seal that moves forward overwrites the older slot in place and is fdatasynced: no new
 * file, rename or folder entry per call (a third of a millisecond on this VM, more than the
 * database's own commit). A power cut mid-write can tear only the slot being written; the
 * other holds the seal before it, which is harmless (the trail ahead of its seal is checked
 * entry by entry). The newest valid slot is the seal. An earlier version's file (one seal,
 * format 1, any length) is still read, and replaced by a two-slot file at the next write.
 */
const SLOT = 512;

function parseSeal(text: string, key: Buffer): SealRead {
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

export function readSeal(keyDir: string, key: Buffer): SealRead {
  const file = path.join(keyDir, SEAL_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid', reason: `the audit seal cannot be read (${(error as Error).message})` };
  }
  if (text.length !== 2 * SLOT) return parseSeal(text, key);
  const slots = [parseSeal(text.slice(0, SLOT), key), parseSeal(text.slice(SLOT), key)];
  const valid = slots.flatMap((s) => (s.state === 'ok' ? [s.seal] : []));
  if (valid.length === 0) return slots[0]!;
  return { state: 'ok', seal: valid.reduce((a, b) => (b.counter > a.counter ? b : a)) };
}

const slotText = (key: Buffer, seal: Seal): string => {
  const line = JSON.stringify({ format: 1, ...seal, mac: sealMac(key, seal) });
  if (line.length >= SLOT) throw new Error('an audit seal longer than its slot');
  return `${line.padEnd(SLOT - 1, ' ')}\n`;
};

/** The two-slot file's size, and where a seal moving forward goes in it (audit-seal-writer.ts writes it in place). */
export const SEAL_FILE_BYTES = 2 * SLOT;
export function sealSlot(key: Buffer, seal: Seal): { text: string; offset: number } {
  return { text: slotText(key, seal), offset: (seal.counter % 2) * SLOT };
}

/**
 * moving: the seal only moves forward over new entries, into the slot the one before it does
 * not hold (counter parity), in place. A seal that starts again (a restore, an acknowledged
 * alarm, the first one) must not fall back, or the next start would raise a false alarm: it is
 * written whole (both slots), fsynced, renamed into place and the folder fsynced, as is the
 * first move over an earlier version's file.
 */
export function writeSeal(keyDir: string, key: Buffer, seal: Seal, moving = false): void {
  const file = path.join(keyDir, SEAL_FILE);
  const slot = seal.counter % 2;
  if (moving) {
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, 'r+');
      if (fs.fstatSync(fd).size === 2 * SLOT) {
        fs.writeSync(fd, slotText(key, seal), slot * SLOT, 'latin1');
        fs.fdatasyncSync(fd);
        return;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }
  const text = slotText(key, seal);
  writeOwnerOnly(file, text + text);
}
