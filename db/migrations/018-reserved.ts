/**
 * 018 is issue 18's team-of-the-day migration, written on another branch. This empty step only
 * holds its number so 019 applies on this branch; at the merge it is replaced by the real 018.
 */
import type { Migration } from './types';

export const migration018: Migration = { version: 18, name: 'reserved-for-team-of-the-day', up: '' };
