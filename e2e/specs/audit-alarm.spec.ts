/**
 * An older copy of the database put back by hand (what IT restoring a file copy
 * looks like) is caught at start-up: every signed-in user sees the alarm on
 * every screen; the administrator reviews it on the Audit trail screen and
 * acknowledges it with a reason and the password, after which the trail verifies
 * again and the acknowledgement is in it. At 1366×768; AUDIT_ALARM_SCREENSHOTS=<folder>
 * keeps screenshots of the banner and the acknowledgement form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { E2E_PASSWORD, expect, signIn, signOut, test } from '../fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const shots = process.env.AUDIT_ALARM_SCREENSHOTS;

test('an older database copied back by hand: alarm for everyone, acknowledged by the administrator, recorded', async ({ page, app }) => {
  await app.call('patient.create', { mrn: 'OLD-1', familyName: 'Alt', givenName: 'Ida', birthDate: '1960-01-01', sex: 'female' });
  // IT's copy of the file, taken with the app closed (backups are page-store generations, not files to copy).
  const file = path.join(app.dataDir, 'proceduredesk.sqlite');
  const older = `${app.dataDir}-older-copy`;
  await app.restart(() => {
    fs.mkdirSync(older, { recursive: true });
    for (const suffix of ['', '-wal']) if (fs.existsSync(`${file}${suffix}`)) fs.copyFileSync(`${file}${suffix}`, path.join(older, `db${suffix}`));
  });
  await app.call('patient.create', { mrn: 'NEW-2', familyName: 'Neu', givenName: 'Otto', birthDate: '1961-01-01', sex: 'male' });
  await app.restart(() => {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    for (const suffix of ['', '-wal']) if (fs.existsSync(path.join(older, `db${suffix}`))) fs.copyFileSync(path.join(older, `db${suffix}`), `${file}${suffix}`);
    fs.rmSync(older, { recursive: true, force: true });
  });
  await app.current.logged(/AUDIT TRAIL ALARM/);

  await page.goto(app.url);
  await signIn(page, 'nurse');
  const banner = page.getByRole('alert').filter({ hasText: 'The audit trail failed its check' });
  await expect(banner).toContainText('an older copy of the database was put back');
  await expect(banner).toContainText('Tell the clinic administrator');
  if (shots) await page.screenshot({ path: path.join(shots, 'audit-alarm-banner.png') });
  await signOut(page);

  await signIn(page, 'admin');
  await banner.getByRole('button', { name: 'Review on the Audit trail screen' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The audit chain is broken');
  const form = page.getByRole('form', { name: 'Acknowledge the audit trail alarm' });
  await form.getByLabel('What was found and what was done').fill('IT copied last night\'s backup back by hand after a disk error; the privacy officer was told.');
  await form.getByLabel('Your password').fill('not-the-password');
  await form.getByRole('button', { name: 'Acknowledge and seal again' }).click();
  await expect(form.getByText('the password is not right')).toBeVisible();
  await expect(banner).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'audit-alarm-acknowledge.png'), fullPage: true });
  await form.getByLabel('Your password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Acknowledge and seal again' }).click();

  await expect(page.getByRole('status')).toContainText('The audit chain is intact');
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'audit.alarmAcknowledged' })).toContainText('Ada Admin');
  await expect(page.getByRole('row').filter({ hasText: 'audit.sealBroken' })).toContainText('ProcedureDesk (system)');
});
