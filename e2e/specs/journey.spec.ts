/**
 * The first complete journey on the real stack: a nurse registers a patient and
 * opens an encounter, works the checklist, a physician records the consent
 * discussion, and the note is exported as PDF (text extracted) and as text.
 */
import fs from 'node:fs';
import { pdfPages } from '#db/testing/pdf-text';
import { LIBRARY } from '#shared/library/index';
import { EncounterPage } from '../pages/encounter-page';
import { WorklistPage } from '../pages/worklist-page';
import { expect, signIn, test } from '../fixtures';

const RISKS = ['Infection', 'Bleeding', 'Temporary discomfort', 'Intravascular injection', 'Dural puncture and post-dural-puncture headache', 'Nerve injury', 'Catastrophic neurologic events (FDA 2014 warning)'];
/** The bundled version of the template: what a fresh database holds and a new encounter uses. */
const VERSION = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!.version;

test('nurse opens an encounter, physician records consent, the note exports as PDF and text', async ({ page, app }) => {
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await expect(page.getByText('0 encounter(s) on')).toBeVisible();

  const worklist = new WorklistPage(page);
  // A bad registration is refused with a specific message and saves nothing.
  await page.getByRole('button', { name: 'Register new patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('MRN').fill('bad mrn!');
  await form.getByRole('button', { name: 'Save patient' }).click();
  await expect(form.getByText('may contain only letters, digits and hyphens')).toBeVisible();
  expect(await app.call<unknown[]>('patient.search', { query: 'bad' })).toEqual([]);

  await worklist.registerPatient({ mrn: 'E2E-5001', familyName: 'Núñez-García', givenName: 'Íñigo', birthDate: '1966-07-09', sex: 'Male' });
  await worklist.createEncounter({
    procedure: `Lumbar transforaminal epidural steroid injection (v${VERSION})`,
    levels: ['L4-L5'],
    laterality: 'Left',
    indication: 'Left L5 radicular pain for 7 weeks from an L4-L5 disc herniation; failed physiotherapy.',
  });

  const encounter = new EncounterPage(page);
  await expect(page.getByRole('heading', { name: /NÚÑEZ-GARCÍA, Íñigo/ })).toBeVisible();
  // One part of the encounter shows at a time, chosen on the rail.
  await encounter.openPart('Patient & plan');
  await expect(page.getByText(`template v${VERSION}`)).toBeVisible();
  // The encounter's pre-procedure checks (the indications with them) are in the Pre-procedure part.
  await encounter.openPart('Pre-procedure');
  const indications = page.getByRole('region', { name: /^Indications/ });
  const firstIndication = indications.getByRole('checkbox').first();
  await firstIndication.check();
  await expect(indications.getByText(/^Saved /).first()).toBeVisible();
  await expect(encounter.sectionProgress('Indications')).toContainText('1 of');
  const preProcedure = page.getByRole('region', { name: /^Monitoring: pre-procedure/ });
  const preItems = preProcedure.getByRole('checkbox');
  for (let i = 0; i < 3; i++) {
    await preItems.nth(i).check();
    await expect(preProcedure.locator('li.item').nth(i).getByText(/^Saved /)).toBeVisible();
  }
  const fourthLabel = (await preProcedure.locator('li.item label').nth(3).textContent()) ?? '';
  await encounter.markNotApplicable(fourthLabel, 'Not sedated today');

  // The physician takes over for the consent discussion: the nurse locks the screen (nothing of
  // the patient stays on it), the physician signs the nurse out from the lock screen and signs in.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'ProcedureDesk is locked' })).toBeVisible();
  await expect(page.getByText('NÚÑEZ-GARCÍA')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out (another user)' }).click();
  await signIn(page, 'physician');
  // The hand-over keeps the encounter on screen.
  await expect(page.getByRole('heading', { name: /NÚÑEZ-GARCÍA, Íñigo/ })).toBeVisible();
  await encounter.openPart('Consent');
  // [M] facts are visibly marked for clinical review.
  await expect(page.locator('[role="tabpanel"]:not([hidden]) li.item').getByText('needs clinical review').first()).toBeVisible();
  for (const risk of RISKS) await encounter.check(risk);
  const fda = page.getByRole('region', { name: /^Risks to counsel on/ }).locator('li.item').filter({ hasText: /FDA/ });
  for (const box of await fda.getByRole('checkbox').all()) {
    if (!(await box.isChecked())) await box.check();
  }
  const consent = page.getByRole('region', { name: 'Consent discussion' });
  await consent.getByRole('checkbox', { name: 'Benefits discussed' }).check();
  await consent.getByRole('checkbox', { name: 'Alternatives discussed' }).check();
  await consent.getByLabel('Notes on alternatives').fill('Physical therapy and medication reviewed; no treatment also discussed.');
  await consent.getByRole('button', { name: 'Add question' }).click();
  await consent.getByLabel('Question 1', { exact: true }).fill('¿Cuánto dura el alivio?');
  await consent.getByLabel('Answer 1', { exact: true }).fill('Varía; a menudo semanas o meses.');
  await consent.getByRole('checkbox', { name: 'Interpreter used' }).check();
  await consent.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
  await consent.getByLabel('Interpreter id', { exact: true }).fill('INT-3321');
  await consent.getByRole('radio', { name: 'Consents' }).check();
  await expect(consent.getByText(/^Consent discussion saved/)).toBeVisible();

  await encounter.openPart('Note');
  await page.getByRole('button', { name: 'Export consent-discussion note' }).click();
  await expect(page.getByRole('link', { name: 'Save PDF' })).toBeVisible();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Save PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^consent-note_E2E-5001_\d{4}-\d{2}-\d{2}\.pdf$/);
  const pages = await pdfPages(fs.readFileSync((await pdf.path())));
  pages.forEach((text, i) => {
    expect(text).toContain('NÚÑEZ-GARCÍA, Íñigo');
    expect(text).toContain('MRN E2E-5001');
    expect(text).toContain('DOB 1966-07-09');
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
  });
  const all = pages.join(' ').replace(/\s+/g, ' ');
  for (const expected of ['Lumbar transforaminal epidural steroid injection', 'L4-L5', 'Left', 'Fluoroscopy', 'Left L5 radicular pain for 7 weeks',
    'Intravascular injection', '¿Cuánto dura el alivio?', 'INT-3321', 'The patient consents to the procedure.', 'Dr Pat Physician (physician)', `version ${VERSION}`]) {
    expect(all).toContain(expected);
  }

  const textDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Save text' }).click();
  const text = fs.readFileSync((await (await textDownload).path()), 'utf8');
  expect(text).toContain('Name: NÚÑEZ-GARCÍA, Íñigo');
  expect(text).toContain('- Q: ¿Cuánto dura el alivio? A: Varía; a menudo semanas o meses.');
  expect(text).toContain('Interpreter: Used. Language: Spanish. Interpreter id: INT-3321. Mode: not recorded.');

  // Back on the worklist: progress and decision show, and search finds the patient without accents.
  await page.getByRole('button', { name: '← Worklist' }).click();
  const row = page.getByRole('row', { name: /NÚÑEZ-GARCÍA/ });
  await expect(row.getByText('Consents')).toBeVisible();
  await page.getByLabel('Find patient (name or MRN)').fill('nunez');
  await expect(page.getByText('1 encounter(s) for "nunez"')).toBeVisible();
});

test('first run: an empty worklist offers demo patients, added once', async ({ page, app }) => {
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: 'Add demo patients' }).click();
  await expect(page.getByRole('row', { name: /NÚÑEZ, José/ })).toBeVisible();
  await expect(page.getByText('3 encounter(s) on')).toBeVisible();
  expect(await app.call('demo.seed', { today: '2026-01-01' })).toEqual({ added: false });
});
