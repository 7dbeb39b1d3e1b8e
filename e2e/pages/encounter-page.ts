/** Page model: the encounter screen (checklist, consent discussion, export). */
import { expect, type Locator, type Page } from '@playwright/test';

/** The encounter's parts as the rail's tabs name them (renderer/stores/encounter-part.ts). */
export const ENCOUNTER_PARTS = ['Patient & plan', 'Pre-procedure', 'Consent', 'Time-out', 'Procedure', 'Recovery', 'Note'] as const;
export type EncounterPartName = (typeof ENCOUNTER_PARTS)[number];

export class EncounterPage {
  constructor(readonly page: Page) {}

  /** Shows one part of the encounter (one shows at a time), chosen on the rail. */
  async openPart(name: EncounterPartName): Promise<void> {
    const tab = this.page.getByRole('tablist', { name: 'Encounter parts' }).getByRole('tab', { name: new RegExp(`^${name.replace(/[&]/g, '\\$&')}( \\d+/\\d+)?$`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  item(label: string): Locator {
    return this.page.locator('li.item').filter({ has: this.page.getByRole('checkbox', { name: label, exact: true }) });
  }

  checkbox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  /** Shows the part of the encounter that holds an item, as a nurse would pick its tab, when another part is showing. */
  async showItem(label: string): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: label, exact: true, includeHidden: true });
    if (await box.isVisible()) return;
    const panel = await box.evaluate((el) => el.closest('[role="tabpanel"]')?.getAttribute('aria-labelledby') ?? null);
    if (panel) await this.page.locator(`[id="${panel}"]`).click();
    await expect(box).toBeVisible();
  }

  /** Checks an item and waits until the app says it is saved. */
  async check(label: string): Promise<void> {
    await this.showItem(label);
    await this.checkbox(label).check();
    await expect(this.item(label).getByText(/^Saved /)).toBeVisible();
  }

  async markNotApplicable(label: string, reason: string): Promise<void> {
    await this.showItem(label);
    await this.item(label).getByRole('button', { name: `Not applicable: ${label}` }).click();
    await this.item(label).getByLabel('Reason not applicable').fill(reason);
    await this.item(label).getByRole('button', { name: 'Confirm not applicable' }).click();
    await expect(this.item(label).getByText(`Not applicable: ${reason}`)).toBeVisible();
  }

  sectionProgress(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${title}`) }).getByRole('heading', { level: 2 });
  }
}
