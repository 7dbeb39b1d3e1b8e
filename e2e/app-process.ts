/**
 * Runs the real app in browser mode (the built loopback host, out/host/main.mjs)
 * as a child process on its own data folder, the way `npm start -- --browser`
 * does. Tests can kill it with SIGKILL and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { secretInLaunchFile } from '#db/host/launch-file';
import { SECRET_HEADER, SESSION_HEADER } from '#shared/contract/transport';

export interface RunningApp {
  /** The app's address with the launch secret in the fragment, for Playwright's page.goto (never a process argument). */
  url: string;
  origin: string;
  secret: string;
  /** The owner-only launch page the host wrote (db/host/launch-file.ts); the secret is read from it. */
  launchFile: string;
  dataDir: string;
  process: ChildProcess;
  /**
   * Resolves with the first line the app logged (on stderr, as the core's
   * "[core] ..." lines) that matches, earlier lines included: wait for what the
   * app says it did rather than for a time. Rejects if the app exits first.
   */
  logged(pattern: RegExp): Promise<string>;
  /** The newest one-time code the host printed on its console for this purpose (e.g. /first administrator/). */
  consoleCode(purpose: RegExp): Promise<string>;
}

/** The host's line on stdout: no secret in it, only where the launch page is. */
const READY = /^ProcedureDesk is running at (http:\/\/127\.0\.0\.1:\d+)\/ \(launch page, for this account only: (.+)\)$/;
const CODE = /one-time code to (.+) \(type it in the window\): ([A-Z0-9]{5}-[A-Z0-9]{5})$/;

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-'));
}

/** Removes a data folder and its key folder beside it ("<dataDir>.keys", as PROCEDUREDESK_DATA_DIR puts it). */
export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.keys`, { recursive: true, force: true });
}

export async function startApp(dataDir: string, args: string[] = []): Promise<RunningApp> {
  const child = spawn(process.execPath, ['out/host/main.mjs', ...args], {
    env: { ...process.env, PROCEDUREDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiting = new Set<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }>();
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    for (const waiter of waiting) {
      if (!waiter.pattern.test(line)) continue;
      waiting.delete(waiter);
      waiter.resolve(line);
    }
  });
  const logged = (pattern: RegExp): Promise<string> => {
    const seen = stderr.split('\n').find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the app had exited without logging ${pattern}: ${stderr}`));
    return new Promise((resolve, reject) => waiting.add({ pattern, resolve, reject }));
  };
  child.on('exit', () => {
    for (const waiter of waiting) waiter.reject(new Error(`the app exited without logging ${waiter.pattern}: ${stderr}`));
    waiting.clear();
  });
  return new Promise((resolve, reject) => {
    // Starting takes about a second, a few on a loaded machine: this only turns a hang into a message with the app's log.
    const timer = setTimeout(() => reject(new Error(`app did not start in 20 s: ${stderr}`)), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}: ${stderr}`));
    });
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const secret = secretInLaunchFile(match[2]!);
      const consoleCode = async (purpose: RegExp): Promise<string> => {
        await logged(new RegExp(`one-time code to ${purpose.source}.*: [A-Z0-9]{5}-[A-Z0-9]{5}$`));
        const codes = stderr.split('\n').map((l) => CODE.exec(l)).filter((m) => m && purpose.test(m[1]!));
        if (!codes.length) throw new Error(`no one-time code for ${String(purpose)} in the app's log: ${stderr}`);
        return codes.at(-1)![2]!;
      };
      resolve({ url: `${match[1]}/#secret=${secret}`, origin: match[1]!, secret, launchFile: match[2]!, dataDir, process: child, logged, consoleCode });
    });
  });
}

/** Like pulling the plug on the process: no handler runs, nothing is flushed by the app. */
export async function killHard(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGKILL');
  await exited;
}

export async function stopGracefully(app: RunningApp): Promise<number | null> {
  if (app.process.exitCode !== null) return app.process.exitCode;
  const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)));
  app.process.kill('SIGTERM');
  return exited;
}

/** A refused call, with the contract's error code (e.g. UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT). */
export class InvokeError extends Error {
  constructor(readonly method: string, readonly code: string, readonly body: unknown) {
    super(`${method}: ${JSON.stringify(body)}`);
    this.name = 'InvokeError';
  }
}

/**
 * Calls the app's contract directly, as the renderer would (for setting up state
 * quickly). `session` is the sign-in token, carried beside the input in its own
 * header exactly as the page sends it; public methods need none.
 */
export async function invoke<T>(app: RunningApp, method: string, input: unknown, session?: string | null): Promise<T> {
  const response = await fetch(`${app.origin}/api/invoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SECRET_HEADER]: app.secret,
      origin: app.origin,
      ...(session ? { [SESSION_HEADER]: session } : {}),
    },
    body: JSON.stringify({ method, input }),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { code?: string } };
  if (!envelope.ok) throw new InvokeError(method, envelope.error?.code ?? 'UNKNOWN', envelope.error);
  return envelope.value as T;
}
