/**
 * Child process for the backup-kill test: takes backups back to back until it is
 * killed, printing each finished backup's name.
 *   node backup-writer.mjs <dataDir>
 */
import path from 'node:path';
import { createBackup } from '../backup';
import { openCore } from '../core';
import { backupsDir } from '../handlers/recovery';

const [dataDir] = process.argv.slice(2) as [string];
const core = openCore({ dataDir });
process.stdout.write('ready\n');
// Named by the real clock: every run's backups are newer than the last run's. (Names counted from
// a fixed moment made a later run's backup the oldest of the folder, pruned as soon as written.)
for (;;) {
  const info = await createBackup(core.db, core.databaseKey, backupsDir(dataDir), { generations: 5 });
  process.stdout.write(`${path.basename(info.file)}\n`);
}
