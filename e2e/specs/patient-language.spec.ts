/**
 * The patient's preferred language corrected after registration, in the browser: from the
 * "Patient & plan" part by keyboard, kept by the core. With
 * LANGUAGE_SHOTS set, screenshots at 1366x768 go there.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { expect, signIn, test } from '../fixtures';

const OUT = process.env.LANGUAGE_SHOTS;
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string): Promise<void> {
  if (OUT) await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test("a nurse corrects the patient's language from the plan, by keyboard", async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'PL-1', familyName: 'Nguyen', givenName: 'Lan', birthDate: '1958-09-12', sex: 'female', language: 'en' });
  await app.call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: localIsoDate(), indication: 'Left L5 radicular pain for 8 weeks.',
  });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('row', { name: /NGUYEN/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await page.getByRole('tab', { name: /^Patient & plan/ }).click();
  const change = page.getByRole('button', { name: 'Change the preferred language (now English)' });
  await change.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Preferred language' });
  const select = form.getByLabel('Preferred language');
  await expect(select).toBeFocused();
  await select.selectOption('vi');
  await shoot(page, 'language-change');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Save language' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Change the preferred language \(now Vietnamese/ })).toBeVisible();
  await shoot(page, 'language-saved');
  expect((await app.call<{ language: string | null }[]>('patient.search', { query: 'PL-1' }))[0]!.language).toBe('vi');
});
