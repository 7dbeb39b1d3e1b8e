/** Page model: the administrator's Users & settings screen (accounts, chart exports). */
import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, E2E_INTEROP, E2E_PASSWORD, type Who } from '../accounts';

const ROLE_LABEL = { admin: 'Administrator', nurse: 'Nurse', physician: 'Physician', records: 'Records (sends signed notes to the chart)' } as const;

export class UsersPage {
  constructor(readonly page: Page) {}

  /** Shows one tab of the screen (accounts, clinic settings, chart exports, note fields, connections: one shows at a time). */
  async openTab(name: 'Accounts' | 'Clinic settings' | 'Chart exports' | 'Note fields' | 'Connections'): Promise<void> {
    const tab = this.page.getByRole('tablist', { name: 'Users and settings' }).getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Creates one of the test accounts with the shared test password, and waits for it in the Accounts table. */
  async createAccount(who: Exclude<Who, 'admin'>): Promise<void> {
    const account = ACCOUNTS[who];
    const { username, displayName, role } = account;
    const form = this.page.getByRole('form', { name: 'New account' });
    if ('provider' in account) {
      await form.getByLabel('NPI (10 digits)').fill(account.provider.npi);
      await form.getByLabel('Family name (as the chart files it)').fill(account.provider.familyName);
      await form.getByLabel('Given name').fill(account.provider.givenName);
    }
    await form.getByLabel('Full name (as records will show it)').fill(displayName);
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Role').selectOption({ label: ROLE_LABEL[role] });
    await form.getByRole('radio', { name: /^Someone else/ }).check();
    await form.getByLabel('Initial password (at least 10 characters)').fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByRole('status')).toHaveText(`Account created for ${displayName}. Give them the initial password privately.`);
    await expect(this.page.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: new RegExp(displayName) })).toContainText('Active');
  }

  /** Sets the outbox folder (an absolute path) and what export needs (MRN system, Organization) under Chart exports. */
  async setOutboxFolder(folder: string): Promise<void> {
    await this.openTab('Chart exports');
    const form = this.page.getByRole('form', { name: 'Chart exports' });
    await form.getByLabel(/^Outbox folder/).fill(folder);
    await form.getByLabel(/^MRN system/).fill(E2E_INTEROP.mrnSystem);
    await form.getByLabel(/^Organization name/).fill(E2E_INTEROP.organization.name);
    await form.getByLabel("Organization identifier's system").fill(E2E_INTEROP.organization.system);
    await form.getByLabel("Organization's identifier").fill(E2E_INTEROP.organization.value);
    await form.getByRole('button', { name: 'Save chart export settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Chart export settings saved.');
  }
}
