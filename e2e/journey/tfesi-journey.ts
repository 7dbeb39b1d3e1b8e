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

  /** Signs in from the keyboard: Username has focus, Tab to Password, Enter signs in. */
  async signIn(who: Who): Promise<void> {
    const form = this.page.getByRole('form', { name: L.signIn.form });
    await this.m.type(form.getByLabel(L.signIn.username), ACCOUNTS[who].username);
    await this.m.tabTo(form.getByLabel(L.signIn.password));
    await this.m.type(form.getByLabel(L.signIn.password), E2E_PASSWORD);
    await this.m.key('Enter', 'the sign-in form');
    await expect(this.page.getByLabel('Current user')).toHaveText(`${ACCOUNTS[who].displayName} · ${ACCOUNTS[who].role}`);
  }

  /** Back from the idle lock: the same user's password, in the field that has focus, and Enter. */
  async unlock(): Promise<void> {
    const form = this.page.getByRole('form', { name: L.signIn.unlockForm });
    await this.m.type(form.getByLabel(L.signIn.password), E2E_PASSWORD);
    await this.m.key('Enter', 'the unlock form');
    await expect(this.phaseRegion).toBeVisible();
  }

  /** The hand-over at the shared workstation: one click on "Sign out", then the next user signs in. */
  async handOver(to: Role): Promise<void> {
    await this.m.click(this.page.getByRole('button', { name: L.signIn.switchUser, exact: true }));
    await this.signIn(to);
    await expect(this.phaseRegion).toBeVisible();
  }

  /**
   * Fills a form from the keyboard as a nurse does: one click into its first field, then Tab from
   * field to field (each asserted to be the labelled field meant before typing).
   */
  async typeFields(fields: readonly (readonly [Locator, string])[]): Promise<void> {
    for (const [i, [field, text]] of fields.entries()) {
      if (i === 0) await this.m.click(field);
      else await this.m.tabTo(field);
      if (text) await this.m.type(field, text);
    }
  }

  /** Clicks each group confirmation shown ("Confirm all N open in …", or the risks'), one after the other, until none is left. */
  async confirmGroups(name: RegExp = L.group.section): Promise<void> {
    const buttons = this.page.getByRole('button', { name });
    for (let n = await buttons.count(); n > 0; n = await buttons.count()) {
      // By its own words, so the action list says what each click confirmed.
      const button = this.page.getByRole('button', { name: (await buttons.first().innerText()).trim(), exact: true });
      await this.m.click(button);
      await expect(button).toHaveCount(0);
    }
  }

  /**
   * Ticks the open checkboxes the "Still open" list names, one by one, until none it names is left;
   * "if sedated" items are marked not applicable with their reason (no sedation is planned).
   */
  async tickStillOpen(leave: { risks?: boolean; labels?: readonly string[] } = {}): Promise<void> {
    const risks = this.page.getByRole('region', { name: L.consent.risks });
    const list = this.phaseRegion.getByRole('list', { name: L.phase.stillOpen });
    for (;;) {
      // Read the list once no write is in flight: a save that lands later can take the fold away under the click.
      await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(this.page.getByText('Saving…', { exact: true })).toHaveCount(0);
      // The list names the first few; the rest are a fold away ("…and N more"), opened as a person would (one counted click).
      const more = list.locator('details:not([open]) > summary', { hasText: L.phase.more });
      if (await more.isVisible().catch(() => false)) await this.m.click(more);
      const names = await list.getByRole('listitem').allInnerTexts().catch(() => [] as string[]);
      let ticked = false;
      for (const name of names) {
        const box = this.page.getByRole('checkbox', { name: name.trim(), exact: true });
        if ((await box.count()) !== 1 || (await box.isChecked()) || (await box.isDisabled())) continue;
        // What this person leaves to another: the risks to the physician who counsels, the consent item until it is done.
        if (leave.labels?.includes(name.trim()) || (leave.risks && (await risks.locator('li.item').filter({ has: box }).count()) > 0)) continue;
        const item = this.page.locator('li.item').filter({ has: box });
        if (L.notApplicable.when.test(name.trim())) {
          // No sedation planned: an "if sedated" item is not applicable, with its reason.
          await this.m.click(item.getByRole('button', { name: L.notApplicable.open(name.trim()) }));
          await this.m.fill(item.getByLabel(L.notApplicable.reason), L.notApplicable.noSedation);
          await this.m.click(item.getByRole('button', { name: L.notApplicable.confirm }));
          await expect(item.getByText(`Not applicable: ${L.notApplicable.noSedation}`)).toBeVisible();
          await this.leftList(list, name);
          ticked = true;
          break;
        }
        await this.m.check(box);
        await expect(this.page.locator('li.item').filter({ has: box }).getByText(/^Saved /)).toBeVisible();
        await this.leftList(list, name);
        ticked = true;
        break;
      }
      if (!ticked) return;
    }
  }

  /**
   * Waits until the still-open list no longer names what was just done. Without it the next round can see
   * the "…and N more" fold of the list before the save re-rendered it, and click a fold that has gone.
   */
  private async leftList(list: Locator, name: string): Promise<void> {
    await expect.poll(async () => (await list.getByRole('listitem').allInnerTexts()).map((t) => t.trim())).not.toContain(name.trim());
  }

  /** Vitals from the keyboard: Tab through the numbers, a click on the pain score, Tab to the note and Enter records. */
  async vitals(phase: string, v: { systolic: string; diastolic: string; heartRate: string; spo2: string; respiratory: string; pain: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: L.vitals.form(phase) });
    await this.typeFields([
      [form.getByLabel(L.vitals.systolic), v.systolic],
      [form.getByLabel(L.vitals.diastolic), v.diastolic],
      [form.getByLabel(L.vitals.heartRate), v.heartRate],
      [form.getByLabel(L.vitals.spo2), v.spo2],
      [form.getByLabel(L.vitals.respiratory), v.respiratory],
    ]);
    await this.m.check(form.getByRole('radio', { name: v.pain, exact: true }));
    await this.m.tabTo(form.getByLabel(L.vitals.note, { exact: true }));
    await this.m.key('Enter', `the ${phase} vitals form`);
    await expect(this.page.getByRole('region', { name: L.history }).getByText(new RegExp(`pain ${v.pain}/10 \\(${phase}`, 'i')).first()).toBeVisible();
  }
}
