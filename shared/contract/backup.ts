/** The backup.* methods. */
import { Empty, method } from './method-spec';
import { RecoveryStatusSchema } from './recovery';

export const BACKUP_METHODS = {
  'backup.now': method({
    summary: 'Take a verified backup now (besides the automatic ones at start-up and on schedule).',
    writes: true,
    // Those who keep the clinic's data safe day to day; records staff have no Backups screen.
    access: ['nurse', 'physician', 'admin'],
    servedBy: 'runtime',
    audit: 'self',
    input: Empty,
    output: RecoveryStatusSchema,
  }),
} as const;
