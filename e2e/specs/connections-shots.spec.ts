/**
 * Screenshots of Users & settings › Connections at 1366x768 (issue 19, points 5 and 6), not a test:
 * skipped unless CONNECTIONS_SHOTS names the folder to write. Prints the tab's page height.
 */
import path from 'node:path';
import { expect, signIn, test } from '../fixtures';
import { expectAccessible } from '../pages/axe';
import { UsersPage } from '../pages/users-page';

const OUT = process.env.CONNECTIONS_SHOTS;
test.skip(!OUT, 'only when CONNECTIONS_SHOTS is set');
test.use({ viewport: { width: 1366, height: 768 } });

test('the Connections tab: every channel off, then every field showing, then a refused port, then saved', async ({ page, app }) => {
  test.setTimeout(120_000);
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(OUT!, `${name}.png`), animations: 'disabled', caret: 'hide' });
    await page.screenshot({ path: path.join(OUT!, `${name}-full.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${name}: page height ${height}px = ${(height / 768).toFixed(2)} viewport heights`);
  };
  await page.goto(app.url);
  await signIn(page, 'admin');
  await new UsersPage(page).openTab('Connections');
  const delivery = page.getByRole('form', { name: 'Note delivery' });
  const schedule = page.getByRole('form', { name: "Day's schedule" });
  await expect(delivery).toBeVisible();
  await shot('connections-off');

  for (const name of ['Drop in a folder', 'Send over MLLP (HL7 v2)', 'Send over FHIR R4 REST']) await delivery.getByRole('checkbox', { name }).check();
  await delivery.getByRole('radio', { name: 'SMART Backend Services' }).check();
  await delivery.getByLabel('MLLP host').fill('engine.example');
  await delivery.getByLabel('MLLP port').fill('70000');
  for (const name of ['Pull appointments from a FHIR server', 'Read HL7 SIU/ADT files from an inbox folder', 'Listen for HL7 over MLLP']) await schedule.getByRole('checkbox', { name }).check();
  await schedule.getByRole('radio', { name: 'Bearer token from a file' }).check();
  await delivery.getByRole('button', { name: 'Save delivery settings' }).click();
  await expect(delivery.getByLabel('MLLP port')).toHaveAttribute('aria-invalid', 'true');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('connections-all-on-refused');
  await expectAccessible(page, 'Users & settings › Connections, every field showing');
  // Targets: every field, button and checkbox or radio's label at least 44 px high.
  const small = await page.locator('#tabpanel-connections').locator('input:not([type=checkbox]):not([type=radio]), select, button, label.choice')
    .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 80)));
  expect(small).toEqual([]);

  await delivery.getByLabel('MLLP port').fill('2575');
  for (const name of ['Drop in a folder', 'Send over FHIR R4 REST']) await delivery.getByRole('checkbox', { name }).uncheck();
  await delivery.getByRole('button', { name: 'Save delivery settings' }).click();
  await expect(delivery.getByRole('status')).toHaveText('Delivery saved: MLLP to engine.example:2575.');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT!, 'connections-saved.png'), animations: 'disabled', caret: 'hide' });
});
