/**
 * Browser mode: runs the core behind the loopback host until SIGINT/SIGTERM.
 * Prints the app's address and the path of its owner-only launch page on one
 * line of its own; the launch secret is only in that page (launch-file.ts),
 * never in any output, argument or environment. The one-time code that the
 * first administrator (and starting empty with no backup) needs is printed on
 * stderr: proof of being at this console, which the secret is not.
 *   node out/host/main.mjs [--port N] [--static DIR]
 * Data folder, backup interval and flags: db/launch-settings.ts, as Electron reads them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLaunchSettings } from '#db/launch-settings';
import { perUserDataDir } from '#db/paths';
import { startRuntime } from '#db/runtime';
import { createConsoleCode } from '#db/auth/console-code';
import { writeLaunchFile } from './launch-file';
import { startHost } from './server';

async function main(): Promise<void> {
  const settings = readLaunchSettings(process.env, process.argv.slice(2), { dataDir: perUserDataDir(process.env, process.platform) });
  // Built, this file is out/host/main.mjs and the renderer is out/renderer.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = settings.staticDir ?? path.join(here, '..', 'renderer');
  const { dataDir, keyDir, backupEveryMs, port } = settings;
  const log = (m: string) => console.error(`[core] ${m}`);
  const consoleCode = createConsoleCode(log);
  const runtime = startRuntime({ dataDir, keyDir, log, backupEveryMs, consoleCode });
  const host = await startHost({ dispatch: runtime.dispatch, staticDir, ...(port !== undefined ? { port } : {}) });
  const launch = writeLaunchFile(host.url);
  process.on('exit', () => launch.remove());
  log(`data folder: ${dataDir}`);
  console.log(`ProcedureDesk is running at ${host.origin}/ (launch page, for this account only: ${launch.file})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[core] ${signal}: closing`);
    void host
      .close()
      .then(() => runtime.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`ProcedureDesk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
