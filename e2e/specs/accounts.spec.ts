/**
 * Accounts through the real UI, from the very first start: there is no default
 * account, so the app asks for the first administrator; the administrator
 * creates a nurse's account, signs out, and the nurse signs in and works.
 * Administrators never see patients; a wrong password signs nobody in.
 */
import { login } from '../accounts';
import { invoke } from '../app-process';
import { ACCOUNTS, E2E_PASSWORD, expect, signIn, signOut, test } from '../fixtures';

test.describe('first start', () => {
  // This app is left exactly as a fresh data folder starts it: no accounts at all.
  test.use({ accounts: false });

  test('first administrator, a nurse account, wrong password refused, the nurse signs in to the worklist', async ({ page, app }) => {
    await page.goto(app.url);
    const first = page.getByRole('form', { name: 'Create the first administrator' });
    await expect(first.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Sign in' })).toHaveCount(0);

    // Two different passwords are caught before anything is created.
    await first.getByLabel('Username').fill(ACCOUNTS.admin.username);
    await first.getByLabel('Full name (as records will show it)').fill(ACCOUNTS.admin.displayName);
    await first.getByLabel('Password (at least 10 characters)').fill(E2E_PASSWORD);
    await first.getByLabel('Password again').fill(`${E2E_PASSWORD}-typo`);
    await first.getByRole('button', { name: 'Create administrator' }).click();
    await expect(first.getByText('The two passwords differ.')).toBeVisible();
    expect(await invoke(app.current, 'auth.status', {})).toEqual({ needsFirstAdmin: true, session: null, needsConsoleCode: true });

    // Browser mode: the launch secret is no proof of being at the console; the one-time code printed there is.
    await first.getByLabel('Password again').fill(E2E_PASSWORD);
    await first.getByLabel(/^One-time code/).fill('AAAAA-AAAAA');
    await first.getByRole('button', { name: 'Create administrator' }).click();
    await expect(first.getByText('not the code printed on the console')).toBeVisible();
    expect(await invoke(app.current, 'auth.status', {})).toMatchObject({ needsFirstAdmin: true });

    await first.getByLabel(/^One-time code/).fill(await app.current.consoleCode(/create the first administrator/));
    await first.getByRole('button', { name: 'Create administrator' }).click();

    // The administrator is signed in, lands on Users & settings, and has no Worklist.
    await expect(page.getByLabel('Current user')).toHaveText('Ada Admin · admin');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(page.getByRole('heading', { name: 'Users & settings' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Users & settings' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Worklist' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Worklist' })).toHaveCount(0);

    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Full name (as records will show it)').fill(ACCOUNTS.nurse.displayName);
    await form.getByLabel('Username').fill(ACCOUNTS.nurse.username);
    await form.getByLabel('Role').selectOption({ label: 'Nurse' });
    await form.getByRole('radio', { name: /^Someone else/ }).check();
    await form.getByLabel('Initial password (at least 10 characters)').fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByRole('status')).toHaveText('Account created for Nina Nurse. Give them the initial password privately.');
    const accounts = page.getByRole('table', { name: 'Accounts' });
    await expect(accounts.getByRole('row', { name: /Nina Nurse/ })).toContainText('Nurse');
    await expect(accounts.getByRole('row', { name: /Nina Nurse/ })).toContainText('Active');

    await signOut(page);
    // Only one first administrator: once an account exists, the app asks to sign in.
    await expect(page.getByRole('form', { name: 'Create the first administrator' })).toHaveCount(0);

    // A wrong password is refused with a message, and nobody is signed in.
    const signInForm = page.getByRole('form', { name: 'Sign in' });
    await signInForm.getByLabel('Username').fill(ACCOUNTS.nurse.username);
    await signInForm.getByLabel('Password').fill('not-the-password');
    await signInForm.getByRole('button', { name: 'Sign in' }).click();
    // The same answer whether the name is unknown, the password wrong or the account locked (issue 16).
    await expect(signInForm.getByRole('alert')).toContainText('The username or password is not right, or the account is locked');
    await expect(signInForm.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Current user')).toHaveCount(0);

    await signIn(page, 'nurse');
    await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Worklist' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Users & settings' })).toHaveCount(0);
    await expect(nav.getByRole('button', { name: 'Audit trail' })).toHaveCount(0);
  });
});

test('an administrator never sees patients: no Worklist, even where a clinician left an encounter open', async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'ADM-1', familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1980-03-03', sex: 'female' });
  const encounter = await app.call<{ id: string }>('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Axial back pain.',
  });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.evaluate((id) => sessionStorage.setItem('proceduredesk.view', JSON.stringify({ name: 'encounter', encounterId: id })), encounter.id);
  // The token is memory-only: a reload signs the nurse out, and she signs in again onto the encounter.
  await page.reload();
  await signIn(page, 'nurse');
  await expect(page.getByRole('heading', { name: /LINDQVIST, Maja/ })).toBeVisible();
  await signOut(page);

  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Users & settings' })).toBeVisible();
  await expect(page.getByText('LINDQVIST')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Worklist' })).toHaveCount(0);
  await page.getByRole('button', { name: 'ProcedureDesk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Users & settings' })).toBeVisible();
  // The core refuses patient data to the administrator whatever the screen shows.
  await expect(app.call('patient.search', { query: 'ADM' }, 'admin')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(app.call('encounter.get', { encounterId: encounter.id }, 'admin')).rejects.toMatchObject({ code: 'FORBIDDEN' });
});

test('calls carry the session beside the input: none, a stale one, or an actor in the input are refused', async ({ app }) => {
  const create = { mrn: 'SES-1', familyName: 'Okafor', givenName: 'Ada', birthDate: '1975-06-06', sex: 'female' };
  await expect(invoke(app.current, 'patient.create', create)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(invoke(app.current, 'patient.create', create, 'not-a-session')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(app.call('patient.create', { ...create, actor: { name: 'Someone Else', role: 'physician' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  expect(await app.call<unknown[]>('patient.search', { query: 'SES' })).toEqual([]);
  // Signing out ends the session in the core: its token is refused afterwards.
  const token = await login(app.current, 'nurse');
  expect(await invoke(app.current, 'patient.search', { query: 'SES' }, token)).toEqual([]);
  await invoke(app.current, 'auth.logout', {}, token);
  await expect(invoke(app.current, 'patient.search', { query: 'SES' }, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
});
