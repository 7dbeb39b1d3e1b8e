/**
 * Screenshots of the group confirmations and the hand-over at 1366x768 (issue 18, point 5), not a
 * test: skipped unless BATCH_SHOTS names the folder to write.
 */
import { expect, test } from '../fixtures';
import { openAsNurse, shotInto, shotsEncounter } from '../shots-encounter';

const OUT = process.env.BATCH_SHOTS;
test.skip(!OUT, 'only when BATCH_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('a section with its confirm button, the risks, and the sign-in after Sign out', async ({ page, app }) => {
  test.setTimeout(120_000);
  const shot = shotInto(OUT!);
  await shotsEncounter(app, 'GB-1', { confirmFacts: true });
  const encounter = await openAsNurse(page, app);
  await encounter.openPart('Pre-procedure');
  const identity = page.getByRole('button', { name: 'Confirm all 3 open in Identity' });
  await identity.scrollIntoViewIfNeeded();
  await shot(page, 'phase-section-confirm.png');
  const indications = page.getByRole('button', { name: /^Confirm all \d+ open in Indications/ });
  await indications.scrollIntoViewIfNeeded();
  await shot(page, 'checklist-section-confirm.png');
  // The risks are counselled in their own part (issue 18: one part at a time).
  await encounter.openPart('Consent');
  const risks = page.getByRole('button', { name: /^All \d+ risks discussed$/ });
  await risks.scrollIntoViewIfNeeded();
  await shot(page, 'risks-confirm.png');
  await risks.click();
  await expect(risks).toHaveCount(0);
  await expect(encounter.sectionProgress('Risks')).toContainText(/(\d+) of \1 done/);
  await page.getByRole('heading', { name: /^Risks/ }).first().scrollIntoViewIfNeeded();
  await shot(page, 'risks-confirmed.png');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'top-bar.png');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByLabel('Username')).toBeFocused();
  await shot(page, 'switch-user-sign-in.png');
});
