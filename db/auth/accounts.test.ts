// Deactivation, unique names, the current password to change it, and who and when for every account event.
// Through the real dispatcher on real SQLite files.
import { describe, expect, it } from 'vitest';
import { clockedCoresPerTest, auditRows, codeOf, lastAudit, MINUTE, userRow, WRONG_PASSWORD } from '../testing/clocked-core';
import { ADMIN, NURSE, ok, TEST_PASSWORD, usernameOf } from '../testing/temp-core';

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

describe('deactivating an account', () => {
  it('ends its sessions at once and stops it signing in; an admin cannot deactivate themself', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const nurse = await login(NURSE);
    const second = ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(NURSE), password: TEST_PASSWORD })).token;
    const nurseId = userRow(core, usernameOf(NURSE))!.id;
    const adminId = userRow(core, usernameOf(ADMIN))!.id;
    expect(codeOf(await dispatch('patient.search', { query: 'a' }, nurse))).toBe('ok');

    expect(ok(await dispatch('users.setActive', { userId: nurseId, active: false }, admin))).toMatchObject({ active: false });
    expect(auditRows(core, 'users.deactivate')).toMatchObject([{ user_name: ADMIN.name, user_role: 'admin', target: `user:${nurseId}` }]);
    for (const token of [nurse, second]) {
      expect(codeOf(await dispatch('patient.search', { query: 'a' }, token))).toBe('UNAUTHENTICATED');
      expect(codeOf(await dispatch('auth.unlock', { password: TEST_PASSWORD }, token))).toBe('UNAUTHENTICATED');
      expect(ok(await dispatch('auth.status', {}, token))).toMatchObject({ session: null });
    }
    const signIn = await dispatch('auth.login', { username: usernameOf(NURSE), password: TEST_PASSWORD });
    expect(signIn.ok).toBe(false);
    expect(codeOf(signIn)).not.toBe('ok');

    const self = await dispatch('users.setActive', { userId: adminId, active: false }, admin);
    expect(codeOf(self)).toBe('CONFLICT');
    expect(userRow(core, usernameOf(ADMIN))!.active).toBe(1);
    expect(codeOf(await dispatch('users.list', {}, admin))).toBe('ok');

    // Reactivated, the account signs in again (the old sessions stay ended).
    ok(await dispatch('users.setActive', { userId: nurseId, active: true }, admin));
    ok(await dispatch('auth.login', { username: usernameOf(NURSE), password: TEST_PASSWORD }));
    expect(codeOf(await dispatch('patient.search', { query: 'a' }, nurse))).toBe('UNAUTHENTICATED');
  });
});

describe('names', () => {
  it('display names are unique case-insensitively; usernames are stored and matched lower-case', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    await login(NURSE);
    for (const displayName of ['nina nurse', 'NINA NURSE', '  Nina Nurse  ', 'ada admin']) {
      const result = await dispatch('users.create', { username: `x${displayName.length}${displayName[0]}`, displayName, role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, admin);
      expect(result, displayName).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'displayName' }] } });
    }
    const taken = await dispatch('users.create', { username: 'NINA.NURSE', displayName: 'Another Nina', role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, admin);
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'username' }] } });

    const created = ok<{ username: string }>(await dispatch('users.create', { username: '  Dr.Who-2 ', displayName: 'Dr Who', role: 'physician', password: TEST_PASSWORD, holder: 'someone-else' }, admin));
    expect(created.username).toBe('dr.who-2');
    expect(userRow(core, 'dr.who-2')).toBeDefined();
    ok(await dispatch('auth.login', { username: 'DR.WHO-2', password: TEST_PASSWORD }));
    expect(core.db.prepare('SELECT count(*) FROM users WHERE username <> lower(username)').pluck().get()).toBe(0);
  });

  it('two concurrent creations with the same display name (or username) leave one account; the other is a CONFLICT on that field', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const results = await Promise.all(
      ['twin.one', 'twin.two'].map((username, i) => dispatch('users.create', { username, displayName: i ? 'TWIN' : 'Twin', role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, admin)),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { details: [{ path: 'displayName' }] } });
    expect(core.db.prepare("SELECT count(*) FROM users WHERE display_name = 'twin' COLLATE NOCASE").pluck().get()).toBe(1);

    const sameUsername = await Promise.all(
      ['Solo One', 'Solo Two'].map((displayName) => dispatch('users.create', { username: 'solo', displayName, role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, admin)),
    );
    expect(sameUsername.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    expect(sameUsername.find((r) => !r.ok)).toMatchObject({ error: { details: [{ path: 'username' }] } });
  });
});

describe('re-authentication', () => {
  it('changing a password needs the current one: a wrong one is FORBIDDEN, changes nothing but its count towards the lockout', async () => {
    const { core, dispatch, login } = open();
    const nurse = await login(NURSE);
    const before = userRow(core, usernameOf(NURSE))!;
    const wrong = await dispatch('auth.changePassword', { currentPassword: WRONG_PASSWORD, newPassword: 'a brand new passphrase' }, nurse);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: [{ path: 'password' }] } });
    expect(userRow(core, usernameOf(NURSE))).toEqual({ ...before, failed_attempts: 1 });
    expect(lastAudit(core)).toMatchObject({ action: 'auth.reauthFailed', user_name: NURSE.name });
    ok(await dispatch('auth.login', { username: usernameOf(NURSE), password: TEST_PASSWORD }));

    expect(ok(await dispatch('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }, nurse))).toEqual({ changed: true });
    expect(userRow(core, usernameOf(NURSE))!.password_hash).not.toBe(before.password_hash);
    expect(codeOf(await dispatch('auth.login', { username: usernameOf(NURSE), password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    ok(await dispatch('auth.login', { username: usernameOf(NURSE), password: 'a brand new passphrase' }));
  });
});

describe('the audit trail of account events', () => {
  it('records who and when for every account event, and the chain verifies', async () => {
    const { dispatch, clock } = open();
    const at: Record<string, string> = {};
    const step = async <T,>(action: string, run: () => Promise<T>): Promise<T> => {
      clock.wall += MINUTE;
      at[action] = new Date(clock.wall).toISOString();
      return run();
    };
    const admin = ok<{ token: string }>(await step('setup', () => dispatch('auth.setupFirstAdmin', { username: 'ada', displayName: ADMIN.name, password: TEST_PASSWORD }))).token;
    const nurseUser = ok<{ id: string }>(await step('users.create', () => dispatch('users.create', { username: 'nina', displayName: NURSE.name, role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, admin)));
    const nurse = ok<{ token: string }>(await step('auth.login', () => dispatch('auth.login', { username: 'nina', password: TEST_PASSWORD }))).token;
    ok(await step('settings.update', () => dispatch('settings.update', { idleLockMinutes: 5 }, admin)));
    ok(await step('auth.lock', () => dispatch('auth.lock', {}, nurse)));
    ok(await step('auth.unlock', () => dispatch('auth.unlock', { password: TEST_PASSWORD }, nurse)));
    clock.t += 5 * MINUTE;
    expect(codeOf(await step('auth.idleLock', () => dispatch('patient.search', { query: 'a' }, nurse)))).toBe('LOCKED');
    ok(await step('auth.logout', () => dispatch('auth.logout', {}, nurse)));
    const admin2 = ok<{ token: string }>(await step('admin.login', () => dispatch('auth.login', { username: 'ada', password: TEST_PASSWORD }))).token;
    ok(await step('users.deactivate', () => dispatch('users.setActive', { userId: nurseUser.id, active: false }, admin2)));

    const entries = ok<{ entries: { at: string; action: string; user: { name: string; role: string }; target: string | null }[] }>(await dispatch('audit.list', { limit: 100 }, admin2)).entries.reverse();
    const one = (action: string, name: string, when: string) => {
      const matching = entries.filter((e) => e.action === action && e.user.name === name && e.at === when);
      expect(matching, `${action} by ${name} at ${when} in ${JSON.stringify(entries.map((e) => [e.action, e.user.name, e.at]))}`).toHaveLength(1);
      return matching[0]!;
    };
    const nurseTarget = `user:${nurseUser.id}`;
    one('users.create', ADMIN.name, at.setup!);
    one('auth.login', ADMIN.name, at.setup!);
    expect(one('users.create', ADMIN.name, at['users.create']!).target).toBe(nurseTarget);
    expect(one('auth.login', NURSE.name, at['auth.login']!).user.role).toBe('nurse');
    expect(one('settings.update', ADMIN.name, at['settings.update']!).target).toContain('idleLockMinutes');
    one('auth.lock', NURSE.name, at['auth.lock']!);
    one('auth.unlock', NURSE.name, at['auth.unlock']!);
    one('auth.idleLock', NURSE.name, at['auth.idleLock']!);
    one('auth.logout', NURSE.name, at['auth.logout']!);
    one('auth.login', ADMIN.name, at['admin.login']!);
    expect(one('users.deactivate', ADMIN.name, at['users.deactivate']!).target).toBe(nurseTarget);
    for (const entry of entries) expect(['admin', 'nurse']).toContain(entry.user.role);

    expect(ok(await dispatch('audit.verify', {}, admin2))).toMatchObject({ ok: true, entries: entries.length });
  });
});
