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
for (let i = 0; ; i++) {
  const info = await createBackup(core.db, backupsDir(dataDir), { now: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)), generations: 5 });
  process.stdout.write(`${path.basename(info.file)}\n`);
}
