/** recovery.* while the database is healthy: status only; restoring or emptying is refused. */
import path from 'node:path';
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { AuditAlarm } from '#shared/contract/audit';
import type { EncryptionStatus } from '#shared/contract/recovery';
import { listBackups } from '../backup';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupList(dataDir: string): { name: string; createdAt: string; bytes: number }[] {
  return listBackups(backupsDir(dataDir)).map((b) => ({ name: path.basename(b.file), createdAt: b.createdAt, bytes: b.bytes }));
}

/**
 * The core's own answers; the runtime (db/runtime.ts) takes over restoreBackup and
 * backup.now, which need to close or copy the database the core holds open.
 */
export function readyModeRecoveryHandlers(dataDir: string, auditAlarm: () => AuditAlarm | null, encryption: EncryptionStatus): Pick<Handlers, 'recovery.status' | 'recovery.restoreBackup' | 'recovery.startEmpty' | 'backup.now'> {
  const healthy = () => {
    throw new CommandError('CONFLICT', 'The database is healthy and in use; there is nothing to recover.');
  };
  return {
    'recovery.status': () => ({ mode: 'ready', check: null, problem: null, backups: backupList(dataDir), dataDir, auditAlarm: auditAlarm(), needsConsoleCode: false, encryption }),
    'recovery.restoreBackup': () => {
      throw new CommandError('UNAVAILABLE', 'Restoring is done by the running app, not by the core alone.');
    },
    'backup.now': () => {
      throw new CommandError('UNAVAILABLE', 'Backups are taken by the running app, not by the core alone.');
    },
    'recovery.startEmpty': healthy,
  };
}
