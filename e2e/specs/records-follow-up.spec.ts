/**
 * Issue 18, points 9 and 10 through the screen at 1366×768: a nurse opens "Follow-ups due" from the
 * top bar and opens a row with Enter; an administrator creates a records account on the Users screen;
 * the records user lands on the chart outbox, sees only what a records account can use, and the day's
 * batch says what it skipped. RECORDS_SCREENSHOTS=<folder> keeps the screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { addDays } from '#shared/domain/follow-up-due';
import { E2E_PASSWORD, expect, signIn, test } from '../fixtures';
import { consentedEncounter } from '../consented-encounter';
import { signOut } from '../pages/session';
import { UsersPage } from '../pages/users-page';
import { E2E_INTEROP } from '../accounts';

const OUT = process.env.RECORDS_SCREENSHOTS;
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string): Promise<void> {
  if (!OUT) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('follow-ups due by keyboard; a records account made on the Users screen sees the outbox and nothing clinical', async ({ page, app }) => {
  test.setTimeout(180_000);
  const day = localIsoDate();
  await app.call('demo.seed', { today: day });
  const rows = await app.call<{ encounter: { id: string; state: string; plannedDate: string }; patient: { familyName: string } }[]>('encounter.list', {});
  const done = rows.filter((r) => r.encounter.state === 'discharged' && r.encounter.plannedDate < day);
  expect(done.length).toBeGreaterThan(1);
  await app.call('followUp.schedule', { encounterId: done[0]!.encounter.id, dueDate: day, how: 'phone', notes: 'Ask how far she walks now.' });
  await app.call('followUp.schedule', { encounterId: done[1]!.encounter.id, dueDate: done[1]!.encounter.plannedDate, how: 'visit' });

  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Follow-ups due' }).click();
  await expect(page.getByRole('heading', { name: 'Follow-ups due', level: 1 })).toBeVisible();
  const due = page.getByRole('table').getByRole('row', { name: /open outcomes/ });
  await expect(due).toHaveCount(2);
  await expect(page.getByText('(overdue)')).toBeVisible();
  await shoot(page, 'follow-ups-due');
  await due.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(done.find((d) => d.encounter.id === done[1]!.encounter.id)!.patient.familyName, 'i') })).toBeVisible();
  // Plan the next contact two weeks ahead from the outcomes screen (a follow-up itself could not be dated then).
  const plan = page.getByRole('form', { name: /^Plan the next contact: / }).first();
  await plan.getByLabel('Date (may be in the future)').fill(addDays(day, 14));
  await plan.getByLabel('Notes').fill('Call after the physio course.');
  await plan.getByRole('button', { name: 'Plan the contact' }).click();
  await expect(plan.getByText(`Call on ${addDays(day, 14)}, planned by Nina Nurse: Call after the physio course.`)).toBeVisible();
  await plan.scrollIntoViewIfNeeded();
  await shoot(page, 'outcomes-plan-contact');
  await signOut(page);

  // A signed note sent once, and one not yet sent, for the records desk.
  const sent = await consentedEncounter(app, { mrn: 'REC-7001', familyName: 'Núñez', givenName: 'Rosa', birthDate: '1961-04-02', sex: 'female' });
  const fresh = await consentedEncounter(app, { mrn: 'REC-7002', familyName: 'Okafor', givenName: 'Ben', birthDate: '1958-09-30', sex: 'male' });
  for (const encounterId of [sent, fresh]) await app.call('note.sign', { encounterId, password: E2E_PASSWORD, attestation: 'I held this discussion.' }, 'physician');
  await app.call('settings.update', { outboxFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-records-')), interop: E2E_INTEROP }, 'admin');

  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Users & settings' }).click();
  const users = new UsersPage(page);
  await users.createAccount('records');
  await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: /Rita Records/ })).toContainText('Records (sends signed notes to the chart)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'users-with-records');
  await signOut(page);

  await app.call('note.exportToOutbox', { encounterId: sent }, 'nurse');
  await signIn(page, 'records');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { name: 'Chart outbox', level: 1 })).toBeVisible();
  await expect(nav.getByRole('button')).toHaveText(['Chart outbox', 'Procedure library']);
  await expect(page.getByRole('row', { name: /REC-7001/ })).toContainText('unchanged since');
  await page.getByRole('button', { name: /^Send signed notes of / }).click();
  await expect(page.getByText(/^Done: 1 note sent\. 1 note already in the outbox unchanged was not sent again\./)).toBeVisible();
  await expect(page.getByRole('row', { name: /REC-7002/ })).toContainText('unchanged since');
  await shoot(page, 'records-outbox');
});
