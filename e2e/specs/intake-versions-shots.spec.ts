/**
 * Screenshots of the intake dialog with its earlier versions at 1366x768, not a test: skipped unless
 * INTAKE_SHOTS names the folder to write.
 */
import { expect, test } from '../fixtures';
import { openAsNurse, shotInto, shotsEncounter } from '../shots-encounter';

const OUT = process.env.INTAKE_SHOTS;
test.skip(!OUT, 'only when INTAKE_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

const intake = (painScore: number, goals: string) => ({
  symptoms: [{ description: 'Burning pain down the leg', location: 'Lower back and left calf', side: 'left', radiating: true, onset: '2026-06-01' }],
  painScore, functionMeasure: null, therapies: [], imaging: [], neuro: { findings: '', deficit: null }, goals, questions: '',
});

test("the intake dialog, its earlier versions listed and one opened", async ({ page, app }) => {
  const shot = shotInto(OUT!);
  const encounterId = await shotsEncounter(app, 'IV-1');
  const { patient } = await app.call<{ patient: { id: string } }>('encounter.get', { encounterId });
  const first = await app.call<{ id: string }>('intake.record', { patientId: patient.id, intake: intake(8, 'Sleep through the night.'), replacesId: null });
  await app.call('intake.record', { patientId: patient.id, intake: intake(5, 'Walk the dog for 30 minutes.'), replacesId: first.id });
  await openAsNurse(page, app);
  await page.getByRole('button', { name: 'Open the intake ▸' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Earlier versions of the intake (1)').click();
  await dialog.getByText(/^Version 1: recorded by/).click();
  await expect(dialog.getByText('Sleep through the night.')).toBeVisible();
  await dialog.getByText('Sleep through the night.').scrollIntoViewIfNeeded();
  await shot(page, 'intake-earlier-version.png');
});
