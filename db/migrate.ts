/**
 * Applies pending migrations in one transaction and records the result in
 * `user_version`. An existing file is copied aside before it is migrated.
 */
import path from 'node:path';
import type { Db } from './connection';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile } from './owner-only-files';
import type { Migration } from './migrations/types';

export interface MigrationResult {
  from: number;
  to: number;
  backupFile: string | null;
}

export function migrate(db: Db, migrations: readonly Migration[], backupDir: string | null): MigrationResult {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = migrations.length;
  if (from >= to) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 && backupDir) {
    ensureOwnerOnlyDir(backupDir);
    backupFile = path.join(backupDir, `before-migration-${from}-to-${to}-${Date.now()}.sqlite`);
    // VACUUM INTO gives a consistent copy even with a WAL (fs.copyFile would not), encrypted
    // with the database's key, into an empty owner-only file made first.
    ensureOwnerOnlyFile(backupFile);
    db.prepare('VACUUM INTO ?').run(backupFile);
  }

  db.transaction(() => {
    for (const m of migrations.slice(from)) db.exec(m.up);
    db.pragma(`user_version = ${to}`);
  }).immediate();
  return { from, to, backupFile };
}
