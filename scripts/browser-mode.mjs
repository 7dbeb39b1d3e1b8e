// Browser mode as npm start runs it: the loopback host (out/host/main.mjs), then Chromium
// in an --app window on the host's launch page. The launch secret goes in no argument and
// no environment variable (`ps` and /proc show both): the host writes it into an owner-only
// page in an owner-only folder (db/host/launch-file.ts), and Chromium is given only that
// page's path. Chromium's profile, which records the app's address in its history, is an
// owner-only temporary folder, removed when the window closes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

/** The host's line: "ProcedureDesk is running at <origin>/ (launch page, for this account only: <file>)". */
export const RUNNING = /^ProcedureDesk is running at (\S+) \(launch page, for this account only: (.+)\)$/;

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c) => c && fs.existsSync(c));
}

/** Opens the launch page in a Chromium app window on a fresh owner-only profile. */
export function openBrowserWindow(chromium, launchFile, extraFlags = []) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-browser-'));
  fs.chmodSync(profile, 0o700);
  const flags = [`--app=${pathToFileURL(launchFile).href}`, '--window-size=1280,900', `--user-data-dir=${profile}`, '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraFlags];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const browser = spawn(chromium, flags, { stdio: 'ignore' });
  browser.on('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  return { browser, profile };
}

/**
 * Starts the host and, unless noOpen, the browser window once the host says where its launch page is.
 * Returns the host process and a way to reach the browser (null until it is started).
 */
export function startBrowserMode({ noOpen = false, env = process.env, extraBrowserFlags = [], print = console.log } = {}) {
  const host = spawn(process.execPath, ['out/host/main.mjs'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let browser = null;
  readline.createInterface({ input: host.stdout }).on('line', (line) => {
    print(line);
    const match = RUNNING.exec(line);
    if (!match) return;
    if (noOpen) {
      print(`Open the launch page above in a browser, as this account (it holds the launch secret; nobody else can read it).`);
      return;
    }
    const chromium = findChromium();
    if (!chromium) {
      print('No Chromium found: open the launch page above in a browser.');
      return;
    }
    const opened = Date.now();
    browser = openBrowserWindow(chromium, match[2], extraBrowserFlags).browser;
    browser.on('exit', (code) => {
      if (code !== 0 && Date.now() - opened < 10_000) print('Chromium could not open a window (no display?): open the launch page above in a browser.');
    });
  });
  return { host, browser: () => browser };
}
