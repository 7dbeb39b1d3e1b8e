/**
 * The app as the hosts run it: the core when the database is healthy, recovery
 * mode when it is not. A damaged file is set aside untouched and never silently
 * replaced; the user restores a backup or, on explicit choice, starts empty.
 * Also takes the rotating backups: after start-up and on a schedule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Caller, type Dispatch, type Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { METHODS, type MethodName } from '#shared/contract/methods';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { createBackup, verifyBackupFile, type BackupInfo } from './backup';
import { DatabaseDamagedError, openCore, type Core, type CoreOptions } from './core';
import { backupList, backupsDir } from './handlers/recovery';
import { quarantine } from './integrity';
import { DATABASE_FILE } from './paths';

/** Who acts in recovery mode, when no account can be checked. */
const RECOVERY_OPERATOR: Caller = { actor: { name: 'Recovery-mode operator', role: 'admin' }, userId: 'recovery-mode', token: '' };

export interface RuntimeOptions extends CoreOptions {
  /** Take a backup this often while running (ms); 0 turns the schedule off. */
  backupEveryMs?: number;
}

export interface Runtime {
  dispatch: Dispatch;
  mode(): 'ready' | 'recovery';
  /** The running core (ready mode only). */
  core(): Core | null;
  backupNow(): Promise<void>;
  close(): void;
}

export function startRuntime(options: RuntimeOptions): Runtime {
  const log = options.log ?? (() => undefined);
  const file = path.join(options.dataDir, DATABASE_FILE);
  let core: Core | null = null;
  let problem: RecoveryStatus['problem'] = null;
  let timer: NodeJS.Timeout | null = null;

  const status = (): RecoveryStatus => ({ mode: core ? 'ready' : 'recovery', problem, backups: backupList(options.dataDir), dataDir: options.dataDir });

  // One backup at a time: the scheduled, start-up and requested ones queue behind each other.
  let backupQueue: Promise<unknown> = Promise.resolve();
  function queuedBackup(): Promise<BackupInfo> {
    const next = backupQueue.then(() => {
      if (!core) throw new CommandError('UNAVAILABLE', 'There is no open database to back up.');
      return createBackup(core.db, backupsDir(options.dataDir));
    });
    backupQueue = next.catch(() => undefined);
    return next;
  }

  async function backupNow(): Promise<void> {
    try {
      const info = await queuedBackup();
      log(`backup written: ${path.basename(info.file)} (${info.bytes} bytes)`);
    } catch (error) {
      log(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // Read through a function: TypeScript cannot see that becomeReady() sets it.
  const current = (): Core | null => core;

  function becomeReady(next: Core): void {
    core = next;
    problem = null;
    void backupNow();
    if (options.backupEveryMs) {
      timer = setInterval(() => void backupNow(), options.backupEveryMs);
      timer.unref();
    }
  }

  try {
    becomeReady(openCore(options));
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    const { damage = 'corrupt', detail = '' } = error.inspection;
    const setAsideTo = quarantine(file, damage);
    problem = { damage, detail, setAsideTo };
    log(`database set aside (${damage}: ${detail}) to ${setAsideTo}; starting in recovery mode`);
  }

  const unavailable = (): never => {
    throw new CommandError('UNAVAILABLE', 'The database needs recovery: restore a backup or start empty first.');
  };
  const recoveryHandlers = Object.fromEntries(
    (Object.keys(METHODS) as MethodName[]).map((m) => [m, unavailable]),
  ) as unknown as Handlers;
  recoveryHandlers['recovery.status'] = () => status();
  recoveryHandlers['recovery.restoreBackup'] = async ({ backup }, { caller }) => {
    // Let a backup in progress finish before its database is closed.
    await backupQueue;
    const source = path.join(backupsDir(options.dataDir), backup);
    if (!backupList(options.dataDir).some((b) => b.name === backup)) throw new CommandError('NOT_FOUND', `No backup named ${backup}.`);
    verifyBackupFile(source);
    if (core) {
      // Restoring over a healthy database: close it, and set the current file aside rather than delete it.
      if (timer) clearInterval(timer);
      core.close();
      core = null;
      quarantine(file, 'replaced-by-restore');
    }
    // The damaged file is already set aside; no -wal or -shm may pair with the restored copy.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(source, `${file}.restoring`);
    fs.renameSync(`${file}.restoring`, file);
    becomeReady(openCore(options));
    // Recorded in the restored database's own trail: that is the history that continues.
    current()?.record(caller.actor, 'recovery.restoreBackup', `backup:${backup}`);
    log(`restored ${backup}`);
    return status();
  };
  recoveryHandlers['recovery.startEmpty'] = (_input, { caller }) => {
    becomeReady(openCore(options));
    current()?.record(caller.actor, 'recovery.startEmpty', null);
    log('started with an empty database by explicit choice');
    return status();
  };
  recoveryHandlers['backup.now'] = async (_input, { caller }) => {
    const info = await queuedBackup();
    core?.record(caller.actor, 'backup.now', `backup:${path.basename(info.file)}`);
    log(`backup written on request: ${path.basename(info.file)}`);
    return status();
  };
  const recoveryDispatch = createDispatcher(recoveryHandlers, {
    // Healthy: the core's accounts decide. In recovery mode there are no accounts to check (the
    // database is the thing being recovered); whoever is at the machine may restore or start empty.
    authenticate: (token, access, method) => {
      if (core) return core.auth.authenticate(token, access, method);
      if (method === 'recovery.restoreBackup' || method === 'recovery.startEmpty') return RECOVERY_OPERATOR;
      return unavailable();
    },
  });
  /** Handled by the runtime in either mode: they replace or copy the database the core holds. */
  const RUNTIME_METHODS = new Set(['recovery.restoreBackup', 'backup.now']);

  return {
    dispatch: (method, input, session) =>
      core && !RUNTIME_METHODS.has(String(method)) ? core.dispatch(method, input, session) : recoveryDispatch(method, input, session),
    mode: () => (core ? 'ready' : 'recovery'),
    core: () => core,
    backupNow,
    close() {
      if (timer) clearInterval(timer);
      core?.close();
    },
  };
}
