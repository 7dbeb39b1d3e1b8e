/**
 * Issue 16 on screen, at 1366×768 in real Chromium: a signed note shows how
 * its signature verified (Ed25519, with the key); the same note forged in the
 * data file while the app was stopped ("consents" changed to "declines" and
 * re-hashed) shows only the failure, none of the forged text, and cannot be
 * exported; an administrator's own clinical account carries its mark on the
 * users list and in its own header. SIGNATURE_SCREENSHOTS=<folder> keeps the
 * screenshots (otherwise they go to the test's output folder).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openKeyed } from '#db/connection';
import { databaseKeyFor } from '#db/keys/database-key';
import { storedNoteText, writeNoteText } from '#db/testing/note-content';
import type { Page, TestInfo } from '@playwright/test';
import type { NoteSignature } from '#shared/contract/note';
import { DEFAULT_ATTESTATION, SIGNATURE_FAILED } from '#shared/contract/note';
import { consentedEncounter } from '../consented-encounter';
import { ACCOUNTS, E2E_PASSWORD, expect, signIn, signOut, test } from '../fixtures';
import { EncounterPage } from '../pages/encounter-page';

test.use({ viewport: { width: 1366, height: 768 } });

const PATIENT = { mrn: 'SIGV-1601', familyName: 'Okonkwo-Reyes', givenName: 'Adaeze', birthDate: '1957-08-02', sex: 'female' } as const;

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const folder = process.env.SIGNATURE_SCREENSHOTS;
  await page.screenshot({ path: folder ? path.resolve(folder, name) : testInfo.outputPath(name), animations: 'disabled', caret: 'hide' });
}

test('a signed note shows its verified signature; forged in the file, it shows only the failure and cannot be exported', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const encounterId = await consentedEncounter(app, PATIENT);
  await app.call('note.sign', { encounterId, password: E2E_PASSWORD, attestation: DEFAULT_ATTESTATION }, 'physician');
  const { note } = await app.call<NoteSignature>('note.get', { encounterId });
  expect(note?.verification.method).toBe('ed25519');
  const keyId = note!.verification.method === 'ed25519' ? note!.verification.keyId : '';

  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('row', { name: /OKONKWO-REYES/ }).getByRole('button', { name: /^Open encounter/ }).click();
  // The note is a part of its own on the encounter's rail.
  await new EncounterPage(page).openPart('Note');
  const noteRegion = page.getByRole('region', { name: 'Consent-discussion note' });
  const verified = noteRegion.getByText('Signature verified (Ed25519), signing key');
  await expect(verified).toBeVisible();
  await expect(verified.locator('code')).toHaveText(`${keyId.slice(0, 16)}…`);
  await verified.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'signature-1-verified.png');

  // Someone with the data file changes the decision and recomputes the hash, with the app stopped.
  await app.restart(() => {
    // The forger holds the file and its key (the OS account): only the signature stands between them and the chart.
    const file = path.join(app.dataDir, 'proceduredesk.sqlite');
    const db = openKeyed(file, databaseKeyFor(file, `${app.dataDir}.keys`, null));
    try {
      db.exec('DROP TRIGGER signed_notes_no_update');
      // The content is stored compressed; the forger writes it back as text, which the app also reads.
      const forged = storedNoteText(db, note!.id).replace('The patient consents to the procedure.', 'The patient declines the procedure.');
      writeNoteText(db, note!.id, forged);
      db.prepare('UPDATE signed_notes SET content_sha256 = ? WHERE id = ?').run(createHash('sha256').update(forged).digest('hex'), note!.id);
    } finally {
      db.close();
    }
  });

  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('row', { name: /OKONKWO-REYES/ }).getByRole('button', { name: /^Open encounter/ }).click();
  // The note is a part of its own on the encounter's rail.
  await new EncounterPage(page).openPart('Note');
  const alert = noteRegion.getByRole('alert');
  await expect(alert).toContainText(`${SIGNATURE_FAILED}.`);
  await expect(alert).toContainText('What failed: the signature of the note does not match what it signed.');
  await expect(noteRegion.getByText('Signature verified')).toHaveCount(0);
  await expect(noteRegion.getByText('declines')).toHaveCount(0);
  // Nothing is reopened for editing: the consent discussion stays read-only, no signature can be added.
  await new EncounterPage(page).openPart('Consent');
  await expect(page.getByRole('region', { name: 'Consent discussion' }).getByRole('radio', { name: 'Consents' })).toBeDisabled();
  // Back to the note's part for the picture of the failure.
  await new EncounterPage(page).openPart('Note');
  await alert.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'signature-2-forged.png');
  // Every export path refuses it too, and the refusals are in the audit trail.
  await expect(app.call('note.export', { encounterId })).rejects.toThrow(SIGNATURE_FAILED);
  const { entries: failures } = await app.call<{ entries: { action: string }[] }>('audit.list', { action: 'note.signatureFailed', limit: 10 }, 'admin');
  expect(failures.length).toBeGreaterThanOrEqual(2);
});

test("an administrator's own clinical account is marked on the users list and in its own header", async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Users & settings' }).click();
  const form = page.getByRole('form', { name: 'New account' });
  await form.getByLabel('Full name (as records will show it)').fill('Ada Admin MD');
  await form.getByLabel('Username').fill('ada.md');
  await form.getByLabel('Role').selectOption({ label: 'Physician' });
  await form.getByLabel('Initial password (at least 10 characters)').fill(E2E_PASSWORD);
  // Not saying whose account it is is refused before anything is sent.
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByText('Say whose account this is.')).toBeVisible();
  await form.getByRole('radio', { name: /^Mine/ }).check();
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('status')).toContainText('marked as made by you for yourself');
  const row = page.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: /Ada Admin MD/ });
  await expect(row).toContainText(`Created by administrator ${ACCOUNTS.admin.displayName} for themself`);
  await expect(row).toContainText('Signing key');
  await row.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'signature-3-users-self-made.png');

  await signOut(page);
  const signInForm = page.getByRole('form', { name: 'Sign in' });
  await signInForm.getByLabel('Username').fill('ada.md');
  await signInForm.getByLabel('Password').fill(E2E_PASSWORD);
  await signInForm.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Account created by administrator ${ACCOUNTS.admin.displayName} for themself`)).toBeVisible();
  await shot(page, testInfo, 'signature-4-header-self-made.png');
});
