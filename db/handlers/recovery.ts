/** recovery.* while the database is healthy: status only; restoring or emptying is refused. */
import path from 'node:path';
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { listBackups } from '../backup';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupList(dataDir: string): { name: string; createdAt: string; bytes: number }[] {
  return listBackups(backupsDir(dataDir)).map((b) => ({ name: path.basename(b.file), createdAt: b.createdAt, bytes: b.bytes }));
}

export function readyModeRecoveryHandlers(dataDir: string): Pick<Handlers, 'recovery.status' | 'recovery.restoreBackup' | 'recovery.startEmpty'> {
  const healthy = () => {
    throw new CommandError('CONFLICT', 'The database is healthy and in use; there is nothing to recover.');
  };
  return {
    'recovery.status': () => ({ mode: 'ready', problem: null, backups: backupList(dataDir), dataDir }),
    'recovery.restoreBackup': healthy,
    'recovery.startEmpty': healthy,
  };
}
