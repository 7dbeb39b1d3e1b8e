/**
 * The team of the day (issue 18, point 4) in the browser: the nurse picks it once from the
 * worklist (accounts by checkbox, a visitor by name and role), and the time-out sign-off starts
 * from it, so the physician only signs. With DAYTEAM_SHOTS set, screenshots at 1366x768 go there.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { advanceOverridingOpen, consentGivenAndSigned } from '../consented-encounter';
import { E2E_PASSWORD, expect, signIn, test } from '../fixtures';

const OUT = process.env.DAYTEAM_SHOTS;
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string): Promise<void> {
  if (!OUT) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('the team is picked once from the worklist and fills the time-out sign-off', async ({ page, app }) => {
  test.setTimeout(120_000);
  const today = localIsoDate();
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'DT-1', familyName: 'Okonkwo', givenName: 'Ada', birthDate: '1961-07-09', sex: 'female' });
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: today, indication: 'Left L5 radicular pain for 8 weeks.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' }, 'physician');
  await consentGivenAndSigned(app, encounterId);
  await advanceOverridingOpen(app, encounterId, 'time-out', 'Set-up for the team of the day test', E2E_PASSWORD);

  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: "Today's team" }).click();
  const dialog = page.getByRole('dialog', { name: `Team of the day, ${today}` });
  await expect(dialog.getByLabel('Room of this workstation')).toHaveValue('Procedure room 1');
  const form = dialog.getByRole('form', { name: 'Team of the day' });
  await expect(form.getByRole('checkbox', { name: 'Nina Nurse (nurse)' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Dr Pat Physician (physician)' }).check();
  await form.getByRole('button', { name: 'Add visitor' }).click();
  await form.getByLabel('Name of visitor 1').fill('Sam Okafor');
  await form.getByLabel('Role of visitor 1').fill('radiographer');
  await shoot(page, 'team-picker');
  await form.getByRole('button', { name: "Save today's team" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('row', { name: /OKONKWO/ }).getByRole('button', { name: /^Open encounter/ }).click();
  const timeOut = page.getByRole('form', { name: 'Time-out sign-off' });
  await expect(timeOut.getByText("Today's team in Procedure room 1; remove anyone not here.")).toBeVisible();
  const names = timeOut.getByLabel(/^Name of person \d+$/);
  await expect(names).toHaveCount(3);
  // The accounts in the order the picker lists them (by name), then the visitor.
  expect(await names.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Dr Pat Physician', 'Nina Nurse', 'Sam Okafor']);
  await timeOut.getByRole('button', { name: 'Sign the time-out' }).scrollIntoViewIfNeeded();
  await shoot(page, 'time-out-prefilled');
  if (OUT) await timeOut.screenshot({ path: path.join(OUT, 'time-out-form.png'), animations: 'disabled', caret: 'hide' });
  await timeOut.getByLabel(/Your password/).fill(E2E_PASSWORD);
  await timeOut.getByRole('button', { name: 'Sign the time-out' }).click();
  await expect(page.getByRole('region', { name: 'Record history' }).getByText(/Sam Okafor/).first()).toBeVisible();
});
