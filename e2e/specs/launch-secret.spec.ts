/**
 * Browser mode as `npm start` runs it (scripts/browser-mode.mjs: the real host and
 * Debian's Chromium, headless here), seen as another account on the machine would
 * see it: no process the launch starts carries the launch secret in its arguments
 * (what `ps` shows every user) or its environment; the secret is only in an
 * owner-only launch page in an owner-only folder; Chromium's profile (its history
 * holds the app's address) is owner-only; and the launch page does open the app.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';
import { secretInLaunchFile } from '#db/host/launch-file';
import { newDataDir } from '../app-process';
import { expect, test } from '../fixtures';

const RUNNING = /^ProcedureDesk is running at (\S+) \(launch page, for this account only: (.+)\)$/;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every process below `root` (its children, theirs, …), from the parent ids in /proc. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) if (parent === pid) { found.push(child); walk(child); }
  };
  walk(root);
  return found;
}

const readProc = (pid: number, what: 'cmdline' | 'environ'): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/${what}`, 'latin1').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

test.skip(process.platform !== 'linux', 'reads /proc');

test('npm start in browser mode: the secret is in no argument or environment, only in an owner-only launch page that opens the app', async () => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const debugPort = await freePort();
  const driverCode = `
    import { startBrowserMode } from './scripts/browser-mode.mjs';
    startBrowserMode({ extraBrowserFlags: ['--headless=new', '--disable-gpu', '--remote-debugging-port=${debugPort}'] });
  `;
  const driver = spawn(process.execPath, ['--input-type=module', '-e', driverCode], {
    env: { ...process.env, PROCEDUREDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  driver.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const printed: string[] = [];
    const launchFile = await new Promise<string>((resolve, reject) => {
      // Bounded, so a launcher that never says it is running fails with what it did print (it hung once on CI).
      const stuck = setTimeout(() => reject(new Error(`no running line after 60 s; printed: ${printed.join(' | ')}; stderr: ${stderr}`)), 60_000);
      readline.createInterface({ input: driver.stdout }).on('line', (line) => {
        printed.push(line);
        const match = RUNNING.exec(line);
        if (match) { clearTimeout(stuck); resolve(match[2]!); }
      });
      driver.on('exit', (code) => { clearTimeout(stuck); reject(new Error(`the launcher exited (${code}): ${stderr}`)); });
    });
    const secret = secretInLaunchFile(launchFile);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.dirname(launchFile)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(launchFile).mode & 0o777).toBe(0o600);

    // The launch page opened the app: the first-start form is there, so its calls carried the secret.
    // Chromium starts after the host's line: wait until it answers on its debugging port.
    const answers = () => fetch(`http://127.0.0.1:${debugPort}/json/version`).then((r) => r.ok, () => false);
    await expect.poll(answers, { timeout: 30_000 }).toBe(true);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
    try {
      const context = browser.contexts()[0]!;
      await expect.poll(() => context.pages().some((p) => p.url().startsWith('http://127.0.0.1:'))).toBe(true);
      const page = context.pages().find((p) => p.url().startsWith('http://127.0.0.1:'))!;
      await expect(page.getByRole('form', { name: 'Create the first administrator' })).toBeVisible();
      // And the app took the secret out of the address bar.
      expect(page.url()).not.toContain(secret);
    } finally {
      await browser.close().catch(() => undefined);
    }

    const pids = [driver.pid!, ...descendants(driver.pid!)];
    const browserProcess = pids.find((pid) => readProc(pid, 'cmdline').includes('--app=file://'));
    expect(browserProcess, 'the Chromium window on the launch page').toBeDefined();
    expect(readProc(browserProcess!, 'cmdline')).toContain(`--app=file://${launchFile}`);
    const profile = /--user-data-dir=(\S+)/.exec(readProc(browserProcess!, 'cmdline'))![1]!;
    expect(fs.statSync(profile).mode & 0o777).toBe(0o700);
    expect(pids.some((pid) => readProc(pid, 'cmdline').includes('out/host/main.mjs'))).toBe(true);
    expect(pids.length).toBeGreaterThan(3);
    for (const pid of pids) {
      expect(readProc(pid, 'cmdline'), `arguments of ${pid}`).not.toContain(secret);
      expect(readProc(pid, 'environ'), `environment of ${pid}`).not.toContain(secret);
    }
  } finally {
    for (const pid of descendants(driver.pid!).reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    if (driver.exitCode === null) await new Promise((resolve) => driver.once('exit', resolve));
    for (const dir of [dataDir, `${dataDir}.keys`]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
