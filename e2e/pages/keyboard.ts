/** Keyboard-only navigation: reach a control by pressing Tab, as a keyboard user would. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function tabTo(page: Page, target: Locator, maxPresses = 400): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

export async function expectFocused(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
}
