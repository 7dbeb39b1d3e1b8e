/** The recovery namespace's part the core serves, and where backups are. */
import path from 'node:path';
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

/** recovery.status while the database is healthy; the rest of the namespace is served by db/runtime.ts. */
export function readyModeRecoveryHandlers(dataDir: string, auditAlarm: () => AuditAlarm | null, encryption: EncryptionStatus): Pick<Handlers, 'recovery.status'> {
  return {
    'recovery.status': () => ({ mode: 'ready', check: null, damageAfterCheck: null, problem: null, backups: backupList(dataDir), dataDir, auditAlarm: auditAlarm(), needsConsoleCode: false, encryption }),
  };
}
