/**
 * Screen-reader names, checked by role the way assistive technology finds
 * controls: every control of these roles in the page's accessibility tree must
 * have a non-empty accessible name. Complements axe (button-name, label,
 * link-name). One accessibility snapshot per screen (Playwright's ARIA snapshot:
 * `- role "name"`), rather than a getByRole query per role, keeps a checklist of
 * a hundred items quick to check.
 */
import { expect, type Page } from '@playwright/test';

const CONTROL_ROLES = ['button', 'link', 'checkbox', 'radio', 'textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'switch', 'tab', 'menuitem', 'listbox'];
const CONTROL = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})\\b(.*)$`);
/** After the role comes its name, quoted (or a /regex/ for names that change); attributes or a value follow. */
const NAMED = /^ +("|\/)/;

export async function expectNamedControls(page: Page, screen: string): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const controls = snapshot.split('\n').map((line) => CONTROL.exec(line)).filter((m) => m !== null);
  const unnamed = controls.filter((m) => !NAMED.test(m[2]!)).map((m) => m[0].trim());
  expect(controls.length, `${screen}: the accessibility snapshot lists controls`).toBeGreaterThan(0);
  expect.soft(unnamed, `${screen}: controls a screen reader cannot name`).toEqual([]);
}
