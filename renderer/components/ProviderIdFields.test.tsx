// The Users screen's provider identifiers (issue 19) in jsdom against the real core over HTTP: a wrong
// NPI check digit is refused beside the NPI field with nothing saved; a valid one is saved and listed.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { useUsers } from '../stores/users';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { UsersScreen } from './UsersScreen';

afterEach(cleanup);

describe('provider identifiers on the Users screen (real core)', () => {
  it('a wrong check digit is refused beside the NPI field, nothing saved; the right NPI is saved and shown in the list', async () => {
    await signInAs('adminSession');
    useUsers.setState({ users: [], settings: null });
    const user = userEvent.setup();
    const name = `Dr Ines Nunez ${Date.now()}`;
    render(<UsersScreen />);
    await coreSettled();
    const form = screen.getByRole('form', { name: 'New account' });
    await user.type(within(form).getByLabelText('Full name (as records will show it)'), name);
    await user.type(within(form).getByLabelText('Username'), `ines${Date.now()}`);
    await user.selectOptions(within(form).getByLabelText('Role'), 'Physician');
    await user.click(within(form).getByRole('radio', { name: /^Someone else/ }));
    await user.type(within(form).getByLabelText('Initial password (at least 10 characters)'), 'a long enough secret');
    const npi = within(form).getByLabelText(/^NPI \(10 digits\)/);
    await user.type(npi, '1234567890');
    await user.type(within(form).getByLabelText('Family name (as the chart files it)'), 'Nunez');
    await user.type(within(form).getByLabelText('Given name'), 'Ines');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await coreSettled();
    expect(npi.getAttribute('aria-invalid')).toBe('true');
    expect(npi.closest('label')?.textContent).toMatch(/check digit does not match/);
    expect((await api().call('users.list', {})).some((u) => u.displayName === name)).toBe(false);

    await user.clear(npi);
    await user.type(npi, '1234567893');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await coreSettled();
    expect(within(form).getByRole('status').textContent).toContain(`Account created for ${name}.`);
    const row = within(screen.getByRole('table', { name: 'Accounts' })).getByRole('row', { name: new RegExp(name) });
    expect(row.textContent).toContain('NPI 1234567893');
  });
});
