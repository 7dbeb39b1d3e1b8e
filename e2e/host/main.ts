/**
 * Browser mode: runs the core behind the loopback host until SIGINT/SIGTERM.
 * Prints the app's address (secret included) on one line of its own.
 *   node out/host/main.mjs [--port N] [--static DIR]
 * Data folder: PROCEDUREDESK_DATA_DIR, else the per-user folder (db/paths.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRuntime } from '#db/runtime';
import { defaultDataDir } from '#db/paths';
import { startHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}


async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(arg('--static') ?? path.join(here, '..', 'renderer'));
  const dataDir = defaultDataDir();
  const backupMinutes = Number(process.env.PROCEDUREDESK_BACKUP_MINUTES ?? 30);
  const runtime = startRuntime({ dataDir, log: (m) => console.error(`[core] ${m}`), backupEveryMs: backupMinutes * 60_000 });
  const port = arg('--port');
  const host = await startHost({ dispatch: runtime.dispatch, staticDir, ...(port ? { port: Number(port) } : {}) });
  console.error(`[core] data folder: ${dataDir}`);
  console.log(`ProcedureDesk is running at ${host.url}`);

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
