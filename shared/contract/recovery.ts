/** Start-up recovery: why the database was set aside and which backups can replace it. */
import { z } from 'zod';

export const BackupNameSchema = z.string().regex(/^proceduredesk-[0-9TZ-]+\.backup\.sqlite$/, 'must name a backup listed by recovery.status');

export const RecoveryStatusSchema = z.object({
  mode: z.enum(['ready', 'recovery']),
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
});
export type RecoveryStatus = z.infer<typeof RecoveryStatusSchema>;
