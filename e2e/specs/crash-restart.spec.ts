/**
 * Killing the app process mid-checklist loses nothing the UI showed as saved.
 * The host is SIGKILLed (no shutdown code runs), restarted on the same data
 * folder, and the page reloaded.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { EncounterPage } from '../pages/encounter-page';
import { expect, startSession, test } from '../fixtures';

test('SIGKILL mid-checklist: every item shown as saved is there after restart', async ({ page, app }) => {
  const actor = { name: 'Nadia Nurse', role: 'nurse' };
  const patient = await app.call<{ id: string }>('patient.create', { actor, mrn: 'CRASH-1', familyName: 'Kowalski', givenName: 'Zofia', birthDate: '1959-02-11', sex: 'female' });
  await app.call('encounter.create', {
    actor, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Axial back pain.',
  });
  await page.goto(app.url);
  await startSession(page, 'Nadia Nurse', 'Nurse');
  await page.getByLabel('Find patient (name or MRN)').fill('CRASH-1');
  await page.getByRole('button', { name: /Open encounter for KOWALSKI/ }).click();

  const encounter = new EncounterPage(page);
  const boxes = page.locator('li.item input[type=checkbox]');
  await expect(boxes.first()).toBeVisible();
  const saved: string[] = [];
  for (let i = 0; i < 8; i++) {
    const item = page.locator('li.item').nth(i);
    await boxes.nth(i).check();
    await expect(item.getByText(/^Saved /)).toBeVisible();
    saved.push((await item.getAttribute('data-item-id'))!);
  }
  // One more click, and the process dies before (or while) it is answered.
  await boxes.nth(8).click();
  await app.crashAndRestart();

  const db = new Database(path.join(app.dataDir, 'proceduredesk.sqlite'), { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  db.close();

  // The restarted app listens on a new port with a new secret: a new origin, so a new session.
  await page.goto(app.url);
  await startSession(page, 'Nadia Nurse', 'Nurse');
  await page.getByLabel('Find patient (name or MRN)').fill('CRASH-1');
  await page.getByRole('button', { name: /Open encounter for KOWALSKI/ }).click();
  await expect(page.getByRole('heading', { name: /KOWALSKI, Zofia/ })).toBeVisible();
  for (const id of saved) {
    await expect(page.locator(`li.item[data-item-id="${id}"] input[type=checkbox]`)).toBeChecked();
  }
  await expect(encounter.sectionProgress('Indications')).toBeVisible();
});
