/**
 * The app as the hosts run it: the core when the database is healthy, recovery
 * mode when it is not. A damaged file is set aside untouched and never silently
 * replaced; the user restores a backup or, on explicit choice, starts empty.
 * Also takes the rotating backups: after start-up and on a schedule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, type RuntimeHandlers, type SomeHandlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { isMethodName, METHODS, type MethodName } from '#shared/contract/methods';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { backupQueue } from './backup-queue';
import { isPlaintextDatabase } from './connection';
import { DatabaseDamagedError, defaultKeyDir, openCore, type Core } from './core';
import { protectPlaintextLeftovers } from './encrypt-existing';
import { backupList, backupsDir } from './handlers/recovery';
import { needsLongQuickCheck, quarantine } from './integrity';
import { databaseKeyFor } from './keys/database-key';
import { DATABASE_FILE } from './paths';
import { runSqliteJob } from './sqlite-worker';
import { createRecoveryGate } from './recovery-admin';
import { RECOVERY_OPERATOR, restoreSources } from './restore-sources';
import { journalPath, openCheckJournal, type CheckJournal } from './check-journal';
import { commandTape } from './command-tape';
import { journaledDispatch, replayJournal, type JournaledDispatch } from './journaled-dispatch';
import type { Runtime, RuntimeOptions } from './runtime-types';

export type { Runtime, RuntimeOptions } from './runtime-types';

/** Who restores a backup on their own when the background check finds damage (recorded in the restored trail). */
const AUTOMATIC_RECOVERY = { name: 'ProcedureDesk automatic recovery', role: 'admin' };
/** quick_check speed for the estimate on screen: 12 GiB in 58 s at 100k patients (bench/RESULTS.md section 3), rounded down. */
const CHECK_BYTES_PER_SECOND = 200 * 2 ** 20;

export function startRuntime(runtimeOptions: RuntimeOptions): Runtime {
  const log = runtimeOptions.log ?? (() => undefined);
  const file = path.join(runtimeOptions.dataDir, DATABASE_FILE);
  const keyDir = runtimeOptions.keyDir ?? defaultKeyDir(runtimeOptions.dataDir);
  // Loaded once, before anything reads the file: the check on a worker needs it too. A key that
  // cannot be had stops the start here, with its reason (db/keys/database-key.ts).
  const databaseKey = runtimeOptions.databaseKey ?? databaseKeyFor(file, keyDir, runtimeOptions.databaseKeyProtector, log);
  const options: RuntimeOptions = { ...runtimeOptions, keyDir, databaseKey };
  const encryption = { keyProtection: databaseKey.protection, keyDir };
  let core: Core | null = null;
  let problem: RecoveryStatus['problem'] = null;
  let timer: NodeJS.Timeout | null = null;
  /** Set while quick_check of a large file runs on a worker after an unclean shutdown. */
  let checking: RecoveryStatus['check'] = null;
  /** While checking in the background: the core's calls, one at a time, changes also in the side journal. */
  let journaled: JournaledDispatch | null = null;
  let damageAfterCheck: RecoveryStatus['damageAfterCheck'] = null;
  // The core's clock and ids, recordable for the side journal and replayable from it.
  const tape = commandTape(runtimeOptions.now, runtimeOptions.newId);
  const coreOptions = { ...runtimeOptions, keyDir, databaseKey, now: tape.now, newId: tape.newId };
  let closed = false;
  /** Stops a backup or check running on a worker when the app closes. */
  const closing = new AbortController();

  const mode = (): RecoveryStatus['mode'] => (core ? 'ready' : checking ? 'checking' : 'recovery');
  const status = (): RecoveryStatus => {
    const backups = backupList(options.dataDir);
    return {
      mode: mode(), check: checking, damageAfterCheck, problem, backups, dataDir: options.dataDir,
      auditAlarm: core?.auditAlarm() ?? null,
      needsConsoleCode: !core && backups.length === 0 && !!options.consoleCode,
      encryption,
    };
  };
  const gate = createRecoveryGate({ key: databaseKey, cost: options.passwordCost, log });
  const { backupToRestore, installBackup, startEmptyProof } = restoreSources({ dataDir: options.dataDir, file, databaseKey, gate, consoleCode: options.consoleCode });

  const backupJobs = backupQueue({ current: () => core, checking: () => checking !== null, databaseKey, dir: backupsDir(options.dataDir), signal: closing.signal, log });
  const backupNow = backupJobs.now;

  // Read through a function: TypeScript cannot see that becomeReady() sets it.
  const current = (): Core | null => core;

  /** In the background check the services that write outside the dispatcher (and so outside the journal) wait for it. */
  function becomeReady(next: Core, background = false): void {
    core = next;
    problem = null;
    backupJobs.reset();
    if (!background) startServices(next);
  }

  function startServices(next: Core): void {
    void backupNow();
    // Queued exports go out when the network is there: tried now, then on the timer (db/delivery/worker.ts).
    next.delivery.start(options.deliveryEveryMs ?? 60_000);
    // The day's schedule: the inbox polled and the MLLP listener started where set (db/schedule/runner.ts).
    next.scheduleRunner.start(options.scheduleEveryMs ?? 30_000);
    if (options.backupEveryMs) {
      timer = setInterval(() => void backupNow('if-changed'), options.backupEveryMs);
      timer.unref();
    }
  }

  function setAside(error: DatabaseDamagedError): void {
    const { damage = 'corrupt', detail = '' } = error.inspection;
    const setAsideTo = quarantine(file, damage);
    // An older install's unencrypted file set aside is sealed, like any plaintext copy.
    protectPlaintextLeftovers(options.dataDir, databaseKey, log);
    problem = { damage, detail, setAsideTo };
    log(`database set aside (${damage}: ${detail}) to ${setAsideTo}; starting in recovery mode`);
    // With no backup to check an administrator's password against, starting empty needs the console's code.
    if (backupList(options.dataDir).length === 0) options.consoleCode?.announce('start with an empty database');
  }

  function openOrSetAside(quickCheckDone: boolean, background = false): void {
    try {
      becomeReady(openCore({ ...coreOptions, quickCheckDone }), background);
    } catch (error) {
      if (!(error instanceof DatabaseDamagedError)) throw error;
      setAside(error);
    }
  }

  let started: Promise<void> = Promise.resolve();
  // A journal left by an earlier check that never finished: the file is still unchecked.
  if (needsLongQuickCheck(file) || (fs.existsSync(journalPath(options.dataDir)) && fs.existsSync(file))) {
    const bytes = fs.statSync(file).size;
    // The core opens at once (the header, schema and version are still checked); quick_check of
    // every page runs on a worker's own read-only connection meanwhile (why, and why not "check only the WAL's pages": db/journaled-dispatch.ts).
    openOrSetAside(true, true);
    const open = current();
    if (open) {
      checking = { bytes, startedAt: new Date().toISOString(), expectedSeconds: Math.ceil(bytes / CHECK_BYTES_PER_SECOND) };
      log(`the previous run did not close cleanly; checking the ${(bytes / 2 ** 30).toFixed(1)} GiB data file in the background (the app is usable meanwhile)`);
      const journal = openCheckJournal(options.dataDir, databaseKey);
      const secondsLeft = () => Math.max(1, (checking?.expectedSeconds ?? 0) - Math.round((Date.now() - Date.parse(checking?.startedAt ?? '')) / 1000));
      journaled = journaledDispatch(open, journal, tape, secondsLeft);
      const damaged = (detail: string) => new DatabaseDamagedError({ state: 'damaged', damage: 'corrupt', detail, uncleanShutdown: true });
      const key = isPlaintextDatabase(file) ? null : databaseKey;
      started = Promise.resolve(options.holdCheck)
        .then(() => runSqliteJob({ kind: 'check', file, check: 'quick_check', key }, closing.signal))
        .then(
          (result) => (result.check === 'ok' ? null : damaged(`quick_check: ${result.check.slice(0, 200)}`)),
          (error: unknown) => damaged(error instanceof Error ? error.message : String(error)),
        )
        .then(async (damage) => {
          // Closed before the check finished: the journal stays, and the next start checks again.
          if (closed) return;
          if (damage) return recoverFromDamage(damage, journal);
          checking = null;
          journaled = null;
          journal.remove();
          log('the background quick_check passed; the side journal is deleted');
          startServices(open);
        })
        .catch((error: unknown) => {
          log(`the background check failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
  } else {
    openOrSetAside(false);
  }

  /**
   * The background check found damage after the app had been in use: stop taking calls, set the
   * file aside, restore the newest verified backup and replay the side journal onto it. What cannot
   * be replayed (or no usable backup) keeps the journal, beside the damaged file, for an administrator.
   */
  async function recoverFromDamage(damage: DatabaseDamagedError, journal: CheckJournal): Promise<void> {
    const detail = damage.inspection.detail ?? 'damage';
    await journaled?.stop(RECOVERING);
    await backupJobs.settled();
    core?.close();
    core = null;
    journaled = null;
    const setAsideTo = quarantine(file, 'corrupt');
    damageAfterCheck = { detail, foundAt: new Date().toISOString(), setAsideTo, restoredBackup: null, replayed: 0, keptForAdministrator: 0, journalKeptAt: null };
    log(`the background check found damage (${detail}); the file is set aside to ${setAsideTo}`);
    const records = journal.records();
    const keepJournal = () => {
      const to = path.join(setAsideTo, path.basename(journal.file));
      fs.renameSync(journal.file, to);
      return to;
    };
    let chosen: string | null = null;
    let chosenSource = '';
    for (const b of backupList(options.dataDir)) {
      const { source, why } = await backupToRestore(b.name, `${file}.restoring`);
      if (!why) { chosen = b.name; chosenSource = source; break; }
      fs.rmSync(`${file}.restoring`, { force: true });
    }
    if (!chosen) {
      checking = null;
      problem = { damage: 'corrupt', detail, setAsideTo };
      damageAfterCheck = { ...damageAfterCheck, keptForAdministrator: records.length, journalKeptAt: records.length ? keepJournal() : null };
      if (!records.length) journal.remove();
      log(`no usable backup to restore; recovery mode, ${records.length} change(s) kept in the side journal for an administrator`);
      if (backupList(options.dataDir).length === 0) options.consoleCode?.announce('start with an empty database');
      return;
    }
    await installBackup(chosenSource);
    const restored = openCore({ ...coreOptions, reseal: { user: AUTOMATIC_RECOVERY, action: 'recovery.restoreBackup', target: `backup:${chosen} (the background check found damage)` } });
    const outcome = await replayJournal(restored, tape, records);
    for (const k of outcome.kept) log(`not replayed: #${k.seq} ${k.method} of ${k.at}: ${k.why}`);
    const journalKeptAt = outcome.kept.length ? keepJournal() : null;
    if (!journalKeptAt) journal.remove();
    damageAfterCheck = { ...damageAfterCheck, restoredBackup: chosen, replayed: outcome.replayed, keptForAdministrator: outcome.kept.length, journalKeptAt };
    checking = null;
    log(`restored ${chosen} and replayed ${outcome.replayed} of ${records.length} change(s) made during the check`);
    becomeReady(restored);
  }

  const RECOVERING = 'The background check found damage in the data file: ProcedureDesk is restoring the newest verified backup and re-applying the changes made since it started. Nothing was changed by this request; try again when the screen says so.';
  const unavailable = (): never => {
    throw new CommandError('UNAVAILABLE', checking ? RECOVERING : 'The database needs recovery: restore a backup or start empty first.');
  };
  /** The methods the contract says the runtime serves, in either mode (servedBy: 'runtime'). */
  const runtimeHandlers: RuntimeHandlers = {
    'recovery.restoreBackup': async ({ backup, username, password }) => {
      if (checking) unavailable();
      // Let a backup in progress finish before its database is closed.
      await backupJobs.settled();
      if (!backupList(options.dataDir).some((b) => b.name === backup)) throw new CommandError('NOT_FOUND', `No backup named ${backup}.`);
      const restoring = `${file}.restoring`;
      try {
        const { source, why } = await backupToRestore(backup, restoring);
        if (why) throw new CommandError('CONFLICT', `The backup ${backup} cannot be restored: ${why}. Choose another backup.`);
        // An administrator of the file that will be the database: the current one may be damaged or not theirs.
        const admin = await gate.admin(source, `the backup ${backup}`, username, password);
        if (core) {
          // Restoring over a healthy database: close it, and set the current file aside rather than delete it.
          if (timer) clearInterval(timer);
          core.close();
          core = null;
          quarantine(file, 'replaced-by-restore');
        }
        // The damaged file is already set aside; no -wal or -shm may pair with the restored copy.
        await installBackup(source);
        // Recorded in the restored database's own trail (the history that continues), which is sealed again.
        becomeReady(openCore({ ...coreOptions, reseal: { user: admin, action: 'recovery.restoreBackup', target: `backup:${backup}` } }));
        log(`restored ${backup} (by ${admin.name})`);
        return status();
      } finally {
        fs.rmSync(restoring, { force: true });
      }
    },
    'recovery.startEmpty': async ({ username, password, consoleCode }) => {
      if (core) throw new CommandError('CONFLICT', 'The database is healthy and in use; there is nothing to recover.');
      if (checking) unavailable();
      const user = await startEmptyProof(username, password, consoleCode);
      becomeReady(openCore({ ...coreOptions, reseal: { user, action: 'recovery.startEmpty', target: 'the damaged file stays set aside' } }));
      log(`started with an empty database by explicit choice (${user.name})`);
      return status();
    },
    'backup.now': async (_input, { caller }) => {
      const info = (await backupJobs.queued('always'))!;
      core?.record(caller.actor, 'backup.now', `backup:${path.basename(info.file)}`);
      log(`backup written on request: ${path.basename(info.file)}`);
      return status();
    },
  };
  // Without a core every other method is unavailable; the runtime's own methods work in either mode.
  const recoveryHandlers: SomeHandlers = {
    ...Object.fromEntries((Object.keys(METHODS) as MethodName[]).map((m) => [m, unavailable])),
    'recovery.status': () => status(),
    ...runtimeHandlers,
  };
  const recoveryDispatch = createDispatcher(recoveryHandlers, {
    // Healthy: the core's accounts decide. In recovery mode there are no accounts to check (the
    // database is the thing being recovered): the handlers check an administrator of the file that replaces it.
    authenticate: (token, access, method) => {
      if (core) return core.auth.authenticate(token, access, method);
      if (!checking && (method === 'recovery.restoreBackup' || method === 'recovery.startEmpty')) return RECOVERY_OPERATOR;
      return unavailable();
    },
  });
  const servedByRuntime = (method: unknown) => isMethodName(method) && METHODS[method].servedBy === 'runtime';

  return {
    dispatch: (method, input, session) =>
      // The runtime answers the status itself: only it knows of a check in the background.
      core && !servedByRuntime(method) && method !== 'recovery.status' ? (journaled ?? core).dispatch(method, input, session) : recoveryDispatch(method, input, session),
    mode,
    started,
    core: () => core,
    backupNow,
    async close() {
      closed = true;
      closing.abort();
      if (timer) clearInterval(timer);
      // The worker's read connection must be gone first: the last connection to close checkpoints
      // the WAL, and a WAL left behind would make the next start check the whole file.
      await Promise.allSettled([backupJobs.settled(), started]);
      core?.close();
      core = null;
    },
  };
}
