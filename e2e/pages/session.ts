/**
 * Signing in and out, and the first start, through the real forms. Takes only a
 * Page, so the same steps drive browser mode (fixtures.ts) and the Electron
 * window (specs/electron-smoke.spec.ts).
 */
import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, E2E_PASSWORD, type Who } from '../accounts';

/** Signs in through the real sign-in form and waits until the app shows who is signed in. */
export async function signIn(page: Page, who: Who, password = E2E_PASSWORD): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(ACCOUNTS[who].username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Current user')).toHaveText(`${ACCOUNTS[who].displayName} · ${ACCOUNTS[who].role}`);
}

/** Ends the session through the topbar's "Sign out" and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
}

/**
 * First start of an empty data folder: creates the test administrator, who lands on Users & settings signed in.
 * consoleCode: browser mode's one-time code from the host's console (the Electron window needs none).
 */
export async function createFirstAdmin(page: Page, consoleCode?: string): Promise<void> {
  const { admin } = ACCOUNTS;
  const form = page.getByRole('form', { name: 'Create the first administrator' });
  if (consoleCode) await form.getByLabel(/^One-time code/).fill(consoleCode);
  await form.getByLabel('Username').fill(admin.username);
  await form.getByLabel('Full name (as records will show it)').fill(admin.displayName);
  await form.getByLabel('Password (at least 10 characters)').fill(E2E_PASSWORD);
  await form.getByLabel('Password again').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByLabel('Current user')).toHaveText(`${admin.displayName} · ${admin.role}`);
  await expect(page.getByRole('heading', { name: 'Users & settings' })).toBeVisible();
}
