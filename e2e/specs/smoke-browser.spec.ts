/**
 * The Electron smoke test's steps (e2e/smoke.ts) in browser mode, so they are
 * checked against the screens wherever `npm run test:e2e` runs, including where
 * no Electron binary can be had and electron-smoke.spec.ts is skipped. The app
 * is quit with SIGTERM (as Ctrl-C does) and started again on the same folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '../fixtures';
import { expectClosedCleanly, expectNoteInOutbox, firstStartToSignedNote, itemSurvivedRestart } from '../smoke';

test.use({ accounts: false });

test('browser mode: the Electron smoke steps, first start to a signed note in the outbox, then the item after a restart', async ({ page, app }) => {
  test.setTimeout(120_000);
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-outbox-'));
  try {
    await page.goto(app.url);
    await firstStartToSignedNote(page, outbox, await app.current.consoleCode(/create the first administrator/));
    await expectNoteInOutbox(outbox);
    await app.restart(() => expectClosedCleanly(app.dataDir));
    // A new port and secret: a new origin, and no session.
    await page.goto(app.url);
    await itemSurvivedRestart(page);
  } finally {
    fs.rmSync(outbox, { recursive: true, force: true });
  }
});
