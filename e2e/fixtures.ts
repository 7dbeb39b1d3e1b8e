/** Playwright fixtures: each test gets its own running app on its own data folder. */
import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { invoke, killHard, newDataDir, startApp, stopGracefully, type RunningApp } from './app-process';

export class AppHandle {
  constructor(public current: RunningApp) {}
  get url(): string {
    return this.current.url;
  }
  get dataDir(): string {
    return this.current.dataDir;
  }
  call<T>(method: string, input: unknown): Promise<T> {
    return invoke<T>(this.current, method, input);
  }
  /** SIGKILL the app process mid-work, then start it again on the same data folder. */
  async crashAndRestart(): Promise<void> {
    await killHard(this.current);
    this.current = await startApp(this.current.dataDir);
  }
}

export const test = base.extend<{ app: AppHandle }>({
  // Playwright reads fixture dependencies from the destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = newDataDir();
    const handle = new AppHandle(await startApp(dataDir));
    await use(handle);
    await stopGracefully(handle.current);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export async function startSession(page: Page, name: string, role: 'Nurse' | 'Physician'): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Start' }).click();
}
