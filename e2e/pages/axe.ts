/**
 * The automated accessibility check: axe-core on the page as it stands, failing
 * on any serious or critical violation (minor and moderate ones are reported in
 * the message but do not fail). WCAG 2.0/2.1/2.2 A and AA plus best practice.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** The theme the app is painting (the user's choice, else the system's), so a failure names the right one. */
export async function paintedTheme(page: Page): Promise<string> {
  return page.evaluate(() => {
    const choice = document.documentElement.dataset.theme;
    if (choice === 'light' || choice === 'dark') return choice;
    return `${matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'}, following the system`;
  });
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Let transitions and late renders settle: axe reads computed colours.
  await page.waitForLoadState('domcontentloaded');
  // Scrolled, the sticky encounter rail lies over whatever row is under it, and axe counts that row's
  // controls as obscured targets; a person scrolls a row into view to use it. Checked from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (list: typeof results.violations) =>
    list.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`).join('\n')}`);
  // Soft: one run reports every screen that fails, not just the first.
  expect.soft(describe(blocking), `${screen} (${await paintedTheme(page)}): serious or critical axe violations`).toEqual([]);
}
