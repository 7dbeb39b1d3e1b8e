/**
 * The encounter's bleeding-risk class in real Chromium at 1366×768: a generic
 * peripheral nerve block (Low in its template) done as a paravertebral block.
 * The physician raises the class to High from the keyboard with a reason; the
 * anticoagulant check follows at once (clopidogrel two days ago: continued at
 * Low, a hard stop at High); a nurse sees the class and why, read-only; the
 * note says which class was used and why.
 */
import { advanceOverridingOpen, consentGivenAndSigned } from '../consented-encounter';
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from '../pages/axe';
import { E2E_PASSWORD, signIn, signOut, test } from '../fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const PATIENT = { mrn: 'BLEED-1515', familyName: 'Haugen-Osei', givenName: 'Ingrid', birthDate: '1948-06-30', sex: 'female' } as const;

async function openEncounter(page: Page): Promise<void> {
  const encounter = page.getByRole('region', { name: /^Now:/ });
  await expect(encounter.or(page.getByRole('heading', { name: 'Worklist' }))).toBeVisible();
  if (!(await encounter.isVisible())) await page.getByRole('row', { name: /HAUGEN-OSEI/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await expect(encounter).toBeVisible();
}

const panel = (page: Page) => page.locator('section.bleeding-risk');

test('a physician raises the bleeding-risk class with a reason; the check follows; a nurse reads it', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const patient = await app.call<{ id: string }>('patient.create', PATIENT);
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'peripheral-nerve-block', levels: [], laterality: 'right',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Right chest wall pain after thoracotomy.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'clopidogrel', lastDoseAt: new Date(Date.now() - 2 * 86_400_000).toISOString() } } });

  await page.goto(app.url);
  await signIn(page, 'physician');
  await openEncounter(page);
  await expect(panel(page).getByRole('heading', { name: 'Bleeding-risk class: Low' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Anticoagulants and antiplatelets' }).getByText(/No hold conflict for the low-risk procedure/)).toBeVisible();
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('1-physician-before.png'), animations: 'disabled', caret: 'hide' });

  // Every control of the form is at least 44 px high.
  const form = panel(page).getByRole('form', { name: 'Raise bleeding-risk class' });
  for (const control of await form.locator('select, input, button').all()) {
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }

  // From the keyboard: focus the first field, then Tab through the form.
  await form.getByLabel('Raise to').focus();
  await page.keyboard.press('End'); // the last option: High
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Reason')).toBeFocused();
  await form.getByLabel('Reason').selectOption({ label: 'Deep or paravertebral block' });
  await expect(form.getByText(/paravertebral, deep plexus, deep peripheral/)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Details (shown in the note)')).toBeFocused();
  await page.keyboard.type('Thoracic paravertebral block at T5: not compressible.');
  await page.keyboard.press('Enter');

  await expect(panel(page).getByRole('heading', { name: 'Bleeding-risk class: High' })).toBeVisible();
  await expect(panel(page).getByText(/^Raised to High by Dr Pat Physician \(physician\), .*: Deep or paravertebral block\. Thoracic paravertebral block at T5/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Anticoagulants and antiplatelets' }).getByRole('alert')).toContainText('Clopidogrel');
  await expectAccessible(page, 'encounter with a raised bleeding-risk class');
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('2-physician-raised.png'), animations: 'disabled', caret: 'hide' });

  // A nurse sees the class and why, and no control to change it.
  await signOut(page);
  await signIn(page, 'nurse');
  await openEncounter(page);
  await expect(panel(page).getByRole('heading', { name: 'Bleeding-risk class: High' })).toBeVisible();
  await expect(panel(page).getByText('Only a physician can raise the bleeding-risk class.')).toBeVisible();
  await expect(panel(page).getByRole('form', { name: 'Raise bleeding-risk class' })).toHaveCount(0);
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('3-nurse-read-only.png'), animations: 'disabled', caret: 'hide' });

  // At the time-out, the hard stop is judged at the encounter's class: clopidogrel blocks the nurse.
  // No override lifts the consent decision or the patient's signature (issue 18): given first.
  await consentGivenAndSigned(app, encounterId);
  await advanceOverridingOpen(app, encounterId, 'time-out', 'Set-up for this test', E2E_PASSWORD);
  await page.reload();
  await signIn(page, 'nurse');
  await openEncounter(page);
  await expect(page.getByRole('region', { name: /^Now: Time-out/ }).locator('.advance .hard-stop')).toContainText('Clopidogrel');

  const note = await app.call<{ text: string }>('note.export', { encounterId });
  expect(note.text).toContain('BLEEDING-RISK CLASS (ANTICOAGULANT CHECK)\nClass used: High');
  expect(note.text).toMatch(/- Raised to High by Dr Pat Physician \(physician\), .*: Deep or paravertebral block\. Thoracic paravertebral block at T5: not compressible\./);
});
