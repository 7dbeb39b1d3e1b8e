/**
 * Keeps the audit seal (audit-seal.ts) in step with the trail, and raises the
 * alarm when they disagree. The seal moves forward only over entries that
 * chain from the sealed one with valid MACs, so entries cut from the end stay
 * missing after any number of later writes, and an older copy of the database
 * (a backup put back by file copy) ends before its seal. A restore or a fresh
 * start done through the app is an administrator's act: it re-seals, and the
 * entry it writes records how far the trail went back. An alarm is recorded in
 * the trail, shown to everyone, and ends only when an administrator
 * acknowledges it with a reason (recorded too).
 */
import type { AuditAlarm } from '#shared/contract/audit';
import { CommandError } from '#shared/contract/errors';
import { hashAt, verifyAuditChain, verifyChainRange, type AuditLog, type AuditVerdict, type ChainVerdict } from './audit';
import type { LoadedAuditKey } from './audit-key';
import { readSeal, writeSeal, type Seal } from './audit-seal';
import type { Db } from './connection';

/** Who records what the app found by itself. */
export const SYSTEM_ACTOR = { name: 'ProcedureDesk', role: 'system' } as const;

/** The database was replaced on purpose through the app (restore, start empty): re-seal, recording it. */
export interface Reseal {
  user: { name: string; role: string };
  action: 'recovery.restoreBackup' | 'recovery.startEmpty';
  target: string;
}

type Problem = { firstBrokenSeq: number; reason: string };

export interface AuditGuardDeps {
  db: Db;
  keyDir: string;
  key: Buffer;
  audit: AuditLog;
  now: () => string;
  log: (message: string) => void;
}

export function createAuditGuard({ db, keyDir, key, audit, now, log }: AuditGuardDeps) {
  /** The seal as last written or read and trusted; null until one is established. */
  let sealed: Seal | null = null;
  let alarm: AuditAlarm | null = null;

  function write(next: Omit<Seal, 'counter'>): void {
    const seal = { counter: (sealed?.counter ?? 0) + 1, ...next };
    writeSeal(keyDir, key, seal);
    sealed = seal;
  }

  function raise(problem: Problem): void {
    if (alarm) return;
    alarm = { ...problem, detectedAt: now() };
    log(`AUDIT TRAIL ALARM at entry ${problem.firstBrokenSeq}: ${problem.reason}. An administrator must review it on the Audit trail screen.`);
    audit.append({ at: now(), user: SYSTEM_ACTOR, patientId: null, action: 'audit.sealBroken', target: `entry:${problem.firstBrokenSeq}; ${problem.reason}` });
  }

  /** Whether the trail still holds the sealed entry (it may go further: entries after it were checked as it grew). */
  function headProblem(lastSeq: number, seal: Seal): Problem | null {
    const at = hashAt(db, seal.seq);
    if (seal.seq > lastSeq || at === null) {
      return { firstBrokenSeq: Math.min(lastSeq, seal.seq) + 1, reason: `the trail ends at entry ${lastSeq} but its seal names entry ${seal.seq}: entries were removed, or an older copy of the database was put back` };
    }
    if (at !== seal.hash) return { firstBrokenSeq: seal.seq, reason: `entry ${seal.seq} is not the entry that was sealed: the trail was replaced by another copy` };
    return null;
  }

  const failed = (c: ChainVerdict): c is Extract<ChainVerdict, { ok: false }> => !c.ok;

  /** After every call: seal the entries it added, if they follow the sealed one. Never throws: the call's answer is already decided. */
  function advance(): void {
    try {
      step();
    } catch (error) {
      log(`the audit seal could not be checked (${error instanceof Error ? error.message : String(error)}); it will be after the next change`);
    }
  }

  function step(): void {
    if (alarm || !sealed || db.inTransaction) return;
    const head = audit.head();
    if (head.seq === sealed.seq && head.hash === sealed.hash) return;
    const problem = headProblem(head.seq, sealed);
    if (problem) return raise(problem);
    const added = verifyChainRange(db, key, { from: sealed.seq + 1, prevHash: sealed.hash });
    if (failed(added)) return raise(added);
    // If this fails (disk full), the change itself is saved; the seal catches up after the next one,
    // as a trail ahead of its seal is checked entry by entry.
    write({ seq: added.head.seq, hash: added.head.hash, since: sealed.since });
  }

  /** After the database was replaced through the app: record how far the trail went back, and seal the new head. */
  function reseal(replace: Reseal, previous: Seal | null): void {
    const from = previous ? `entry ${previous.seq} (seal #${previous.counter})` : 'an unsealed trail';
    const chain = verifyAuditChain(db, key);
    audit.append({ at: now(), user: replace.user, patientId: null, action: replace.action, target: `${replace.target}; the audit trail went from ${from} to entry ${audit.head().seq}` });
    if (failed(chain)) return raise(chain);
    const head = audit.head();
    write({ seq: head.seq, hash: head.hash, since: 1 });
  }

  /** The whole chain, then the seal on disk against the one this process wrote; a failure raises the alarm. */
  function verify(): AuditVerdict {
    const since = sealed?.since ?? 1;
    const chain = verifyAuditChain(db, key, since);
    if (failed(chain)) {
      raise(chain);
      return chain;
    }
    if (alarm) return { ok: false, firstBrokenSeq: alarm.firstBrokenSeq, reason: alarm.reason };
    const read = readSeal(keyDir, key);
    const problem: Problem | null =
      read.state === 'missing' ? { firstBrokenSeq: chain.entries + 1, reason: `the audit seal is missing from the key folder (${keyDir})` }
        : read.state === 'invalid' ? { firstBrokenSeq: chain.entries + 1, reason: read.reason }
          : sealed && read.seal.counter !== sealed.counter ? { firstBrokenSeq: chain.entries + 1, reason: `the audit seal was replaced while the app ran (#${read.seal.counter} where #${sealed.counter} was written)` }
            : headProblem(chain.entries, read.seal);
    if (problem) {
      raise(problem);
      return { ok: false, ...problem };
    }
    const seal = (read as Extract<typeof read, { state: 'ok' }>).seal;
    return { ok: true, entries: chain.entries, sealed: { counter: seal.counter, seq: seal.seq, hash: seal.hash }, ...(since > 1 ? { unverifiedBefore: since } : {}) };
  }

  return {
    /** At start-up: check the trail against its seal, establish the seal on first use, or raise the alarm. */
    open(keyOrigin: LoadedAuditKey['origin'], replace?: Reseal): void {
      const read = readSeal(keyDir, key);
      if (read.state === 'ok') sealed = read.seal;
      if (replace) return reseal(replace, sealed);
      const chain = verifyAuditChain(db, key, sealed?.since ?? 1);
      const lastSeq = audit.head().seq;
      if (failed(chain)) {
        // A trail the new key cannot check: the key folder was lost or is not this data folder's.
        if (keyOrigin === 'created') return raise({ firstBrokenSeq: 1, reason: `the audit key was missing from the key folder (${keyDir}); a new one was made, and the ${lastSeq} entries written before cannot be checked` });
        return raise(chain);
      }
      if (read.state === 'invalid') return raise({ firstBrokenSeq: lastSeq + 1, reason: read.reason });
      if (read.state === 'missing') {
        // First use of the seal: a new trail, or the key just moved out of the data folder by this version.
        if (lastSeq === 0 || keyOrigin === 'moved') {
          write({ seq: chain.head.seq, hash: chain.head.hash, since: 1 });
          log(`audit seal established at entry ${chain.head.seq} in ${keyDir}`);
          return;
        }
        return raise({ firstBrokenSeq: lastSeq + 1, reason: `the audit seal is missing from the key folder (${keyDir})` });
      }
      const problem = headProblem(lastSeq, read.seal);
      if (problem) return raise(problem);
      advance();
    },

    advance,

    verify,

    alarm: (): AuditAlarm | null => alarm,

    /**
     * An administrator accepts the break (the caller has checked the password): the acknowledgement
     * and its reason are recorded, and the seal starts again at the new head. If the chain itself
     * cannot be checked (an altered entry, a lost key), checking starts at the acknowledgement.
     */
    acknowledge(user: { name: string; role: string }, reason: string): AuditVerdict {
      const found = verify();
      if (found.ok || !alarm) throw new CommandError('CONFLICT', 'The audit trail and its seal agree; there is nothing to acknowledge.');
      const was = alarm;
      audit.append({ at: now(), user, patientId: null, action: 'audit.alarmAcknowledged', target: `entry:${was.firstBrokenSeq}; ${was.reason}; reason given: ${reason}` });
      const head = audit.head();
      const since = sealed?.since ?? 1;
      write({ seq: head.seq, hash: head.hash, since: verifyAuditChain(db, key, since).ok ? since : head.seq });
      alarm = null;
      log(`the audit trail alarm was acknowledged by ${user.name}; sealed again at entry ${head.seq}`);
      return verify();
    },
  };
}
export type AuditGuard = ReturnType<typeof createAuditGuard>;
