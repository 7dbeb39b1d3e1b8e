/**
 * The lumbar transforaminal ESI of issue 18, worked through the screen as a nurse and a
 * physician would, by labels and roles only, every action counted by the Meter.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, E2E_PASSWORD, type Who } from '../accounts';
import { L } from './labels';
import type { Meter, Role } from './meter';

export const PATIENT = { mrn: 'TFESI-1848', familyName: 'Halvorsen-Ade', givenName: 'Marit', birthDate: '1961-03-14', sex: 'Female' } as const;

export class Journey {
  constructor(readonly page: Page, readonly m: Meter) {}

  get phaseRegion(): Locator {
    return this.page.getByRole('region', { name: L.phase.region });
  }

  moveOn(to: string): Locator {
    return this.phaseRegion.getByRole('button', { name: L.phase.moveTo(to), exact: true });
  }

  async signIn(who: Who): Promise<void> {
    const form = this.page.getByRole('form', { name: L.signIn.form });
    await this.m.fill(form.getByLabel(L.signIn.username), ACCOUNTS[who].username);
    await this.m.fill(form.getByLabel(L.signIn.password), E2E_PASSWORD);
    await this.m.click(form.getByRole('button', { name: L.signIn.submit }));
    await expect(this.page.getByLabel('Current user')).toHaveText(`${ACCOUNTS[who].displayName} · ${ACCOUNTS[who].role}`);
  }

  /** Back from the idle lock: the same user's password. */
  async unlock(): Promise<void> {
    const form = this.page.getByRole('form', { name: L.signIn.unlockForm });
    await this.m.fill(form.getByLabel(L.signIn.password), E2E_PASSWORD);
    await this.m.click(form.getByRole('button', { name: L.signIn.unlock }));
    await expect(this.phaseRegion).toBeVisible();
  }

  /** The hand-over at the shared workstation: lock, sign the other user out, sign in. */
  async handOver(to: Role): Promise<void> {
    await this.m.click(this.page.getByRole('button', { name: L.signIn.lock }));
    await this.m.click(this.page.getByRole('button', { name: L.signIn.signOutOther }));
    await this.signIn(to);
    await expect(this.phaseRegion).toBeVisible();
  }

  /**
   * Ticks the open checkboxes the "Still open" list names, one by one, until none it names is left;
   * "if sedated" items are marked not applicable with their reason (no sedation is planned).
   */
  async tickStillOpen(): Promise<void> {
    for (;;) {
      const names = await this.phaseRegion.getByRole('list', { name: L.phase.stillOpen }).getByRole('listitem').allInnerTexts().catch(() => [] as string[]);
      let ticked = false;
      for (const name of names) {
        const box = this.page.getByRole('checkbox', { name: name.trim(), exact: true });
        if ((await box.count()) !== 1 || (await box.isChecked()) || (await box.isDisabled())) continue;
        const item = this.page.locator('li.item').filter({ has: box });
        if (L.notApplicable.when.test(name.trim())) {
          // No sedation planned: an "if sedated" item is not applicable, with its reason.
          await this.m.click(item.getByRole('button', { name: L.notApplicable.open(name.trim()) }));
          await this.m.fill(item.getByLabel(L.notApplicable.reason), L.notApplicable.noSedation);
          await this.m.click(item.getByRole('button', { name: L.notApplicable.confirm }));
          await expect(item.getByText(`Not applicable: ${L.notApplicable.noSedation}`)).toBeVisible();
          ticked = true;
          break;
        }
        await this.m.check(box);
        await expect(this.page.locator('li.item').filter({ has: box }).getByText(/^Saved /)).toBeVisible();
        ticked = true;
        break;
      }
      if (!ticked) return;
    }
  }

  /** Ticks every open checkbox of a checklist region, waiting for each to be saved. */
  async tickAll(region: Locator): Promise<void> {
    // A section's rows render when it comes into view: scroll to it and wait for its rows.
    await region.scrollIntoViewIfNeeded();
    await expect(region.locator('li.item').first()).toBeVisible();
    const open = region.locator('li.item').filter({ has: this.page.locator('input[type="checkbox"]:not(:checked):not(:disabled)') });
    for (let n = await open.count(); n > 0; n = await open.count()) {
      // Pin the item by its id: "the first open item" moves on as soon as this one is ticked.
      const id = await open.first().getAttribute('data-item-id');
      const item = region.locator(`li.item[data-item-id="${id}"]`);
      await this.m.check(item.getByRole('checkbox'));
      await expect(item.getByText(/^Saved /)).toBeVisible();
    }
  }

  async vitals(phase: string, v: { systolic: string; diastolic: string; heartRate: string; spo2: string; respiratory: string; pain: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: L.vitals.form(phase) });
    await this.m.fill(form.getByLabel(L.vitals.systolic), v.systolic);
    await this.m.fill(form.getByLabel(L.vitals.diastolic), v.diastolic);
    await this.m.fill(form.getByLabel(L.vitals.heartRate), v.heartRate);
    await this.m.fill(form.getByLabel(L.vitals.spo2), v.spo2);
    await this.m.fill(form.getByLabel(L.vitals.respiratory), v.respiratory);
    await this.m.check(form.getByRole('radio', { name: v.pain, exact: true }));
    await this.m.click(form.getByRole('button', { name: L.vitals.save }));
    await expect(this.page.getByRole('region', { name: L.history }).getByText(new RegExp(`pain ${v.pain}/10 \\(${phase}`, 'i')).first()).toBeVisible();
  }
}
