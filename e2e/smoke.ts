/**
 * The release smoke test's steps, through the screens only: first start on an
 * empty data folder, accounts, a checklist item saved, a note signed and sent
 * to the outbox; then, after the app has been quit and started again on the
 * same folder, the item still checked. Each step takes a Page, so the same
 * steps drive the Electron window (specs/electron-smoke.spec.ts) and browser
 * mode (specs/smoke-browser.spec.ts, which keeps them honest where no Electron
 * binary can be had).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { RUNNING_MARKER } from '#db/integrity';
import { LIBRARY } from '#shared/library/index';
import { pdfPages } from '#db/testing/pdf-text';
import { E2E_PASSWORD } from './accounts';
import { EncounterPage } from './pages/encounter-page';
import { createFirstAdmin, signIn, signOut } from './pages/session';
import { UsersPage } from './pages/users-page';
import { WorklistPage } from './pages/worklist-page';

export const SMOKE_PATIENT = { mrn: 'SMOKE-0001', familyName: 'Lindqvist-Åberg', givenName: 'Maja', birthDate: '1968-11-02', sex: 'Female' } as const;
/** The checklist item the nurse checks before the restart, and finds checked after it. */
export const SMOKE_ITEM = 'Suspected facet-mediated axial low back pain.';
const HEADING = /LINDQVIST-ÅBERG, Maja/;

/** Opens the smoke patient's encounter from the worklist, unless the app came back to it after a sign-in. */
async function openEncounter(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { name: HEADING });
  await expect(heading.or(page.getByRole('heading', { name: 'Worklist' }))).toBeVisible();
  if (!(await heading.isVisible())) {
    await page.getByRole('row', { name: /LINDQVIST-ÅBERG/ }).getByRole('button', { name: /^Open encounter/ }).click();
  }
  await expect(heading).toBeVisible();
}

/**
 * From the very first start to a signed note in the outbox: the first administrator creates a
 * nurse's and a physician's account and sets the outbox folder; the nurse registers the patient,
 * opens an encounter and checks SMOKE_ITEM; the physician records the decision, signs the note
 * with the password and sends it to the outbox.
 */
export async function firstStartToSignedNote(page: Page, outbox: string, consoleCode?: string): Promise<void> {
  await expect(page.getByRole('form', { name: 'Create the first administrator' })).toBeVisible({ timeout: 30_000 });
  await createFirstAdmin(page, consoleCode);
  const users = new UsersPage(page);
  await users.createAccount('nurse');
  await users.createAccount('physician');
  await users.setOutboxFolder(outbox);
  await signOut(page);

  await signIn(page, 'nurse');
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  const worklist = new WorklistPage(page);
  await worklist.registerPatient(SMOKE_PATIENT);
  await worklist.createEncounter({
    procedure: `Lumbar medial branch block (v${LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!.version})`,
    levels: ['L4'],
    laterality: 'Left',
    indication: 'Axial low back pain for 6 months, worse on extension; diagnostic block before radiofrequency ablation.',
  });
  await expect(page.getByRole('heading', { name: HEADING })).toBeVisible();
  await new EncounterPage(page).check(SMOKE_ITEM);
  await signOut(page);

  await signIn(page, 'physician');
  await openEncounter(page);
  // One part of the encounter at a time: the consent's part, then the note's.
  await new EncounterPage(page).openPart('Consent');
  const consent = page.getByRole('region', { name: 'Consent discussion' });
  await consent.getByRole('checkbox', { name: 'Benefits discussed' }).check();
  await consent.getByRole('checkbox', { name: 'Alternatives discussed' }).check();
  await consent.getByRole('radio', { name: 'Consents' }).check();
  await expect(consent.getByText(/^Consent discussion saved/)).toBeVisible();
  await new EncounterPage(page).openPart('Note');
  const note = page.getByRole('region', { name: 'Consent-discussion note' });
  const signForm = note.getByRole('form', { name: 'Sign the note' });
  await signForm.getByLabel('Your password (signs the note)').fill(E2E_PASSWORD);
  await signForm.getByRole('button', { name: 'Sign the note' }).click();
  await expect(note.getByText(/^Signed by Dr Pat Physician \(physician\) at /)).toBeVisible();
  await note.getByRole('button', { name: 'Send to the outbox' }).click();
  // A header row and the one export.
  await expect(note.getByRole('table', { name: 'Exports to the outbox' }).getByRole('row')).toHaveCount(2);
}

/** The note the core wrote to the outbox: the four formats, and a PDF naming the patient and the signer. */
export async function expectNoteInOutbox(outbox: string): Promise<void> {
  // Names start with the send-order stamp and sequence (issue 19), then the note and the MRN.
  const files = fs.readdirSync(outbox).filter((f) => f.includes(`_consent-note_${SMOKE_PATIENT.mrn}_`));
  expect(files.map((f) => path.extname(f)).sort()).toEqual(['.hl7', '.json', '.pdf', '.txt']);
  const pdf = fs.readFileSync(path.join(outbox, files.find((f) => f.endsWith('.pdf'))!));
  const text = (await pdfPages(pdf)).join(' ').replace(/\s+/g, ' ');
  for (const expected of ['LINDQVIST-ÅBERG, Maja', `MRN ${SMOKE_PATIENT.mrn}`, 'Lumbar medial branch block', 'Dr Pat Physician (physician)']) {
    expect(text).toContain(expected);
  }
}

/** The app was quit, not killed: closing removed the running marker (a crash leaves it for the next start to check the file). */
export function expectClosedCleanly(dataDir: string): void {
  expect(fs.existsSync(path.join(dataDir, 'proceduredesk.sqlite')), 'the data file is in the data folder').toBe(true);
  expect(fs.existsSync(path.join(dataDir, RUNNING_MARKER)), `${RUNNING_MARKER} is removed by a clean close`).toBe(false);
}

/** After the restart: nobody is signed in; the nurse signs in and finds the item checked and the note signed. */
export async function itemSurvivedRestart(page: Page): Promise<void> {
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('form', { name: 'Create the first administrator' })).toHaveCount(0);
  await signIn(page, 'nurse');
  await openEncounter(page);
  await expect(new EncounterPage(page).checkbox(SMOKE_ITEM)).toBeChecked();
  await new EncounterPage(page).openPart('Note');
  await expect(page.getByRole('region', { name: 'Consent-discussion note' }).getByText(/^Signed by Dr Pat Physician/)).toBeVisible();
}
