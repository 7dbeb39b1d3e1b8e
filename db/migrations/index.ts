/** Every migration, in order. Append only: never edit one that has shipped. */
import { migration001 } from './001-initial';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
