/**
 * Screenshots of the patient handout's button on the consent part at 1366x768 and the handout it makes
 * (issue 20, point 4), not a test: skipped unless HANDOUT_SHOTS names the folder to write.
 */
import path from 'node:path';
import { expect, test } from '../fixtures';
import { openAsNurse, shotInto, shotsEncounter } from '../shots-encounter';

const OUT = process.env.HANDOUT_SHOTS;
test.skip(!OUT, 'only when HANDOUT_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('the consent part with the handout button, and the Spanish handout it offers', async ({ page, app }) => {
  test.setTimeout(120_000);
  const shot = shotInto(OUT!);
  await shotsEncounter(app, 'HO-1', { confirmFacts: true });
  const encounter = await openAsNurse(page, app);
  await encounter.openPart('Consent');
  const button = page.getByRole('button', { name: 'Patient handout' });
  await button.scrollIntoViewIfNeeded();
  await shot(page, 'consent-handout-button.png');
  await page.getByRole('combobox', { name: 'Handout language' }).selectOption('es');
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^patient-handout_HO-1_.*_es\.pdf$/);
  await file.saveAs(path.join(OUT!, 'handout-consent-es.pdf'));
  await expect(page.getByText(/^Handout ready: /)).toBeVisible();
  await shot(page, 'consent-handout-ready.png');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`consent part page height: ${height} px (3 viewports: ${3 * 768})`);
});
