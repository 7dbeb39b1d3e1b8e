/**
 * Patient-level facts and the early anticoagulant hard stop in real Chromium at 1366×768
 * (issue 18): apixaban with its last dose the evening before, recorded once for the patient
 * on one encounter, flags both of the day's worklist rows and shows in the patient header and
 * the pre-procedure "still open" list of the second encounter. PATIENT_FACTS_SCREENSHOTS=<folder>
 * keeps the screenshots.
 */
import path from 'node:path';
import { expect } from '@playwright/test';
import { expectAccessible } from '../pages/axe';
import { signIn, test } from '../fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const PATIENT = { mrn: 'FACTS-1838', familyName: 'Okonkwo-Lind', givenName: 'Adaeze', birthDate: '1949-09-12', sex: 'female' } as const;

test('apixaban recorded once blocks the patient’s second encounter early, on the worklist and in the header', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const shot = (name: string) => path.join(process.env.PATIENT_FACTS_SCREENSHOTS ?? testInfo.outputPath(), name);
  const patient = await app.call<{ id: string }>('patient.create', PATIENT);
  const plannedDate = new Date().toISOString().slice(0, 10);
  const create = () => app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate, indication: 'Left L5 radicular pain.',
  });
  const first = await create();
  const second = await create();
  await app.call('patientFacts.record', { encounterId: first.id, fact: { kind: 'antithrombotic', data: { drugId: 'apixaban', lastDoseAt: new Date(Date.now() - 18 * 3_600_000).toISOString() } } });
  await app.call('patientFacts.record', { encounterId: first.id, fact: { kind: 'allergy', data: { category: 'contrast', agent: 'Iohexol', reaction: 'Urticaria', severity: 'moderate' } } });
  await app.call('encounter.advance', { encounterId: second.id, to: 'pre-procedure' });

  await page.goto(app.url);
  await signIn(page, 'nurse');
  const rows = page.getByRole('row', { name: /OKONKWO-LIND/ });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.getByText('Anticoagulant hard stop')).toBeVisible();
  await expectAccessible(page, 'worklist with an anticoagulant hard stop');
  await page.screenshot({ path: shot('worklist-hard-stop.png'), animations: 'disabled', caret: 'hide' });

  // The second encounter (in pre-procedure): the header and the still-open list.
  await rows.filter({ hasText: 'Pre-procedure' }).getByRole('button', { name: /^Open encounter/ }).click();
  const header = page.getByRole('region', { name: 'Patient facts' });
  await expect(header.getByRole('alert')).toContainText('Apixaban: Too recent: hard stop');
  await expect(header).toContainText('Iohexol (contrast): Urticaria, moderate');
  await expect(page.getByRole('list', { name: 'Still open' }).getByRole('listitem').first()).toContainText('Apixaban: Too recent: hard stop');
  await expectAccessible(page, 'encounter header with an anticoagulant hard stop');
  await header.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('encounter-header-hard-stop.png'), animations: 'disabled', caret: 'hide' });
  await page.getByRole('list', { name: 'Still open' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('encounter-still-open.png'), animations: 'disabled', caret: 'hide' });
});
