// npm start: build, then launch the Electron app. Where the Electron binary cannot
// be had (no download possible, as in offline build rooms), say so in one line and
// run the same app in browser mode: the loopback host plus a Chromium --app window on the
// host's owner-only launch page (scripts/browser-mode.mjs: the secret is in no argument).
//   npm start -- --browser            force browser mode
//   npm start -- --browser --no-open  browser mode without opening a window
// When the host (or Electron) crashes or fails, one line says how and npm start ends
// non-zero (scripts/host-exit.mjs); a stop asked for with Ctrl-C or SIGTERM ends with 0.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startBrowserMode as startBrowserModeProcesses } from './browser-mode.mjs';
import { exitWithChild } from './host-exit.mjs';

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const noOpen = args.includes('--no-open');

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  if (fs.existsSync(pathFile)) {
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    if (fs.existsSync(bin)) return { bin };
  }
  // Try the download once, briefly; offline it fails fast.
  const result = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { encoding: 'utf8', timeout: 60_000 });
  if (result.status === 0 && fs.existsSync(pathFile)) return { bin: path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8')) };
  const why = (result.stderr || result.error?.message || 'download failed').split('\n').find((l) => l.trim()) ?? 'download failed';
  return { error: why.trim().slice(0, 160) };
}

if (!forceBrowser) {
  const found = electronBinary();
  if (found.bin) {
    const child = spawn(found.bin, ['.'], { stdio: 'inherit' });
    let stopping = false;
    exitWithChild(child, { label: 'app (Electron)', nodeVersion: null, stopRequested: () => stopping });
    for (const s of ['SIGINT', 'SIGTERM']) {
      process.on(s, () => {
        stopping = true;
        child.kill(s);
      });
    }
  } else {
    console.log(`Electron is not available here (${found.error}); opening ProcedureDesk in browser mode instead.`);
    startBrowserMode();
  }
} else {
  startBrowserMode();
}

function startBrowserMode() {
  const { host, browser } = startBrowserModeProcesses({ noOpen });
  let stopping = false;
  const stop = (signal) => {
    stopping = true;
    browser()?.kill();
    host.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  exitWithChild(host, { label: 'host', stopRequested: () => stopping });
}
