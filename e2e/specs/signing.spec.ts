/**
 * Signing the consent-discussion note and adding addenda through the screen,
 * in real Chromium: the physician signs with the attestation offered and the
 * password (a wrong one is refused), the consent discussion turns read-only,
 * the physician and then a nurse add addenda, and the exported text is the
 * signed note with its hash followed by both addenda in order.
 */
import fs from 'node:fs';
import type { NoteSignature } from '#shared/contract/note';
import { DEFAULT_ATTESTATION } from '#shared/contract/note';
import { consentedEncounter } from '../consented-encounter';
import { E2E_PASSWORD, expect, signIn, signOut, test } from '../fixtures';
import { EncounterPage } from '../pages/encounter-page';

const PATIENT = { mrn: 'SIGN-7001', familyName: 'Ibáñez-Olmos', givenName: 'Aitana', birthDate: '1961-03-14', sex: 'female' } as const;

test('a physician signs the note on screen; addenda follow it, in order, in the exported text', async ({ page, app }) => {
  test.setTimeout(120_000);
  const encounterId = await consentedEncounter(app, PATIENT, [{ question: '¿Cuándo puedo volver al trabajo?', answer: 'Al día siguiente, en general.' }]);

  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('row', { name: /IBÁÑEZ-OLMOS/ }).getByRole('button', { name: /^Open encounter/ }).click();
  const noteRegion = page.getByRole('region', { name: 'Consent-discussion note' });
  const consent = page.getByRole('region', { name: 'Consent discussion' });
  // One part of the encounter shows at a time: the consent, then the note.
  await new EncounterPage(page).openPart('Consent');
  await expect(consent.getByRole('radio', { name: 'Consents' })).toBeEnabled();
  await new EncounterPage(page).openPart('Note');

  // The attestation is offered, editable; a wrong password signs nothing and is not kept in the field.
  const signForm = noteRegion.getByRole('form', { name: 'Sign the note' });
  await expect(signForm.getByLabel('Attestation')).toHaveValue(DEFAULT_ATTESTATION);
  const password = signForm.getByLabel('Your password (signs the note)');
  await password.fill('not the password');
  await signForm.getByRole('button', { name: 'Sign the note' }).click();
  await expect(signForm.getByText('the password is not right')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveValue('');
  expect(await app.call<NoteSignature>('note.get', { encounterId })).toEqual({ note: null, addenda: [] });

  // Keyboard: type the password and press Enter.
  await password.fill(E2E_PASSWORD);
  await password.press('Enter');
  const signedBy = noteRegion.getByText(/^Signed by Dr Pat Physician \(physician\) at /);
  await expect(signedBy).toBeVisible();
  await expect(signedBy).toBeFocused();
  const { note } = await app.call<NoteSignature>('note.get', { encounterId });
  expect(note).not.toBeNull();
  await expect(signedBy.locator('code')).toHaveText(note!.contentSha256);
  await expect(noteRegion.getByText(DEFAULT_ATTESTATION)).toBeVisible();

  // The consent discussion is read-only now; the checklist is not (the procedure day continues).
  const encounter = new EncounterPage(page);
  await encounter.openPart('Consent');
  await expect(consent.getByText('The note is signed')).toBeVisible();
  await expect(consent.getByRole('radio', { name: 'Consents' })).toBeDisabled();
  await expect(consent.getByRole('button', { name: 'Add question' })).toBeDisabled();
  await encounter.openPart('Consent');
  await expect(page.getByRole('checkbox', { name: 'Infection', exact: true })).toBeEnabled();
  await encounter.openPart('Note');

  // The physician's addendum; a reason too short is caught before anything is sent.
  const addendumForm = noteRegion.getByRole('form', { name: 'Add an addendum' });
  await addendumForm.getByLabel('Reason for the addendum').fill('typo');
  await addendumForm.getByLabel('Addendum', { exact: true }).fill('The patient also asked about driving; advised not to drive today.');
  await addendumForm.getByLabel('Your password (signs the addendum)').fill(E2E_PASSWORD);
  await addendumForm.getByRole('button', { name: 'Sign the addendum' }).click();
  await expect(addendumForm.getByText('at least 5 characters')).toBeVisible();
  await addendumForm.getByLabel('Reason for the addendum').fill('Question omitted from the discussion record');
  await addendumForm.getByLabel('Your password (signs the addendum)').fill(E2E_PASSWORD);
  await addendumForm.getByRole('button', { name: 'Sign the addendum' }).click();
  const addenda = noteRegion.getByRole('list', { name: 'Addenda' });
  await expect(addenda.getByRole('listitem')).toHaveCount(1);
  await expect(addenda.getByRole('listitem').first()).toContainText('Addendum 1 by Dr Pat Physician (physician)');
  await expect(addendumForm.getByLabel('Reason for the addendum')).toHaveValue('');

  // A nurse cannot sign, but adds an addendum with her own password.
  await signOut(page);
  await signIn(page, 'nurse');
  // The app returns to the screen last open in this window (the encounter), or to the worklist.
  const heading = page.getByRole('heading', { name: /IBÁÑEZ-OLMOS, Aitana/ });
  await expect(heading.or(page.getByRole('heading', { name: 'Worklist' }))).toBeVisible();
  if (!(await heading.isVisible())) await page.getByRole('row', { name: /IBÁÑEZ-OLMOS/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await encounter.openPart('Note');
  await expect(noteRegion.getByText(/^Signed by Dr Pat Physician/)).toBeVisible();
  await expect(noteRegion.getByRole('form', { name: 'Sign the note' })).toHaveCount(0);
  await addendumForm.getByLabel('Reason for the addendum').fill('Escort details');
  await addendumForm.getByLabel('Addendum', { exact: true }).fill('Escort: daughter, Lucía Olmos, will drive the patient home.');
  await addendumForm.getByLabel('Your password (signs the addendum)').fill(E2E_PASSWORD);
  await addendumForm.getByRole('button', { name: 'Sign the addendum' }).click();
  await expect(addenda.getByRole('listitem')).toHaveCount(2);
  await expect(addenda.getByRole('listitem').nth(1)).toContainText('Addendum 2 by Nina Nurse (nurse)');

  // The export is the signed note, then its addenda in order.
  await noteRegion.getByRole('button', { name: 'Export consent-discussion note' }).click();
  const textDownload = page.waitForEvent('download');
  await noteRegion.getByRole('link', { name: 'Save text' }).click();
  const text = fs.readFileSync((await (await textDownload).path()), 'utf8');
  await expect(noteRegion.getByLabel('Note text')).toContainText('ADDENDUM 2');
  const { addenda: stored } = await app.call<NoteSignature>('note.get', { encounterId });
  const order = [
    '¿Cuándo puedo volver al trabajo?',
    DEFAULT_ATTESTATION,
    'Signed by Dr Pat Physician (physician) at',
    `SHA-256 of the signed content: ${note!.contentSha256}`,
    'ADDENDUM 1', 'Reason: Question omitted from the discussion record', 'advised not to drive today', `SHA-256 of this addendum: ${stored[0]!.contentSha256}`,
    'ADDENDUM 2', 'Author: Nina Nurse (nurse)', 'Reason: Escort details', 'Lucía Olmos', `SHA-256 of this addendum: ${stored[1]!.contentSha256}`,
  ].map((s) => {
    const at = text.indexOf(s);
    expect(at, s).toBeGreaterThanOrEqual(0);
    return at;
  });
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(text).not.toContain('NOT SIGNED');
});
