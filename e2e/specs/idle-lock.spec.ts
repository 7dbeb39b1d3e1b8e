/**
 * Automatic lock after idle time, in real Chromium with a controlled clock:
 * activity keeps the session open; ten idle minutes lock it; while locked, no
 * patient data is anywhere in the DOM or the window title; the core refuses
 * the session's calls until the password is entered again.
 */
import { expect, E2E_PASSWORD, signIn, test } from '../fixtures';

const PATIENT = { mrn: 'LOCK-7001', familyName: 'Vasquez-Oyelaran', givenName: 'Temperance', birthDate: '1959-02-17', sex: 'female' } as const;

test('ten idle minutes lock the session; nothing of the patient stays in the DOM; the password unlocks', async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', PATIENT);
  await app.call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Axial low back pain for 6 months.',
  });

  // The page's clock (timers, Date, performance.now) is under the test's control from the first script.
  await page.clock.install();
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: /Open .*VASQUEZ-OYELARAN/i }).click();
  await expect(page.getByRole('heading', { name: /VASQUEZ-OYELARAN, Temperance/ })).toBeVisible();

  // Nine idle minutes, then a key press: the timer starts again.
  await page.clock.fastForward('09:00');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { name: /VASQUEZ-OYELARAN/ })).toBeVisible();

  // Ten minutes with no input: locked.
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: 'ProcedureDesk is locked' })).toBeVisible();
  const html = (await page.content()).toLowerCase();
  for (const secret of [PATIENT.familyName, PATIENT.givenName, PATIENT.mrn, PATIENT.birthDate]) {
    expect(html, `locked DOM must not contain ${secret}`).not.toContain(secret.toLowerCase());
  }
  expect(await page.title()).toBe('ProcedureDesk (locked)');

  // The core was told at once: its trail shows the lock, by the nurse.
  const { entries: trail } = await app.call<{ entries: { action: string; user: { name: string } }[] }>('audit.list', { action: 'auth.lock' }, 'physician');
  expect(trail.map((e) => e.user.name)).toContain('Nina Nurse');

  // A wrong password keeps it locked; the right one brings the patient back.
  const unlock = page.getByRole('form', { name: 'Unlock' });
  await unlock.getByLabel('Password').fill('not my password');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText('not right');
  await expect(page.getByText(PATIENT.mrn)).toHaveCount(0);
  await unlock.getByLabel('Password').fill(E2E_PASSWORD);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: /VASQUEZ-OYELARAN, Temperance/ })).toBeVisible();
  expect(await page.title()).toBe('ProcedureDesk');
});
