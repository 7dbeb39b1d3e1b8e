/**
 * 011: reserved, and empty on purpose.
 *
 * Number 011 is being taken in parallel by another piece of issue-15 work (the
 * per-encounter bleeding-risk class). This branch's own migration is 012; this empty step
 * only keeps the numbering contiguous (db/migrate.ts requires 1..n) while the branch is
 * worked on alone. When the branches are merged, this file is replaced by the real 011
 * and 012 stays as it is. If no 011 arrives, 012 may be renumbered 011 and this file
 * deleted, as long as no database outside development was migrated with it.
 */
import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  name: 'reserved',
  up: '',
};
