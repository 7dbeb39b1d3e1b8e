/**
 * 022 belongs to the intake helper's branch (issue 20). This empty step only
 * keeps the numbering whole on the storage branch (migration 023); the merge
 * replaces it with intake's 022.
 */
import type { Migration } from './types';

export const migration022: Migration = { version: 22, name: 'reserved-intake', up: '' };
