/**
 * The screenshots in docs/screenshots.md and the README, not a test: skipped unless `npm run screenshots`
 * (scripts/screenshots.mjs) sets PROCEDUREDESK_SCREENSHOTS to the folder to
 * write. Demo patients on a fresh data folder; each screen in light and dark.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { expect, signIn, test } from '../fixtures';
import type { Theme } from '../pages/axe';

const OUT = process.env.PROCEDUREDESK_SCREENSHOTS;
const THEMES: readonly Theme[] = ['light', 'dark'];

test.skip(!OUT, 'only for npm run screenshots');
test.use({ viewport: { width: 1280, height: 800 } });

async function shoot(page: Page, name: string, theme: Theme, fullPage = false): Promise<void> {
  // No caret or focus ring caught mid-blink, and no half-finished transition.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT!, `${name}-${theme}.png`), animations: 'disabled', caret: 'hide', fullPage });
}

for (const theme of THEMES) {
  test.describe(theme, () => {
    test.use({ colorScheme: theme });

    test.describe('first start', () => {
      test.use({ accounts: false });
      test(`first start (${theme})`, async ({ page, app }) => {
        await page.goto(app.url);
        await expect(page.getByRole('region', { name: 'Before you start' })).toBeVisible();
        await shoot(page, 'first-start', theme, true);
      });
    });

    test(`main screens (${theme})`, async ({ page, app }) => {
      await app.call('demo.seed', { today: localIsoDate() });
      await page.goto(app.url);
      await signIn(page, 'nurse');
      await expect(page.getByRole('button', { name: /^Open encounter for / }).first()).toBeVisible();
      await shoot(page, 'worklist', theme);

      await page.getByRole('button', { name: /^Open encounter for / }).first().click();
      const boxes = page.locator('.checklist-section li.checklist-item input[type="checkbox"]');
      for (let i = 0; i < 3; i++) {
        await boxes.nth(i).check();
        await expect(page.locator('.checklist-section li.checklist-item').nth(i).getByText(/^Saved /)).toBeVisible();
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'encounter', theme);
      await page.locator('.checklist-section').first().scrollIntoViewIfNeeded();
      await shoot(page, 'checklist', theme);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await shoot(page, 'shortcuts', theme);
      await page.keyboard.press('Escape');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Procedure library' }).click();
      await expect(page.getByRole('heading', { name: 'Procedure library', level: 1 })).toBeVisible();
      await shoot(page, 'library', theme);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outcomes' }).click();
      await page.getByLabel('Patient (name or MRN)').fill('DEMO');
      // The demo patient with past procedures, follow-ups and a pain diary, so the charts have data.
      await page.getByRole('button', { name: /OKAFOR/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /OKAFOR/i })).toBeVisible();
      await expect(page.getByRole('figure', { name: 'Pain-score timeline' }).locator('.recharts-wrapper > svg')).toBeVisible();
      await shoot(page, 'outcomes', theme);
    });
  });
}
