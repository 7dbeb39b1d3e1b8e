/**
 * The real Electron app under Playwright (`_electron.launch`): the built
 * out/electron/main.cjs, started as `electron <repo>` the way `npm start` does,
 * on a data folder of the test's own. Imports no Electron: Playwright starts the
 * binary as a separate process.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';

/** The repository (no trailing separator: on Windows Playwright quotes each argument for a shell). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Why the Electron smoke spec is skipped where electronBinary() finds nothing (one line). */
export const NO_ELECTRON = 'No Electron binary in node_modules/electron (offline install; `npx install-electron` fetches it): the release workflow runs this spec';

/**
 * The Electron executable the electron package has unpacked, or null. Reads the
 * package's path.txt (written once the binary is unpacked into dist/) and checks the
 * file is there, as node_modules/electron/index.js does before it would download
 * one: so when this finds a binary, Playwright's require('electron') returns it and
 * downloads nothing; when it finds none, the spec is skipped. Never downloads.
 */
export function electronBinary(): string | null {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const bin = override ? path.join(override, name ?? 'electron') : name ? path.join(pkgDir, 'dist', name) : null;
  return bin && fs.existsSync(bin) ? bin : null;
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** What the main process wrote to stderr so far (the core logs there with a "[core]" prefix). */
  log: () => string;
}

/**
 * Starts the app on `dataDir` (PROCEDUREDESK_DATA_DIR). Playwright adds --no-sandbox on
 * Linux itself (as root, and on hosted runners where unprivileged user namespaces are
 * restricted, Chromium's sandbox cannot start); nothing else is changed.
 */
export async function launchElectron(dataDir: string): Promise<LaunchedApp> {
  const main = path.join(ROOT, 'out', 'electron', 'main.cjs');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Set, it would start Electron as plain Node.
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  env.PROCEDUREDESK_DATA_DIR = dataDir;
  const app = await _electron.launch({ args: [ROOT], cwd: ROOT, env, timeout: 60_000 });
  let stderr = '';
  app.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { app, log: () => stderr };
}
