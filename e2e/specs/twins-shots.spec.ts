/**
 * Screenshots at 1366x768 of record-once (issue 18, point 4): the pre-procedure list with a
 * template's wording on its base row, the one-click patient facts, and the time-out read-back.
 * Not a test: skipped unless TWINS_SHOTS names the folder to write.
 */
import type { InvokeError } from '../app-process';
import { consentGivenAndSigned } from '../consented-encounter';
import { expect, signIn, test } from '../fixtures';
import { openAsNurse, shotInto, shotsEncounter } from '../shots-encounter';

const OUT = process.env.TWINS_SHOTS;
test.skip(!OUT, 'only when TWINS_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('pre-procedure twins, one-click facts, then the time-out read-back', async ({ page, app }) => {
  test.setTimeout(180_000);
  const shot = shotInto(OUT!);
  // The facts unconfirmed: their one-click answers are what this spec shows.
  const encounterId = await shotsEncounter(app, 'TW-1');
  const encounter = await openAsNurse(page, app);
  await encounter.openPart('Patient & plan');

  const quick = page.getByRole('group', { name: 'Common answers, one click each' });
  await quick.getByRole('button', { name: 'Not diabetic' }).click();
  await expect(quick.getByRole('button', { name: 'Not diabetic' })).toHaveCount(0);
  await quick.getByRole('button', { name: 'Cannot be pregnant' }).click();
  await expect(quick.getByRole('button', { name: 'Cannot be pregnant' })).toHaveCount(0);
  await quick.scrollIntoViewIfNeeded();
  await shot(page, 'patient-facts-one-click.png');
  await page.getByRole('button', { name: 'Confirm patient facts' }).click();
  await expect(page.getByRole('region', { name: 'Patient facts' }).getByText('Show patient facts')).toBeVisible();

  await encounter.openPart('Pre-procedure');
  const row = encounter.item('Patient identity confirmed with two identifiers');
  await row.getByText(/^Details/).click();
  await expect(row.getByText(/^Template wording/)).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'pre-procedure-template-wording.png');

  // On to the time-out: what the set-up records through the core, then the screen.
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } });
  await app.call('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: {
    steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol 240', dose: '2 mL' },
  } } });
  await consentGivenAndSigned(app, encounterId);
  for (const itemId of ['wf-identity-two-identifiers', 'wf-procedure-site-confirmed', 'wf-laterality-confirmed', 'wf-infection-screen', 'wf-iv-access']) {
    await app.call('checklist.setItem', { encounterId, itemId, status: 'checked' });
  }
  const refused = await app.call('encounter.advance', { encounterId, to: 'time-out' }).then(() => null, (e: unknown) => e as InvokeError);
  const details = ((refused?.body as { details?: { path: string }[] } | undefined)?.details ?? []);
  for (const d of details) {
    const itemId = d.path.replace(/^blockers\./, '');
    if (!/^(record-|consent|anticoagulant)/.test(itemId)) await app.call('checklist.setItem', { encounterId, itemId, status: 'checked' });
  }
  await app.call('encounter.advance', { encounterId, to: 'time-out' });
  await page.reload();
  await signIn(page, 'nurse').catch(() => undefined);
  await encounter.openPart('Time-out');
  const readBack = page.getByRole('region', { name: 'Time-out read-back: answers given earlier' });
  await readBack.scrollIntoViewIfNeeded();
  await shot(page, 'time-out-read-back.png');
});
