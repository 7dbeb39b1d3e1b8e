/** Page model: the encounter screen (checklist, consent discussion, export). */
import { expect, type Locator, type Page } from '@playwright/test';

export class EncounterPage {
  constructor(readonly page: Page) {}

  item(label: string): Locator {
    return this.page.locator('li.item').filter({ has: this.page.getByRole('checkbox', { name: label, exact: true }) });
  }

  checkbox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  /** Checks an item and waits until the app says it is saved. */
  async check(label: string): Promise<void> {
    await this.checkbox(label).check();
    await expect(this.item(label).getByText(/^Saved /)).toBeVisible();
  }

  async markNotApplicable(label: string, reason: string): Promise<void> {
    await this.item(label).getByRole('button', { name: `Not applicable: ${label}` }).click();
    await this.item(label).getByLabel('Reason not applicable').fill(reason);
    await this.item(label).getByRole('button', { name: 'Confirm not applicable' }).click();
    await expect(this.item(label).getByText(`Not applicable: ${reason}`)).toBeVisible();
  }

  sectionProgress(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${title}`) }).getByRole('heading', { level: 2 });
  }
}
