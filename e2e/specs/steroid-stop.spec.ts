/**
 * The particulate-steroid check in real Chromium at 1366×768, for a cervical
 * transforaminal ESI: the nurse plans the injectate before the time-out, typing a
 * brand (Kenalog-40); the hard stop shows at once, stays in the time-out's "still
 * open" list and keeps "Move to Procedure" disabled, and the time-out item reads the
 * plan back. Corrected to dexamethasone, the time-out ends. An unrecognised steroid
 * waits for a physician's signed confirmation. With STEROID_SCREENSHOTS set, each
 * screen is saved there (the review's screenshots).
 */
import { consentGivenAndSigned } from '../consented-encounter';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { buildChecklist } from '#shared/domain/checklist';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { templateItemPhase } from '#shared/workflow/requirements';
import { E2E_PASSWORD, signIn, test, type AppHandle } from '../fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const SHOTS = process.env.STEROID_SCREENSHOTS;
async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  if (!SHOTS) return;
  if (target) await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

const phase = (page: Page) => page.getByRole('region', { name: /^Now:/ });
const planSection = (page: Page) => page.getByRole('region', { name: 'Planned injectate' });
const today = () => new Date().toISOString().slice(0, 10);

/** A cervical TFESI in the pre-procedure phase with every check but the planned injectate done through the contract, opened on screen. */
async function preProcedure(page: Page, app: AppHandle, mrn: string, who: 'nurse' | 'physician' = 'nurse'): Promise<string> {
  const patient = await app.call<{ id: string }>('patient.create', { mrn, familyName: 'Okonkwo-Laine', givenName: 'Adaeze', birthDate: '1962-05-17', sex: 'female' });
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'cervical-transforaminal-esi', levels: ['C6-C7'], laterality: 'right', plannedDate: today(), indication: 'Right C7 radicular pain for 9 weeks; C6-C7 foraminal stenosis.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await consentGivenAndSigned(app, encounterId);
  const template = (await app.call<{ template: Template }>('library.get', { templateId: 'cervical-transforaminal-esi', version: LIBRARY.find((t) => t.id === 'cervical-transforaminal-esi')!.version })).template;
  const plan = { sedationPlanned: false, laterality: 'right' as const, imagingModality: 'fluoroscopy' as const };
  const ids = new Set([
    ...encounterItems(template, plan).phaseItems.filter((i) => i.phase === 'pre-procedure').map((i) => i.id),
    // The template's own time-out items too: this spec is about the steroid stop, not those ticks.
    ...buildChecklist(template).flatMap((s) => s.items.filter((i) => ['pre-procedure', 'time-out'].includes(templateItemPhase(s.id, i.id))).map((i) => i.id)),
  ]);
  for (const itemId of ids) await app.call('checklist.setItem', { encounterId, itemId, status: 'checked' });
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 132, diastolic: 84, heartRate: 76, spo2: 97, respiratoryRate: 14, painScore: 7 } } });
  await page.goto(app.url);
  await signIn(page, who);
  await page.getByRole('row', { name: /OKONKWO-LAINE/ }).getByRole('button', { name: /^Open encounter/ }).click();
  await expect(phase(page).getByRole('heading', { name: /^Now: Pre-procedure/ })).toBeVisible();
  return encounterId;
}

test('Kenalog-40 planned for a cervical TFESI: warned at once, a hard stop at the time-out; corrected to dexamethasone, the time-out ends', async ({ page, app }) => {
  test.setTimeout(180_000);
  await preProcedure(page, app, 'TFESI-7001');
  const moveOn = (to: string) => phase(page).getByRole('button', { name: `Move to ${to}` });
  await expect(phase(page).getByRole('list', { name: 'Still open' })).toContainText('Planned injectate recorded');
  await expect(moveOn('Time-out')).toBeDisabled();

  // The nurse types the brand as it is on the vial: the hard stop shows before anything is saved.
  const form = planSection(page).getByRole('form', { name: 'Planned injectate' });
  await form.getByLabel('Steroid, as on the vial (brand or generic)').fill('Kenalog-40');
  const live = form.getByRole('alert');
  await expect(live).toContainText('Hard stop at the time-out: particulate steroid for a cervical transforaminal injection.');
  await expect(live).toContainText('Kenalog-40 (triamcinolone acetonide) is a particulate steroid');
  await form.getByLabel('Steroid dose, with its unit (e.g. 10 mg)').fill('40');
  await form.getByLabel('Local anaesthetic', { exact: true }).fill('Lidocaine 1% preservative-free');
  await form.getByLabel('Local anaesthetic dose, with its unit').fill('1 mL');
  await form.getByLabel('Contrast agent').fill('Iohexol 240 (Omnipaque)');
  await form.getByLabel('Contrast volume, with its unit (optional)').fill('1.5 mL');
  await form.getByRole('button', { name: 'Save planned injectate' }).click();
  // A dose without its unit is refused beside the field.
  const dose = form.getByLabel('Steroid dose, with its unit (e.g. 10 mg)');
  await expect(dose).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Steroid dose: add the unit: mg, mcg or mL (e.g. 10 mg).')).toBeVisible();
  await shot(page, '1-pre-procedure-dose-without-unit', dose);
  await dose.fill('40 mg');
  await form.getByRole('button', { name: 'Save planned injectate' }).click();

  // Saved: read back, with the hard stop and its sources; the pre-procedure phase can still end.
  await expect(planSection(page).getByRole('list', { name: 'Planned injectate as recorded' })).toContainText('Steroid: Kenalog-40, 40 mg');
  await expect(planSection(page).getByRole('alert')).toContainText('This stops the move from the time-out to the procedure');
  await expect(page.getByRole('region', { name: 'Record history' })).toContainText('Planned injectate');
  await shot(page, '2-pre-procedure-kenalog-planned', planSection(page));
  await expect(moveOn('Time-out')).toBeEnabled();
  await moveOn('Time-out').click();

  // Time-out: the team's items, the read-back under "steroid type confirmed", the signed sign-off.
  await expect(phase(page).getByRole('heading', { name: /^Now: Time-out/ })).toBeVisible();
  const item = phase(page).locator('li.item[data-item-id="wf-steroid-type-confirmed"]');
  await expect(item).toContainText('Read back:');
  await expect(item).toContainText('Steroid: Kenalog-40, 40 mg');
  await expect(item.getByRole('alert')).toContainText('Hard stop at the time-out');
  // Items one action ticks (here the read-back's confirmation) fold until it is done; ticked by hand here, so opened first.
  for (const fold of await phase(page).locator('li.record-filled > details:not([open]) > summary').all()) await fold.click();
  const boxes = phase(page).locator('li.item input[type="checkbox"]:not(:checked):not(:disabled)');
  for (let n = await boxes.count(); n > 0; n = await boxes.count()) {
    const id = await boxes.first().locator('xpath=ancestor::li[contains(@class, "item")]').getAttribute('data-item-id');
    const row = phase(page).locator(`li.item[data-item-id="${id}"]`);
    await row.locator('input[type="checkbox"]').check();
    await expect(row.getByText(/^Saved /)).toBeVisible();
  }
  const timeOut = page.getByRole('form', { name: 'Time-out sign-off' });
  await timeOut.getByRole('button', { name: 'Add person' }).click();
  await timeOut.getByLabel('Name of person 2').fill('Dr Pat Physician');
  await timeOut.getByLabel('Role of person 2').fill('physician');
  await timeOut.getByLabel(/Your password/).fill(E2E_PASSWORD);
  await timeOut.getByRole('button', { name: 'Sign the time-out' }).click();
  await expect(page.getByRole('region', { name: 'Record history' }).getByText(/Dr Pat Physician/).first()).toBeVisible();

  const stillOpen = phase(page).locator('.advance .hard-stop');
  await expect(stillOpen).toContainText('Hard stop: 1 item(s)');
  await expect(stillOpen.getByRole('list', { name: 'Still open' })).toContainText('Kenalog-40 (triamcinolone acetonide) is a particulate steroid, and a cervical transforaminal injection takes nonparticulate steroid only');
  await expect(moveOn('Procedure')).toBeDisabled();
  await shot(page, '3-time-out-hard-stop', stillOpen);
  await shot(page, '4-time-out-read-back', item);

  // The team corrects the plan: dexamethasone. The stop clears and the time-out ends.
  await planSection(page).getByText('Correct the planned injectate…').click();
  const correct = planSection(page).getByRole('form', { name: 'Planned injectate' });
  await correct.getByLabel('Steroid, as on the vial (brand or generic)').fill('Dexamethasone sodium phosphate (preservative-free)');
  await correct.getByLabel('Steroid dose, with its unit (e.g. 10 mg)').fill('10 mg');
  await expect(correct.getByRole('status')).toContainText('nonparticulate');
  await correct.getByRole('button', { name: 'Save the corrected plan' }).click();
  await expect(item).toContainText('Steroid: Dexamethasone sodium phosphate (preservative-free), 10 mg');
  await expect(phase(page).locator('.advance .hard-stop')).toHaveCount(0);
  await shot(page, '5-time-out-corrected', item);
  await expect(moveOn('Procedure')).toBeEnabled();
  await moveOn('Procedure').click();
  await expect(phase(page).getByRole('heading', { name: /^Now: Procedure/ })).toBeVisible();
});

test('an unrecognised steroid for a cervical TFESI: the physician confirms it is nonparticulate, signed', async ({ page, app }) => {
  test.setTimeout(120_000);
  await preProcedure(page, app, 'TFESI-7002', 'physician');
  const form = planSection(page).getByRole('form', { name: 'Planned injectate' });
  await form.getByLabel('Steroid, as on the vial (brand or generic)').fill('Dexa-Sol PF');
  await expect(form.getByRole('alert')).toContainText('Not recognised: a physician must confirm it is nonparticulate');
  await form.getByLabel('Steroid dose, with its unit (e.g. 10 mg)').fill('10 mg');
  await form.getByRole('button', { name: 'Save planned injectate' }).click();
  const confirm = planSection(page).getByRole('form', { name: 'Confirm the steroid is nonparticulate' });
  await expect(confirm).toContainText('Dexa-Sol PF');
  await shot(page, '6-confirm-unrecognised', planSection(page));
  await confirm.getByLabel('Your password (signs the confirmation)').fill(E2E_PASSWORD);
  await confirm.getByRole('button', { name: 'Confirm nonparticulate (signed)' }).click();
  await expect(planSection(page).getByRole('list', { name: 'Planned injectate as recorded' })).toContainText('Steroid confirmed nonparticulate by a physician');
  await expect(planSection(page).getByRole('status').first()).toContainText('A physician confirmed that Dexa-Sol PF is nonparticulate');
  await shot(page, '7-confirmed', planSection(page));
});
