// Provider identifiers on accounts (issue 19): the NPI checked by its CMS check digit, a local id,
// the name the chart files them under; refused input changes nothing; every change audited.
import { describe, expect, it } from 'vitest';
import { auditRows, clockedCoresPerTest, codeOf, userRow } from '../testing/clocked-core';
import { ADMIN, ok, PHYSICIAN, TEST_PASSWORD, usernameOf } from '../testing/temp-core';

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));
const PROVIDER = { npi: '1234567893', localId: 'PD-0042', familyName: 'Ñúñez', givenName: 'Inés' };
const providerColumns = (core: Parameters<typeof userRow>[0], username: string) =>
  core.db.prepare('SELECT npi, provider_local_id, provider_family_name, provider_given_name FROM users WHERE username = ?').get(username);

describe('provider identifiers on an account', () => {
  it('an administrator creates a physician with an NPI and a local id; the list shows them', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const created = ok<{ id: string; provider: unknown }>(await dispatch('users.create', {
      username: 'ines.nunez', displayName: 'Dra. Inés Ñúñez', role: 'physician', password: TEST_PASSWORD, holder: 'someone-else', provider: PROVIDER,
    }, admin));
    expect(created.provider).toEqual(PROVIDER);
    expect(providerColumns(core, 'ines.nunez')).toEqual({ npi: '1234567893', provider_local_id: 'PD-0042', provider_family_name: 'Ñúñez', provider_given_name: 'Inés' });
    expect(ok<{ username: string; provider: unknown }[]>(await dispatch('users.list', {}, admin)).find((u) => u.username === 'ines.nunez')?.provider).toEqual(PROVIDER);
  });

  it('refuses a wrong check digit, a wrong length and no id at all, naming the field, and writes nothing', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const before = auditRows(core).length;
    const attempts: [unknown, RegExp, string][] = [
      [{ ...PROVIDER, npi: '1234567890' }, /check digit/, 'provider.npi'],
      [{ ...PROVIDER, npi: '123456789' }, /10 digits/, 'provider.npi'],
      [{ ...PROVIDER, npi: null, localId: null }, /NPI or a local provider id/, 'provider.npi'],
      [{ ...PROVIDER, localId: 'PD|42' }, /HL7 delimiters/, 'provider.localId'],
      [{ ...PROVIDER, familyName: '' }, /family name/, 'provider.familyName'],
    ];
    for (const [provider, message, path] of attempts) {
      const answer = await dispatch('users.create', { username: 'ines.nunez', displayName: 'Dra. Inés Ñúñez', role: 'physician', password: TEST_PASSWORD, holder: 'someone-else', provider }, admin);
      expect(codeOf(answer), JSON.stringify(provider)).toBe('INVALID_INPUT');
      if (answer.ok) throw new Error('accepted');
      expect(answer.error.message).toMatch(message);
      expect(JSON.stringify(answer.error.details)).toContain(path);
    }
    expect(userRow(core, 'ines.nunez')).toBeUndefined();
    expect(auditRows(core).length).toBe(before);
  });

  it('users.setProvider sets, changes and clears them on an existing account, audited; a bad NPI changes nothing', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    await login(PHYSICIAN);
    const physicianId = userRow(core, usernameOf(PHYSICIAN))!.id;
    expect(ok(await dispatch('users.setProvider', { userId: physicianId, provider: PROVIDER }, admin))).toMatchObject({ provider: PROVIDER });
    const refused = await dispatch('users.setProvider', { userId: physicianId, provider: { ...PROVIDER, npi: '1234567894' } }, admin);
    expect(codeOf(refused)).toBe('INVALID_INPUT');
    expect(providerColumns(core, usernameOf(PHYSICIAN))).toMatchObject({ npi: '1234567893' });
    expect(ok(await dispatch('users.setProvider', { userId: physicianId, provider: { ...PROVIDER, npi: null } }, admin))).toMatchObject({ provider: { npi: null, localId: 'PD-0042' } });
    expect(ok(await dispatch('users.setProvider', { userId: physicianId, provider: null }, admin))).toMatchObject({ provider: null });
    expect(auditRows(core, 'users.setProvider').map((r) => r.target)).toEqual([
      `user:${physicianId}/npi:1234567893,local:PD-0042`, `user:${physicianId}/local:PD-0042`, `user:${physicianId}/cleared`,
    ]);
  });

  it('only an administrator sets them', async () => {
    const { core, dispatch, login } = open();
    const physician = await login(PHYSICIAN);
    const physicianId = userRow(core, usernameOf(PHYSICIAN))!.id;
    const before = providerColumns(core, usernameOf(PHYSICIAN));
    expect(codeOf(await dispatch('users.setProvider', { userId: physicianId, provider: { ...PROVIDER, npi: '1558598797' } }, physician))).toBe('FORBIDDEN');
    expect(providerColumns(core, usernameOf(PHYSICIAN))).toEqual(before);
  });
});
