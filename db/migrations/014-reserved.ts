/**
 * 014 belongs to another issue-16 branch (the audit seal and launch/recovery).
 * This empty step only keeps the numbering contiguous on this branch so that
 * 015 runs; at merge it is replaced by that branch's 014, unchanged otherwise.
 */
import type { Migration } from './types';

export const migration014: Migration = {
  version: 14,
  name: 'reserved-for-issue-16-seal',
  up: '',
};
