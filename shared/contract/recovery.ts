/** Start-up recovery: whether the data file is in use, being checked, or set aside (why), and the backups that can replace it. */
import { z } from 'zod';
import { AuditAlarmSchema } from './audit';
import { ConsoleCodeSchema } from './auth';
import { shortText } from './text';
import { ADMIN, Empty, method } from './method-spec';

export const BackupNameSchema = z.string().regex(/^proceduredesk-[0-9TZ-]+\.backup\.(sqlite|manifest)$/, 'must name a backup listed by recovery.status');

/**
 * How the database key is kept. 'owner-only-file': there is no OS keystore to wrap
 * it (browser mode, Linux without a secret service), so the key is a file that
 * only this OS account can read, in the key folder outside the data folder; the
 * app says so on screen.
 */
export const EncryptionStatusSchema = z.object({
  keyProtection: z.enum(['os-keystore', 'owner-only-file']),
  keyDir: z.string(),
});
export type EncryptionStatus = z.infer<typeof EncryptionStatusSchema>;

export const RecoveryStatusSchema = z.object({
  /**
   * checking: an older runtime's blocking check (the current one checks in the background in
   * mode 'ready', with `check` set); recovery: the file was set aside and no backup was restored.
   */
  mode: z.enum(['ready', 'recovery', 'checking']),
  /**
   * While the data file is checked in the background after an unclean shutdown (db/runtime.ts):
   * its size, when the check began, and about how long it takes (from the size).
   */
  check: z.object({ bytes: z.number().int().nonnegative(), startedAt: z.string(), expectedSeconds: z.number().int().nonnegative().default(0) }).nullable().default(null),
  /**
   * The background check found damage: the file was set aside, the newest verified backup restored
   * and the changes made during the check replayed. What could not be replayed is kept for an administrator.
   */
  damageAfterCheck: z
    .object({
      detail: z.string(),
      foundAt: z.string(),
      setAsideTo: z.string(),
      restoredBackup: z.string().nullable(),
      replayed: z.number().int().nonnegative(),
      keptForAdministrator: z.number().int().nonnegative(),
      /** Where the side journal was kept (encrypted), when some of it could not be replayed. */
      journalKeptAt: z.string().nullable(),
    })
    .nullable()
    .default(null),
  problem: z
    .object({
      damage: z.enum(['not-a-file', 'empty-file', 'not-sqlite', 'corrupt', 'foreign', 'newer-version']),
      detail: z.string(),
      /** Where the damaged file was moved, untouched. */
      setAsideTo: z.string(),
    })
    .nullable(),
  backups: z.array(z.object({ name: BackupNameSchema, createdAt: z.string(), bytes: z.number().int() })),
  dataDir: z.string(),
  /** The audit trail and its seal disagree (db/audit-guard.ts): every screen says so until an administrator acknowledges it. */
  auditAlarm: AuditAlarmSchema.nullable().default(null),
  /** The database and its backups are encrypted (AES-256); this says how the key is kept. */
  encryption: EncryptionStatusSchema,
  /** Recovery with no backup in browser mode: starting empty needs the one-time code printed on the console. */
  needsConsoleCode: z.boolean().default(false),
});

/**
 * An administrator of the file that will replace the database, checked against that file's accounts
 * by the runtime (db/recovery-admin.ts), which refuses, changing nothing, when they are missing or wrong.
 */
const RecoveryAdmin = {
  username: shortText('the username', { min: 1, max: 32 }).toLowerCase().optional(),
  password: z.string().min(1, 'the password is required').max(200).optional(),
};

export const RestoreBackupInputSchema = z.strictObject({ backup: BackupNameSchema, ...RecoveryAdmin });

export const StartEmptyInputSchema = z.strictObject({
  confirm: z.literal('start-empty'),
  /** An administrator of the newest usable backup; without backups, the console's one-time code instead. */
  ...RecoveryAdmin,
  consoleCode: ConsoleCodeSchema.optional(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatusSchema>;

export const RECOVERY_METHODS = {
  'recovery.status': method({
    summary: 'Whether the database is in use or needs recovery, why, and the backups available.',
    writes: false,
    access: 'public',
    audit: 'none',
    input: Empty,
    output: RecoveryStatusSchema,
  }),
  'recovery.restoreBackup': method({
    summary: 'Restore a verified backup as the database (the current file is set aside, never deleted) and continue on it; needs an administrator of that backup, by password.',
    writes: true,
    access: ADMIN,
    servedBy: 'runtime',
    audit: 'self',
    input: RestoreBackupInputSchema,
    output: RecoveryStatusSchema,
  }),
  'recovery.startEmpty': method({
    summary: 'Recovery mode only, on explicit choice: start with an empty database (the damaged file stays set aside); needs an administrator of the newest backup, or the console code.',
    writes: true,
    access: ADMIN,
    servedBy: 'runtime',
    audit: 'self',
    input: StartEmptyInputSchema,
    output: RecoveryStatusSchema,
  }),
} as const;
