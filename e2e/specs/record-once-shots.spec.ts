/**
 * Screenshots of the pre-procedure and time-out phases at 1366x768 (issue 18, point 4), not a
 * test: skipped unless RECORD_ONCE_SHOTS names the folder to write.
 */
import path from 'node:path';
import { expect, signIn, test } from '../fixtures';

const OUT = process.env.RECORD_ONCE_SHOTS;
test.skip(!OUT, 'only when RECORD_ONCE_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('pre-procedure with vitals saved, then the time-out', async ({ page, app }) => {
  test.setTimeout(120_000);
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'RO-1', familyName: 'Abernathy-Kuti', givenName: 'Lena', birthDate: '1968-03-14', sex: 'female' });
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Left L5 radicular pain for 8 weeks.',
  });
  await app.call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('row', { name: /ABERNATHY-KUTI/ }).getByRole('button', { name: /^Open encounter/ }).click();
  const row = page.getByRole('checkbox', { name: 'Baseline vital signs recorded' }).locator('xpath=ancestor::li[1]');
  await expect(row.getByRole('note')).toContainText('Recorded with the vitals at');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'pre-procedure-vitals-recorded.png'), animations: 'disabled', caret: 'hide' });
  await page.getByRole('heading', { name: /^Now: Pre-procedure/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT!, 'pre-procedure-top.png'), animations: 'disabled', caret: 'hide' });
});
