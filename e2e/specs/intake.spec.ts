/**
 * The intake at 1366×768 in real Chromium: the pre-procedure part's one line, the form in its
 * dialog, a relief over 100 % refused beside its field with nothing saved, then saved; the part
 * gains one line. With INTAKE_SHOTS set, each screen is saved there.
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { signIn, test } from '../fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const SHOTS = process.env.INTAKE_SHOTS;
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide', fullPage });
}
const today = () => new Date().toISOString().slice(0, 10);

test('the intake: one line in the pre-procedure part, the form in a dialog, a wrong field refused beside it', async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'IN-1', familyName: 'Okafor', givenName: 'Ada', birthDate: '1962-05-17', sex: 'female' });
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: today(), indication: 'Left L5 radicular pain for 12 weeks.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('row', { name: /OKAFOR/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await expect(page.getByText('Intake: not recorded yet')).toBeVisible();

  await page.getByRole('button', { name: 'Record the intake ▸' }).click();
  const form = page.getByRole('form', { name: 'Patient intake' });
  await shot(page, '1-intake-form-empty');
  await form.getByRole('button', { name: 'Add a symptom' }).click();
  await form.getByLabel('Symptom', { exact: true }).fill('Burning pain down the left leg');
  await form.getByLabel('Where').fill('Left buttock and calf');
  await form.getByRole('button', { name: 'Add a therapy' }).click();
  await form.getByLabel('Type').selectOption('injection');
  await form.getByLabel('What it was').fill('Lumbar ESI');
  await form.getByLabel('Injection procedure').fill('L5-S1 interlaminar ESI');
  await form.getByLabel(/Injection date/).fill('2026-03-02');
  await form.getByLabel('% relief').fill('101');
  await form.getByLabel('Pain score (0 to 10)').fill('12');
  await form.getByRole('button', { name: 'Save intake' }).click();
  await expect(form.getByText('the % relief cannot be above 100')).toBeVisible();
  await expect(form.getByText('the pain score is 0 to 10')).toBeVisible();
  await shot(page, '2-intake-form-errors');
  expect((await app.call<{ versions: unknown[] }>('intake.history', { patientId: patient.id })).versions).toEqual([]);

  await form.getByLabel('% relief').fill('70');
  await form.getByLabel('Pain score (0 to 10)').fill('7');
  await form.getByRole('button', { name: 'Save intake' }).click();
  await expect(page.getByText(/^Intake: recorded by /)).toBeVisible();
  await shot(page, '3-pre-procedure-with-intake-line');
  // The intake adds one line to the part (the part's own length is layout-targets.spec.ts's to judge).
  const line = await page.locator('.intake-summary').boundingBox();
  expect(line!.height).toBeLessThanOrEqual(64);
});
