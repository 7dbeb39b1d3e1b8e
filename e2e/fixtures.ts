/**
 * Playwright fixtures: each test gets its own running app on its own data
 * folder, with the test accounts created right after start (see accounts.ts).
 * A test that needs the first start untouched sets `test.use({ accounts: false })`.
 */
import { test as base, expect } from '@playwright/test';
import { ACCOUNTS, E2E_PASSWORD, login, provisionAccounts, type Who } from './accounts';
import { invoke, InvokeError, killHard, newDataDir, removeDataDir, startApp, stopGracefully, type RunningApp } from './app-process';
import { signIn, signOut } from './pages/session';

export class AppHandle {
  /** Session tokens by account, signed in on first use. */
  private readonly tokens = new Map<Who, string>();

  constructor(public current: RunningApp) {}
  get url(): string {
    return this.current.url;
  }
  get dataDir(): string {
    return this.current.dataDir;
  }

  /** The token of a signed-in session of this account (signing in through auth.login if needed). */
  async token(who: Who): Promise<string> {
    let token = this.tokens.get(who);
    if (!token) {
      token = await login(this.current, who);
      this.tokens.set(who, token);
    }
    return token;
  }

  /**
   * Calls the contract as one of the test accounts (a nurse unless told otherwise).
   * Sessions live in the core's memory: a restart or a restore ends them, so a
   * call refused as UNAUTHENTICATED signs in again once and retries.
   */
  async call<T>(method: string, input: unknown, as: Who = 'nurse'): Promise<T> {
    try {
      return await invoke<T>(this.current, method, input, await this.token(as));
    } catch (error) {
      if (!(error instanceof InvokeError) || error.code !== 'UNAUTHENTICATED') throw error;
      this.tokens.delete(as);
      return invoke<T>(this.current, method, input, await this.token(as));
    }
  }

  /**
   * Quits the app the way a user does (SIGTERM: the database closes cleanly), runs `whileStopped`
   * (e.g. to look at the data folder with no process holding it), then starts it again on the same data.
   */
  async restart(whileStopped?: () => void | Promise<void>): Promise<void> {
    await stopGracefully(this.current);
    this.tokens.clear();
    await whileStopped?.();
    this.current = await startApp(this.current.dataDir);
  }

  /** SIGKILL the app process mid-work, then start it again on the same data folder. Every session is gone. */
  async crashAndRestart(): Promise<void> {
    await killHard(this.current);
    this.tokens.clear();
    this.current = await startApp(this.current.dataDir);
  }
}

export const test = base.extend<{ accounts: boolean; app: AppHandle }>({
  /** Whether the fixture creates the test accounts right after start (false: the app is left at its first start). */
  accounts: [true, { option: true }],
  app: async ({ accounts }, use) => {
    const dataDir = newDataDir();
    const handle = new AppHandle(await startApp(dataDir));
    if (accounts) await provisionAccounts(handle.current);
    await use(handle);
    await stopGracefully(handle.current);
    removeDataDir(dataDir);
  },
});

export { expect, ACCOUNTS, E2E_PASSWORD, type Who };
// The sign-in steps take only a Page and live with the page models, shared with the Electron smoke spec.
export { signIn, signOut };
