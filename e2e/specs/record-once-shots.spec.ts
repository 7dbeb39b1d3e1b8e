/**
 * Screenshots of the pre-procedure phase with its vitals recorded once, at 1366x768 (issue 18, point 4), not a
 * test: skipped unless RECORD_ONCE_SHOTS names the folder to write.
 */
import { expect, test } from '../fixtures';
import { openAsNurse, shotInto, shotsEncounter } from '../shots-encounter';

const OUT = process.env.RECORD_ONCE_SHOTS;
test.skip(!OUT, 'only when RECORD_ONCE_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('pre-procedure with vitals saved: the recorded row and the phase at its top', async ({ page, app }) => {
  test.setTimeout(120_000);
  const shot = shotInto(OUT!);
  const encounterId = await shotsEncounter(app, 'RO-1', { confirmFacts: true });
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } });
  const encounter = await openAsNurse(page, app);
  await encounter.openPart('Pre-procedure');
  const row = encounter.item('Baseline vital signs recorded');
  await expect(row.getByRole('note')).toContainText('Recorded with the vitals at');
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'pre-procedure-vitals-recorded.png');
  await page.getByRole('heading', { name: /^Now: Pre-procedure/ }).scrollIntoViewIfNeeded();
  await shot(page, 'pre-procedure-top.png');
});
