/**
 * The backups a restore, an empty start or the recovery after a failed background check can use
 * (issue 21): a page-store generation is first restored beside the database (each page checked
 * against its manifest), a full copy is used where it is; either is checked page by page before use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Caller } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { ConsoleCode } from './auth/console-code';
import { backupAsFile } from './backup';
import { backupList, backupsDir } from './handlers/recovery';
import { APPLICATION_ID } from './integrity';
import type { DatabaseKey } from './keys/database-key';
import { makeOwnerOnly } from './owner-only-files';
import type { RecoveryGate } from './recovery-admin';
import { runSqliteJob } from './sqlite-worker';

/** Who acts in recovery mode before anyone can sign in. */
export const RECOVERY_OPERATOR: Caller = { actor: { name: 'Recovery-mode operator', role: 'admin' }, userId: 'recovery-mode', token: '' };

export function restoreSources(o: { dataDir: string; file: string; databaseKey: DatabaseKey; gate: RecoveryGate; consoleCode?: ConsoleCode | null | undefined }) {
  /** A backup file, checked page by page on a worker thread (minutes for a large file); the reason when it cannot be used. */
  async function unusableBackup(name: string, file = path.join(backupsDir(o.dataDir), name)): Promise<string | null> {
    const checked = await runSqliteJob({ kind: 'check', file, check: 'integrity_check', key: o.databaseKey }).catch((error: unknown) => ({
      check: error instanceof Error ? error.message : String(error),
      applicationId: APPLICATION_ID,
      userVersion: 0,
    }));
    // Files from before migration 003 carry no application id yet.
    const ours = checked.applicationId === APPLICATION_ID || (checked.applicationId === 0 && checked.userVersion <= 2);
    if (checked.check !== 'ok') return `it failed its check (${checked.check.slice(0, 200)})`;
    return ours ? null : 'it is not a ProcedureDesk database';
  }

  /** A backup as a database file at `restoring` (a generation) or where it is (a full copy), with why it cannot be used, if so. */
  async function backupToRestore(name: string, restoring: string): Promise<{ source: string; why: string | null }> {
    let source: string;
    try {
      source = backupAsFile(backupsDir(o.dataDir), name, o.databaseKey, restoring);
    } catch (error) {
      return { source: restoring, why: error instanceof Error ? error.message : String(error) };
    }
    return { source, why: await unusableBackup(name, source) };
  }

  /** Puts a backup in place as the database file (none may be there, nor a -wal or -shm). */
  async function installBackup(source: string): Promise<void> {
    const restoring = `${o.file}.restoring`;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${o.file}${suffix}`, { force: true });
    if (source !== restoring) await fs.promises.copyFile(source, restoring);
    makeOwnerOnly(restoring);
    fs.renameSync(restoring, o.file);
  }

  /**
   * Starting empty needs an administrator of the newest backup that passes its check; with no
   * usable backup, the code printed on the console (browser mode), or nothing in the desktop app,
   * whose window is the console.
   */
  async function startEmptyProof(username?: string, password?: string, code?: string): Promise<{ name: string; role: string }> {
    for (const b of backupList(o.dataDir)) {
      const restored = path.join(backupsDir(o.dataDir), `${b.name}.restore.sqlite`);
      try {
        const { source, why } = await backupToRestore(b.name, restored);
        if (!why) return await o.gate.admin(source, `the newest backup (${b.name})`, username, password);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        // A backup that cannot be read is unusable: the next one is tried.
      } finally {
        fs.rmSync(restored, { force: true });
      }
    }
    if (!o.consoleCode) return RECOVERY_OPERATOR.actor;
    if (!o.consoleCode.check(code)) {
      throw new CommandError('FORBIDDEN', 'There is no backup to check a password against: type the one-time code printed in the console that started ProcedureDesk. Nothing was changed.', [
        { path: 'consoleCode', message: 'not the code printed on the console' },
      ]);
    }
    return { name: 'Console operator', role: 'admin' };
  }

  return { unusableBackup, backupToRestore, installBackup, startEmptyProof };
}
