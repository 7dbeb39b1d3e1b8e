/**
 * What the opt-in screenshot specs (batch, twins, record-once) share: one lumbar TFESI today for Lena Abernathy-Kuti,
 * moved to pre-procedure through the contract, then opened by the nurse on the part a shot needs.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { currentFacts, type PatientFactsView } from '#shared/contract/patient-facts';
import { tfesiToday } from './consented-encounter';
import { expect, signIn, type AppHandle } from './fixtures';
import { EncounterPage } from './pages/encounter-page';

/** Creates the patient (under `mrn`) and the encounter, in pre-procedure; `confirmFacts` confirms the standing facts as a nurse would, so the compact header shows. */
export async function shotsEncounter(app: AppHandle, mrn: string, { confirmFacts = false } = {}): Promise<string> {
  const encounterId = await tfesiToday(app, { mrn, familyName: 'Abernathy-Kuti', givenName: 'Lena', birthDate: '1968-03-14', sex: 'female' });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  if (confirmFacts) {
    const { patientFacts } = await app.call<{ patientFacts: PatientFactsView }>('encounter.get', { encounterId });
    await app.call('patientFacts.confirm', { encounterId, factIds: currentFacts(patientFacts.facts).map((f) => f.id) });
  }
  return encounterId;
}

/** Signs the nurse in and opens the encounter from the worklist; the current phase's part shows first. */
export async function openAsNurse(page: Page, app: AppHandle): Promise<EncounterPage> {
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('row', { name: /ABERNATHY-KUTI/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await expect(page.getByRole('tablist', { name: 'Encounter parts' })).toBeVisible();
  return new EncounterPage(page);
}

/** A screenshot of the viewport into `folder`, named `name`. */
export function shotInto(folder: string): (page: Page, name: string) => Promise<Buffer> {
  return (page, name) => page.screenshot({ path: path.join(folder, name), animations: 'disabled', caret: 'hide' });
}
