/**
 * Screenshots of the group confirmations and the hand-over at 1366x768 (issue 18, point 5), not a
 * test: skipped unless BATCH_SHOTS names the folder to write.
 */
import path from 'node:path';
import { expect, signIn, test } from '../fixtures';

const OUT = process.env.BATCH_SHOTS;
test.skip(!OUT, 'only when BATCH_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('a section with its confirm button, the risks, and the sign-in after Sign out', async ({ page, app }) => {
  test.setTimeout(120_000);
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'GB-1', familyName: 'Abernathy-Kuti', givenName: 'Lena', birthDate: '1968-03-14', sex: 'female' });
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Left L5 radicular pain for 8 weeks.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('row', { name: /ABERNATHY-KUTI/ }).getByRole('button', { name: /^Open encounter/ }).click();
  const identity = page.getByRole('button', { name: 'Confirm all 3 open in Identity' });
  await identity.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'phase-section-confirm.png'), animations: 'disabled', caret: 'hide' });
  const indications = page.getByRole('button', { name: /^Confirm all \d+ open in Indications/ });
  await indications.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'checklist-section-confirm.png'), animations: 'disabled', caret: 'hide' });
  const risks = page.getByRole('button', { name: /^All \d+ risks discussed$/ });
  await risks.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'risks-confirm.png'), animations: 'disabled', caret: 'hide' });
  await risks.click();
  await expect(risks).toHaveCount(0);
  await page.getByRole('heading', { name: /^Risks/ }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'risks-confirmed.png'), animations: 'disabled', caret: 'hide' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT!, 'top-bar.png'), animations: 'disabled', caret: 'hide' });
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByLabel('Username')).toBeFocused();
  await page.screenshot({ path: path.join(OUT!, 'switch-user-sign-in.png'), animations: 'disabled', caret: 'hide' });
});
