/**
 * A damaged data file at start-up: the app sets it aside, shows the recovery
 * screen (never an empty worklist), and restores the newest backup on request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { login, provisionAccounts } from '../accounts';
import { invoke, newDataDir, removeDataDir, startApp, stopGracefully } from '../app-process';
import { ACCOUNTS, E2E_PASSWORD, expect, signIn, signOut, test } from '../fixtures';

test('damaged database: set aside, recovery screen, newest backup restored', async ({ page }) => {
  const dataDir = newDataDir();
  try {
    const first = await startApp(dataDir);
    await provisionAccounts(first);
    await invoke(first, 'patient.create', { mrn: 'REC-1', familyName: 'Bäcker', givenName: 'Jörg', birthDate: '1955-05-05', sex: 'male' }, await login(first, 'nurse'));
    await stopGracefully(first);
    // Each backup is a page-store generation, named by its manifest.
    const backups = () => (fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.backup.manifest')).length : 0);
    const before = backups();
    // The next start backs the database up (patient and accounts included): wait for its log line.
    const second = await startApp(dataDir);
    await second.logged(/^\[core\] backup (written|failed)/);
    expect(backups()).toBeGreaterThan(before);
    await stopGracefully(second);

    const file = path.join(dataDir, 'proceduredesk.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    fs.closeSync(fd);

    const app = await startApp(dataDir);
    try {
      await page.goto(app.url);
      // The recovery screen comes before any sign-in: the accounts are in the damaged file.
      await expect(page.getByRole('heading', { name: 'The database needs attention' })).toBeVisible();
      await expect(page.getByRole('alert').first()).toContainText('not a ProcedureDesk database');
      await expect(page.getByText('Nothing was deleted')).toBeVisible();
      expect(fs.readdirSync(path.join(dataDir, 'quarantine'))).toHaveLength(1);
      // The launch secret alone restores nothing: an administrator of the backup signs for it.
      await page.getByRole('button', { name: 'Restore this backup' }).first().click();
      await expect(page.getByRole('alert').filter({ hasText: 'username and password' })).toBeVisible();
      await page.getByLabel('Administrator username').fill(ACCOUNTS.admin.username);
      await page.getByLabel('Administrator password').fill('not-the-password');
      await page.getByRole('button', { name: 'Restore this backup' }).first().click();
      await expect(page.getByRole('alert').filter({ hasText: 'not the username and password of an active administrator' })).toBeVisible();
      expect(fs.existsSync(path.join(dataDir, 'proceduredesk.sqlite'))).toBe(false);
      await page.getByLabel('Administrator password').fill(E2E_PASSWORD);
      await page.getByRole('button', { name: 'Restore this backup' }).first().click();
      await expect(page.getByRole('heading', { name: 'The database needs attention' })).toBeHidden();
      // No reload: the app asks for the session again as soon as recovery ends.
      // The restored file has the accounts back: the nurse signs in and works.
      await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
      await signIn(page, 'nurse');
      await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
      await page.getByLabel('Find patient (name or MRN)').fill('REC-1');
      await expect(page.getByText('0 encounter(s) for "REC-1"')).toBeVisible();
      expect(await invoke<unknown[]>(app, 'patient.search', { query: 'REC-1' }, await login(app, 'nurse'))).toHaveLength(1);
    } finally {
      await stopGracefully(app);
    }
  } finally {
    removeDataDir(dataDir);
  }
});

test('backups screen: back up now, then the administrator restores it over newer data, which is set aside', async ({ page, app }) => {
  await app.call('patient.create', { mrn: 'KEEP-1', familyName: 'Früh', givenName: 'Anna', birthDate: '1970-01-01', sex: 'female' });
  await page.goto(app.url);
  // Any signed-in user may take a backup.
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toHaveText('Backup written and verified.');
  await app.call('patient.create', { mrn: 'LATER-2', familyName: 'Spät', givenName: 'Ben', birthDate: '1971-01-01', sex: 'male' });
  // Restoring over a healthy database is for the administrator only.
  const { backups } = await invoke<{ backups: { name: string }[] }>(app.current, 'recovery.status', {});
  await expect(app.call('recovery.restoreBackup', { backup: backups[0]!.name, username: ACCOUNTS.nurse.username, password: E2E_PASSWORD }, 'nurse')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await signOut(page);
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Backups' }).click();
  await page.getByRole('list', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup/ }).first().click();
  // The administrator's password again, checked against the accounts in that backup.
  await page.getByLabel('Password (as it was in that backup)').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Yes, restore this backup' }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup');
  // The restore reopened the database, and sessions with it: the fixture's nurse signs in again.
  expect(await app.call<unknown[]>('patient.search', { query: 'KEEP' })).toHaveLength(1);
  expect(await app.call<unknown[]>('patient.search', { query: 'LATER' })).toHaveLength(0);
  expect(fs.readdirSync(path.join(app.dataDir, 'quarantine')).some((d) => d.endsWith('replaced-by-restore'))).toBe(true);
});
