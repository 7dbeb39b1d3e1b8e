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
 *
 * What is checked when: the seal against the trail's head at start-up, right
 * after every call (once its answer is out: audit-seal-writer.ts) and on every
 * read (cheap); every entry a page of the trail shows;
 * the whole chain at start-up and on request, in steps that let other calls
 * through, since a year's trail is hundreds of thousands of entries.
 */
import type { AuditAlarm } from '#shared/contract/audit';
import { CommandError } from '#shared/contract/errors';
import { SYSTEM_ACTOR, hashAt, headRecordProblem, verifyAuditChain, verifyChainRange, verifyEntries, type AuditLog, type AuditVerdict, type ChainVerdict } from './audit';
import type { LoadedAuditKey } from './audit-key';
import { readSeal, type Seal } from './audit-seal';
import { createSealWriter, type SealPosition } from './audit-seal-writer';
import type { Db } from './connection';


/** Entries walked in one step of a whole-chain check (tens of milliseconds), between which other calls run. */
const STEP = 10_000;
/** Up to this many entries, start-up checks the whole chain before the app opens; beyond, right after, in steps. */
const CHECK_BEFORE_OPENING = 50_000;

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

const failed = (c: ChainVerdict): c is Extract<ChainVerdict, { ok: false }> => !c.ok;

export function createAuditGuard({ db, keyDir, key, audit, now, log }: AuditGuardDeps) {
  /** Where the trail is sealed, as last checked and handed to the writer (or read and trusted); null until one is established. */
  let sealed: SealPosition | null = null;
  let alarm: AuditAlarm | null = null;
  let stopped = false;
  /** Closing: the last seal is written whole, now, with no write left in flight on the key folder. */
  let closing = false;
  const writer = createSealWriter(keyDir, key, log);
  /** The check after a call, queued to run once its answer is out. */
  let queued: NodeJS.Immediate | null = null;

  function write(next: SealPosition, moving = false): void {
    if (moving && !closing) writer.move(next);
    else writer.writeWhole(next);
    sealed = next;
  }

  function raise(problem: Problem): void {
    if (alarm) return;
    alarm = { firstBrokenSeq: problem.firstBrokenSeq, reason: problem.reason, detectedAt: now() };
    log(`AUDIT TRAIL ALARM at entry ${problem.firstBrokenSeq}: ${problem.reason}. An administrator must review it on the Audit trail screen.`);
    audit.append({ at: now(), user: SYSTEM_ACTOR, patientId: null, action: 'audit.sealBroken', target: `entry:${problem.firstBrokenSeq}; ${problem.reason}` });
  }

  /** Whether the trail still holds the sealed entry (it may go further: entries after it were checked as it grew). */
  function headProblem(lastSeq: number, seal: SealPosition): Problem | null {
    const at = hashAt(db, seal.seq);
    if (seal.seq > lastSeq || at === null) {
      return { firstBrokenSeq: Math.min(lastSeq, seal.seq) + 1, reason: `the trail ends at entry ${lastSeq} but its seal names entry ${seal.seq}: entries were removed, or an older copy of the database was put back` };
    }
    if (at !== seal.hash) return { firstBrokenSeq: seal.seq, reason: `entry ${seal.seq} is not the entry that was sealed: entries were removed and others written in their place, or the trail was replaced by another copy` };
    return null;
  }

  /** The seal on disk against the one this process wrote, and against the trail's head. */
  function sealProblem(): Problem | null {
    const lastSeq = audit.head().seq;
    const read = readSeal(keyDir, key);
    if (read.state === 'missing') return { firstBrokenSeq: lastSeq + 1, reason: `the audit seal is missing from the key folder (${keyDir})` };
    if (read.state === 'invalid') return { firstBrokenSeq: lastSeq + 1, reason: read.reason };
    if (sealed && !writer.mayShow(read.seal.counter)) {
      return { firstBrokenSeq: lastSeq + 1, reason: `the audit seal was replaced while the app ran (#${read.seal.counter} where #${writer.newest()?.counter ?? 0} was written)` };
    }
    return headProblem(lastSeq, read.seal);
  }

  const since = (): number => sealed?.since ?? 1;

  /** The verdict once the chain passed: the alarm, else the seal. */
  function sealVerdict(): AuditVerdict {
    if (alarm) return { ok: false, firstBrokenSeq: alarm.firstBrokenSeq, reason: alarm.reason };
    const problem = sealProblem();
    if (problem) {
      raise(problem);
      return { ok: false, ...problem };
    }
    const s = writer.newest();
    if (!sealed || !s) return { ok: false, firstBrokenSeq: audit.head().seq + 1, reason: 'the audit trail has no seal' };
    return { ok: true, entries: audit.head().seq, sealed: { counter: s.counter, seq: s.seq, hash: s.hash }, ...(since() > 1 ? { unverifiedBefore: since() } : {}) };
  }

  /** The whole chain from `since`, STEP entries at a time with other calls let through in between. */
  async function walkChain(): Promise<ChainVerdict | null> {
    let prevHash = hashAt(db, since() - 1);
    if (prevHash === null) return { ok: false, firstBrokenSeq: since() - 1, reason: `entry ${since() - 1} is missing` };
    for (let from = since(); ; ) {
      const part = verifyChainRange(db, key, { from, prevHash, to: from + STEP - 1 });
      if (failed(part)) return part;
      // The last step and the head record are read in one go: no entry can be added in between.
      if (part.head.seq < from + STEP - 1) return headRecordProblem(db, key, part.head) ?? part;
      from = part.head.seq + 1;
      prevHash = part.head.hash;
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped) return null;
    }
  }

  /** Every entry and the seal. A failure raises the alarm. */
  async function verify(): Promise<AuditVerdict> {
    await settled();
    const chain = await walkChain();
    if (!chain) throw new CommandError('UNAVAILABLE', 'The app is closing; the audit chain was not checked to the end.');
    if (failed(chain)) {
      raise(chain);
      return chain;
    }
    return sealVerdict();
  }

  /** After every call: seal the entries it added, if they follow the sealed one. */
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
    write({ seq: added.head.seq, hash: added.head.hash, since: sealed.since }, true);
  }

  function checkAndMove(): void {
    queued = null;
    try {
      step();
    } catch (error) {
      log(`the audit seal could not be checked (${error instanceof Error ? error.message : String(error)}); it will be after the next change`);
    }
  }

  /** After every call: the check and the seal's move queued behind its answer. Never throws. */
  function advance(): void {
    if (!queued && !stopped) queued = setImmediate(checkAndMove);
  }

  /** Resolves once the calls so far are checked and their seal is on disk. */
  async function settled(): Promise<void> {
    while (queued) await new Promise((resolve) => setImmediate(resolve));
    await writer.settled();
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

  /** A trail with no seal yet: a new one, or the key just moved out of the data folder by this version. */
  function establish(keyOrigin: LoadedAuditKey['origin']): void {
    const chain = verifyAuditChain(db, key);
    if (failed(chain)) return raise(chain);
    if (chain.entries > 0 && keyOrigin !== 'moved') return raise({ firstBrokenSeq: chain.entries + 1, reason: `the audit seal is missing from the key folder (${keyDir})` });
    write({ seq: chain.head.seq, hash: chain.head.hash, since: 1 });
    log(`audit seal established at entry ${chain.head.seq} in ${keyDir}`);
  }

  return {
    /** At start-up: check the trail against its seal, establish the seal on first use, or raise the alarm. */
    open(keyOrigin: LoadedAuditKey['origin'], replace?: Reseal): void {
      const read = readSeal(keyDir, key);
      if (read.state === 'ok') {
        sealed = read.seal;
        writer.adopt(read.seal);
      }
      if (replace) return reseal(replace, read.state === 'ok' ? read.seal : null);
      const lastSeq = audit.head().seq;
      // A trail the key cannot check at all: the key folder was lost, or is not this data folder's.
      if (keyOrigin === 'created' && lastSeq > 0 && failed(verifyChainRange(db, key, { from: 1, prevHash: hashAt(db, 0)!, to: 1 }))) {
        return raise({ firstBrokenSeq: 1, reason: `the audit key was missing from the key folder (${keyDir}); a new one was made, and the ${lastSeq} entries written before cannot be checked` });
      }
      if (read.state === 'missing') return establish(keyOrigin);
      if (read.state === 'invalid') return raise({ firstBrokenSeq: lastSeq + 1, reason: read.reason });
      const whole = lastSeq - since() <= CHECK_BEFORE_OPENING;
      // The first broken entry is the most useful to report: the whole chain first when it is quick.
      const chain = whole ? verifyAuditChain(db, key, since()) : null;
      if (chain && failed(chain)) return raise(chain);
      const problem = headProblem(lastSeq, read.seal);
      if (problem) return raise(problem);
      if (!whole) {
        log(`checking the ${lastSeq} audit entries in the background`);
        void verify().then((v) => log(v.ok ? `the audit chain checked out: ${v.entries} entries` : 'the audit chain failed its check'), () => undefined);
      }
      advance();
    },

    advance,
    settled,
    verify,

    /** For a page of the trail: the seal against the head, and every entry shown (its MAC and its link). */
    checkPage(seqs: readonly number[]): AuditVerdict {
      const broken = verifyEntries(db, key, seqs.filter((s) => s >= since()));
      if (broken) {
        raise(broken);
        return broken;
      }
      return sealVerdict();
    },

    alarm: (): AuditAlarm | null => alarm,

    /**
     * An administrator accepts the break (the caller has checked the password): the acknowledgement
     * and its reason are recorded, and the seal starts again at the new head. If the chain itself
     * cannot be checked (an altered entry, a lost key), checking starts at the acknowledgement.
     */
    async acknowledge(user: { name: string; role: string }, reason: string): Promise<AuditVerdict> {
      const found = await verify();
      if (found.ok || !alarm) throw new CommandError('CONFLICT', 'The audit trail and its seal agree; there is nothing to acknowledge.');
      const was = alarm;
      audit.append({ at: now(), user, patientId: null, action: 'audit.alarmAcknowledged', target: `entry:${was.firstBrokenSeq}; ${was.reason}; reason given: ${reason}` });
      const head = audit.head();
      write({ seq: head.seq, hash: head.hash, since: verifyAuditChain(db, key, since()).ok ? since() : head.seq });
      alarm = null;
      log(`the audit trail alarm was acknowledged by ${user.name}; sealed again at entry ${head.seq}`);
      return verify();
    },

    /**
     * The app is closing (the database still open): the last calls checked and sealed now, the
     * seal written whole; a whole-chain check in progress stops at its next step.
     */
    stop(): void {
      closing = true;
      if (queued) {
        clearImmediate(queued);
        checkAndMove();
      }
      stopped = true;
      try {
        writer.flush();
      } catch (error) {
        log(`the audit seal could not be written at close (${error instanceof Error ? error.message : String(error)}); the next start checks the entries after it`);
      }
    },
  };

}
export type AuditGuard = ReturnType<typeof createAuditGuard>;
