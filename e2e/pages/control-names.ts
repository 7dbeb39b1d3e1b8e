/**
 * Screen-reader names, checked by role the way assistive technology finds
 * controls: every visible control of these roles must have a non-empty
 * accessible name. Complements axe (button-name, label, link-name), and names
 * the offenders from Playwright's accessibility snapshot.
 */
import { expect, type Page } from '@playwright/test';

const CONTROL_ROLES = ['button', 'link', 'checkbox', 'radio', 'textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'switch', 'tab', 'menuitem'] as const;

export async function expectNamedControls(page: Page, screen: string): Promise<void> {
  const unnamed: string[] = [];
  for (const role of CONTROL_ROLES) {
    const all = await page.getByRole(role).count();
    const named = await page.getByRole(role, { name: /\S/ }).count();
    if (all !== named) unnamed.push(`${all - named} ${role}(s) without a name`);
  }
  if (unnamed.length) {
    // The snapshot shows an unnamed control as "- role" with no quoted name after it.
    const snapshot = await page.locator('body').ariaSnapshot();
    const lines = snapshot.split('\n').filter((l) => new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(\\s*\\[[^\\]]*\\])*:?\\s*$`).test(l));
    unnamed.push(...lines.map((l) => `  ${l.trim()}`));
  }
  expect.soft(unnamed, `${screen}: controls a screen reader cannot name`).toEqual([]);
}
