/**
 * Killing the app process mid-checklist loses nothing the UI showed as saved.
 * The host is SIGKILLed (no shutdown code runs), restarted on the same data
 * folder, and the page reloaded.
 */
import path from 'node:path';
import { openKeyed } from '#db/connection';
import { databaseKeyFor } from '#db/keys/database-key';
import { EncounterPage } from '../pages/encounter-page';
import { expect, signIn, test } from '../fixtures';

test('SIGKILL mid-checklist: every item shown as saved is there after restart', async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'CRASH-1', familyName: 'Kowalski', givenName: 'Zofia', birthDate: '1959-02-11', sex: 'female' });
  const created = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Axial back pain.',
  });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByLabel('Find patient (name or MRN)').fill('CRASH-1');
  await page.getByRole('button', { name: /Open encounter for KOWALSKI/ }).click();

  const encounter = new EncounterPage(page);
  // The Consent part: its risks are plain checkboxes, none resolved by a record.
  await encounter.openPart('Consent');
  // The items of the part on show (one part of the encounter at a time).
  const boxes = page.locator('li.item:visible input[type=checkbox]');
  await expect(boxes.first()).toBeVisible();
  const saved: string[] = [];
  for (let i = 0; i < 8; i++) {
    const item = page.locator('li.item:visible').nth(i);
    await boxes.nth(i).check();
    await expect(item.getByText(/^Saved /)).toBeVisible();
    saved.push((await item.getAttribute('data-item-id'))!);
  }
  // One more click, and the process dies before (or while) it is answered.
  await boxes.nth(8).click();
  await app.crashAndRestart();

  const file = path.join(app.dataDir, 'proceduredesk.sqlite');
  const db = openKeyed(file, databaseKeyFor(file, `${app.dataDir}.keys`, null), { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  db.close();

  // The restarted app listens on a new port with a new secret: a new origin. Sessions lived in the
  // killed process's memory, so the nurse signs in again.
  await page.goto(app.url);
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'nurse');
  await page.getByLabel('Find patient (name or MRN)').fill('CRASH-1');
  await page.getByRole('button', { name: /Open encounter for KOWALSKI/ }).click();
  await expect(page.getByRole('heading', { name: /KOWALSKI, Zofia/ })).toBeVisible();
  for (const id of saved) {
    await expect(page.locator(`li.item[data-item-id="${id}"] input[type=checkbox]`)).toBeChecked();
  }
  await expect(encounter.sectionProgress('Indications')).toBeVisible();
  // The core agrees (the fixture's API session died with the process too and signs in again),
  // and records each acknowledged item as checked by the nurse who checked it.
  const detail = await app.call<{ items: { itemId: string; status: string; updatedBy: { name: string } }[] }>('encounter.get', { encounterId: created.id });
  for (const id of saved) {
    expect(detail.items.find((i) => i.itemId === id), id).toMatchObject({ status: 'checked', updatedBy: { name: 'Nina Nurse' } });
  }
});
