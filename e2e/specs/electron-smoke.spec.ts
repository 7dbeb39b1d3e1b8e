/**
 * Release smoke test of the real desktop app: Electron started by Playwright on
 * the built out/electron/main.cjs (IPC transport, app:// protocol, preload), on
 * a fresh data folder (PROCEDUREDESK_DATA_DIR, which main.ts also makes
 * Chromium's profile folder, so nothing is shared with the user's own). First
 * start to a signed note in the outbox, quit, start again on the same folder,
 * and the checked item is still checked.
 *
 * Runs wherever the electron package has its binary (the release workflow runs
 * `npx install-electron` first; see docs/releasing.md). Where it has none, as in
 * an offline install, the test is skipped with a one-line reason and nothing is
 * downloaded (e2e/skip-reasons.ts prints the reason). The same steps run in
 * browser mode in smoke-browser.spec.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { electronBinary, launchElectron, NO_ELECTRON, type LaunchedApp } from '../electron-app';
import { expectClosedCleanly, expectNoteInOutbox, firstStartToSignedNote, itemSurvivedRestart } from '../smoke';
import { removeDataDir } from '../app-process';

const binary = electronBinary();
// The release workflow sets PROCEDUREDESK_REQUIRE_ELECTRON=1: there a missing binary fails the test instead of skipping it.
test.skip(!binary && !process.env.PROCEDUREDESK_REQUIRE_ELECTRON, NO_ELECTRON);

/** Runs `steps` on the app's first window; the main process's log is attached to the report, and a screenshot if a step fails. */
async function inWindow(launched: LaunchedApp, name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const testInfo = test.info();
  try {
    const page = await launched.app.firstWindow();
    try {
      await steps(page);
    } catch (error) {
      const shot = await page.screenshot().catch(() => null);
      if (shot) await testInfo.attach(`${name}: window`, { body: shot, contentType: 'image/png' });
      throw error;
    }
  } finally {
    await launched.app.close();
    await testInfo.attach(`${name}: main process log`, { body: launched.log(), contentType: 'text/plain' });
  }
}

test('Electron: first start to a signed note in the outbox; after quitting and starting again the item is still checked', async () => {
  test.setTimeout(240_000);
  expect(binary, 'PROCEDUREDESK_REQUIRE_ELECTRON is set, but node_modules/electron has no binary: run `npx install-electron`').not.toBeNull();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-electron-'));
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-electron-outbox-'));
  try {
    const first = await launchElectron(dataDir);
    // The window is the app's own, served over app:// with the preload's bridge (not the loopback host).
    await inWindow(first, 'first run', async (page) => {
      await expect(page).toHaveURL(/^app:\/\/bundle\//);
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as { procedureDesk?: unknown }).procedureDesk)).toBe('object');
      await firstStartToSignedNote(page, outbox);
    });
    expectClosedCleanly(dataDir);
    await expectNoteInOutbox(outbox);

    const second = await launchElectron(dataDir);
    await inWindow(second, 'after restart', itemSurvivedRestart);
  } finally {
    removeDataDir(dataDir);
    fs.rmSync(outbox, { recursive: true, force: true });
  }
});
