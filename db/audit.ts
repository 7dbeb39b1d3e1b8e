/**
 * The tamper-evident audit trail: append entries chained by HMAC-SHA256, and a
 * verifier that reports the first broken link. The key lives in the key folder
 * (audit-key.ts), never in the database or beside it, so the chain cannot be
 * recomputed from the data folder alone. The chain's head is also sealed in the
 * key folder (audit-seal.ts, audit-guard.ts), so cutting or replaying is seen.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { auditActionNames } from '#shared/contract/renamed-actions';
import type { Db } from './connection';

export const GENESIS = '0'.repeat(64);

/** Who the audit trail names for what the app does on its own (start-up, the seal check, reconciling exports). */
export const SYSTEM_ACTOR = { name: 'ProcedureDesk', role: 'system' } as const;

export interface AuditEvent {
  at: string;
  user: { name: string; role: string };
  patientId: string | null;
  action: string;
  target: string | null;
}

export interface AuditEntry extends AuditEvent {
  seq: number;
  hash: string;
}

export type AuditVerdict =
  | { ok: true; entries: number; sealed?: { counter: number; seq: number; hash: string }; unverifiedBefore?: number }
  | { ok: false; firstBrokenSeq: number; reason: string };
/** A verdict on the chain alone, with its last entry (seq 0 and GENESIS when empty). */
export type ChainVerdict = { ok: true; entries: number; head: { seq: number; hash: string } } | { ok: false; firstBrokenSeq: number; reason: string };

/** Where the key lives and how it is protected: audit-key.ts. */
export { AUDIT_KEY_FILE, loadAuditKey } from './audit-key';

export function mac(key: Buffer | KeyObject, ...parts: (string | number | null)[]): string {
  return createHmac('sha256', key).update(parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f')).digest('hex');
}

interface Row {
  seq: number;
  at: string;
  user_name: string;
  user_role: string;
  patient_id: string | null;
  action: string;
  target: string | null;
  prev_hash: string;
  hash: string;
}

function entryMac(key: Buffer | KeyObject, seq: number, prev: string, e: AuditEvent): string {
  return mac(key, seq, prev, e.at, e.user.name, e.user.role, e.patientId, e.action, e.target);
}

export function createAuditLog(db: Db, key: Buffer) {
  // Made once: createHmac with a Buffer builds a key object on every call (a fifth of an append).
  const secret = createSecretKey(key);
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, user_name, user_role, patient_id, action, target, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const head = db.prepare('INSERT INTO audit_head (id, seq, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac');
  // An action is matched under every name it has had (renamed-actions.ts): old entries keep theirs.
  const page = db.prepare<{ patientId: string | null; actions: string | null; user: string | null; limit: number; before: number }, Row>(
    `SELECT * FROM audit_log WHERE seq < @before
       AND (@patientId IS NULL OR patient_id = @patientId) AND (@actions IS NULL OR action IN (SELECT value FROM json_each(@actions))) AND (@user IS NULL OR user_name = @user)
     ORDER BY seq DESC LIMIT @limit`,
  );

  const write = (e: AuditEvent): void => {
    const prev = last.get();
    const seq = (prev?.seq ?? 0) + 1;
    const prevHash = prev?.hash ?? GENESIS;
    const hash = entryMac(secret, seq, prevHash, e);
    insert.run(seq, e.at, e.user.name, e.user.role, e.patientId, e.action, e.target, prevHash, hash);
    head.run(seq, hash, mac(secret, 'head', seq, hash));
  };
  const append = db.transaction(write);

  return {
    /** The newest entry (seq 0 and GENESIS when the trail is empty). */
    head(): { seq: number; hash: string } {
      const row = last.get();
      return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS };
    },
    /** Inside the caller's transaction when there is one, so the entry commits with the change it records. */
    append(e: AuditEvent): void {
      // Already in one (every audited command is): no savepoint of its own, its two statements saved.
      if (db.inTransaction) write(e);
      else append(e);
    },
    list(filter: { patientId?: string | undefined; action?: string | undefined; user?: string | undefined; limit: number; before?: number | undefined }): AuditEntry[] {
      return page
        .all({ patientId: filter.patientId ?? null, actions: filter.action === undefined ? null : JSON.stringify(auditActionNames(filter.action)), user: filter.user ?? null, limit: filter.limit, before: filter.before ?? Number.MAX_SAFE_INTEGER })
        .map((r) => ({ seq: r.seq, at: r.at, user: { name: r.user_name, role: r.user_role }, patientId: r.patient_id, action: r.action, target: r.target, hash: r.hash }));
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

type Broken = Extract<ChainVerdict, { ok: false }>;

/**
 * The checks' statements, prepared once per connection: the seal check after every call
 * (audit-guard.ts) runs hashAt and verifyChainRange, and preparing them was a fifth of it.
 */
const statementsOf = (() => {
  const made = new WeakMap<Db, ReturnType<typeof prepare>>();
  const prepare = (db: Db) => ({
    range: db.prepare<[number, number], Row>('SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq'),
    entry: db.prepare<[number], Row>('SELECT * FROM audit_log WHERE seq = ?'),
    hash: db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?'),
    head: db.prepare<[], { seq: number; hash: string; mac: string }>('SELECT seq, hash, mac FROM audit_head WHERE id = 1'),
  });
  return (db: Db) => {
    let s = made.get(db);
    if (!s) made.set(db, (s = prepare(db)));
    return s;
  };
})();

const eventOf = (r: Row): AuditEvent => ({ at: r.at, user: { name: r.user_name, role: r.user_role }, patientId: r.patient_id, action: r.action, target: r.target });

/**
 * Walks the chain in order from entry `from` (whose predecessor's hash is `prevHash`) up to `to`
 * (default: the end); reports the first entry whose number, link or MAC fails.
 */
export function verifyChainRange(db: Db, key: Buffer | KeyObject, range: { from: number; prevHash: string; to?: number }): ChainVerdict {
  let prevHash = range.prevHash;
  let expectedSeq = range.from;
  const rows = statementsOf(db).range.iterate(range.from, range.to ?? Number.MAX_SAFE_INTEGER);
  for (const r of rows) {
    if (r.seq !== expectedSeq) return { ok: false, firstBrokenSeq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${r.seq})` };
    if (r.prev_hash !== prevHash) return { ok: false, firstBrokenSeq: r.seq, reason: `entry ${r.seq} does not follow entry ${r.seq - 1}` };
    if (entryMac(key, r.seq, r.prev_hash, eventOf(r)) !== r.hash) return { ok: false, firstBrokenSeq: r.seq, reason: `entry ${r.seq} was altered` };
    prevHash = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: expectedSeq - 1, head: { seq: expectedSeq - 1, hash: prevHash } };
}

/** Entries one by one (a page of the trail, filtered or not): each one's MAC, and its link to the entry before it. */
export function verifyEntries(db: Db, key: Buffer | KeyObject, seqs: readonly number[]): Broken | null {
  const row = statementsOf(db).entry;
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    const r = row.get(seq);
    if (!r) return { ok: false, firstBrokenSeq: seq, reason: `entry ${seq} is missing` };
    if (entryMac(key, r.seq, r.prev_hash, eventOf(r)) !== r.hash) return { ok: false, firstBrokenSeq: seq, reason: `entry ${seq} was altered` };
    const before = hashAt(db, seq - 1);
    if (before !== null && before !== r.prev_hash) return { ok: false, firstBrokenSeq: seq, reason: `entry ${seq} does not follow entry ${seq - 1}` };
  }
  return null;
}

/** The hash of entry `seq` (GENESIS for 0), or null when there is no such entry. */
export function hashAt(db: Db, seq: number): string | null {
  if (seq === 0) return GENESIS;
  return statementsOf(db).hash.get(seq)?.hash ?? null;
}

/** The keyed head record in the database against the chain's last entry. */
export function headRecordProblem(db: Db, key: Buffer | KeyObject, last: { seq: number; hash: string }): Broken | null {
  const head = statementsOf(db).head.get();
  if (last.seq === 0 && !head) return null;
  if (!head || head.mac !== mac(key, 'head', head.seq, head.hash)) return { ok: false, firstBrokenSeq: last.seq + 1, reason: 'the head record is missing or was altered' };
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return { ok: false, firstBrokenSeq: Math.min(head.seq, last.seq) + 1, reason: `the log ends at entry ${last.seq} but its head names entry ${head.seq}: entries were removed` };
  }
  return null;
}

/**
 * The chain and the keyed head record in the database, in one go (audit-guard.ts walks long trails
 * in steps, and checks the seal outside the database). Checked from entry `since` on: entries
 * before it predate an acknowledged break (the key was lost, or an entry altered) and cannot be verified.
 */
export function verifyAuditChain(db: Db, key: Buffer | KeyObject, since = 1): ChainVerdict {
  const prevHash = hashAt(db, since - 1);
  if (prevHash === null) return { ok: false, firstBrokenSeq: since - 1, reason: `entry ${since - 1} is missing` };
  const chain = verifyChainRange(db, key, { from: since, prevHash });
  if (!chain.ok) return chain;
  return headRecordProblem(db, key, chain.head) ?? chain;
}
