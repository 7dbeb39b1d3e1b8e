/** The backup.* methods. */
import { ANY_ROLE, Empty, method } from './method-spec';
import { RecoveryStatusSchema } from './recovery';

export const BACKUP_METHODS = {
  'backup.now': method({
    summary: 'Take a verified backup now (besides the automatic ones at start-up and on schedule).',
    writes: true,
    access: ANY_ROLE,
    servedBy: 'runtime',
    audit: 'self',
    input: Empty,
    output: RecoveryStatusSchema,
  }),
} as const;
