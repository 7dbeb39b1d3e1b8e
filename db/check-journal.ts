/**
 * The side journal kept while the data file is checked in the background after a
 * crash (db/runtime.ts). Every change the dispatcher acknowledges in that
 * time is also appended here, fsynced before the answer goes out: the command
 * (method, validated input, caller, time, the ids and times it drew) and the
 * answer it got. If the check then finds damage, the newest verified backup is
 * restored and these commands are replayed in order (db/journaled-dispatch.ts), so
 * nothing acknowledged is lost. Deleted when the check passes.
 *
 * Records are AES-256-GCM sealed with a key derived from the database key (never
 * plaintext patient data on disk); each record's sequence number is its
 * additional data, so records cannot be dropped from the middle or reordered
 * unnoticed. A torn last record (a crash mid-append) was never acknowledged and
 * is ignored. The file is owner-only.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '#shared/contract/common';
import type { DatabaseKey } from './keys/database-key';
import { FILE_MODE, makeOwnerOnly, syncDir } from './owner-only-files';

export const CHECK_JOURNAL_FILE = 'proceduredesk.check-journal';
const PURPOSE = 'check journal v1';
const NONCE = 12;
const TAG = 16;

export interface JournalRecord {
  seq: number;
  method: string;
  /** The validated input; null when it carries a secret (a password), which is never written down. */
  input: unknown;
  caller: { actor: Actor; userId: string } | null;
  /** When it ran, and the ids and times it drew from the core's generators (replayed as drawn). */
  at: string;
  ids: string[];
  times: string[];
  /** The acknowledged answer: a replay must give the same one. */
  answer: unknown;
}

export interface CheckJournal {
  readonly file: string;
  append(record: Omit<JournalRecord, 'seq'>): void;
  records(): JournalRecord[];
  /** The check passed: nothing here is needed any more. */
  remove(): void;
}

export function journalPath(dataDir: string): string {
  return path.join(dataDir, CHECK_JOURNAL_FILE);
}

/** Opens (or creates) the journal; an existing one (a crash during an earlier check) is appended to. */
export function openCheckJournal(dataDir: string, key: DatabaseKey): CheckJournal {
  const file = journalPath(dataDir);
  const secret = key.derive(PURPOSE);
  const existed = fs.existsSync(file);
  let next = existed ? readRecords(file, secret).length : 0;
  if (!existed) {
    fs.closeSync(fs.openSync(file, 'a', FILE_MODE));
    syncDir(dataDir);
  }
  makeOwnerOnly(file);
  return {
    file,
    append(record) {
      const seq = next;
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', secret, nonce);
      cipher.setAAD(seqBytes(seq));
      const body = Buffer.concat([cipher.update(JSON.stringify({ ...record, seq }), 'utf8'), cipher.final()]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length + TAG);
      const fd = fs.openSync(file, 'a', FILE_MODE);
      try {
        fs.writeSync(fd, Buffer.concat([length, nonce, body, cipher.getAuthTag()]));
        // Durable before the change is acknowledged: this copy is what a restore replays.
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      next = seq + 1;
    },
    records: () => readRecords(file, secret),
    remove() {
      fs.rmSync(file, { force: true });
      syncDir(dataDir);
    },
  };
}

function seqBytes(seq: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(seq));
  return b;
}

/** Every complete record in order; a record that fails its tag (not a torn tail) is an error, never skipped. */
function readRecords(file: string, secret: Buffer): JournalRecord[] {
  const data = fs.readFileSync(file);
  const out: JournalRecord[] = [];
  let at = 0;
  while (at + 4 + NONCE + TAG <= data.length) {
    const length = data.readUInt32BE(at);
    const end = at + 4 + NONCE + length;
    if (end > data.length) break; // torn by a crash mid-append: never acknowledged
    const nonce = data.subarray(at + 4, at + 4 + NONCE);
    const sealed = data.subarray(at + 4 + NONCE, end);
    const decipher = createDecipheriv('aes-256-gcm', secret, nonce);
    decipher.setAAD(seqBytes(out.length));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
    out.push(JSON.parse(plain.toString('utf8')) as JournalRecord);
    at = end;
  }
  return out;
}
