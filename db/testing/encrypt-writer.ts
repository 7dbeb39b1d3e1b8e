/**
 * Child process for the encryption-kill test: opens the core on a data folder
 * (which encrypts an unencrypted one) and closes it, saying when it starts and
 * when the database is open, so the parent can kill it anywhere in between.
 *   node encrypt-writer.mjs <dataDir>
 */
import { openCore } from '../core';

const [dataDir] = process.argv.slice(2) as [string];
process.stdout.write('starting\n');
openCore({ dataDir }).close();
process.stdout.write('open\n');
