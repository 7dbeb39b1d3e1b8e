// The account lockout after wrong passwords at sign-in, on an injected wall clock.
// Through the real dispatcher on real SQLite files.
import { describe, expect, it } from 'vitest';
import { LOCKOUT, SIGN_IN_REFUSED } from './lockout';
import { clockedCoresPerTest, auditRows, codeOf, lastAudit, MINUTE, userRow, WRONG_PASSWORD } from '../testing/clocked-core';
import { ADMIN, NURSE, ok, TEST_PASSWORD, usernameOf } from '../testing/temp-core';

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

describe('lockout after failed sign-ins', () => {
  async function setup() {
    const env = open();
    const admin = await env.login(ADMIN);
    await env.login(NURSE);
    const nurse = userRow(env.core, usernameOf(NURSE))!;
    const attempt = (password: string) => env.dispatch('auth.login', { username: usernameOf(NURSE), password });
    const lockOut = async () => {
      for (let i = 0; i < LOCKOUT.attempts; i++) expect(await attempt(WRONG_PASSWORD)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED } });
    };
    return { ...env, admin, nurse, attempt, lockOut };
  }

  it(`locks the account after ${LOCKOUT.attempts} wrong passwords, even against the right one, and audits it`, async () => {
    const { core, attempt, lockOut, nurse, clock } = await setup();
    await lockOut();
    // Refused as any sign-in is (the answer never tells a lock from an unknown name: reauth-lockout.test.ts).
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED } });
    expect(SIGN_IN_REFUSED).toContain('locked');
    expect(codeOf(await attempt(WRONG_PASSWORD))).toBe('UNAUTHENTICATED');
    expect(auditRows(core, 'auth.loginRefusedLockedOut')).toHaveLength(2);
    expect(userRow(core, usernameOf(NURSE))!.locked_until).toBe(new Date(clock.wall + LOCKOUT.minutes * MINUTE).toISOString());

    const failed = auditRows(core, 'auth.loginFailed').filter((r) => r.target === `user:${nurse.id}`);
    expect(failed).toHaveLength(LOCKOUT.attempts);
    expect(failed.every((r) => r.user_name === NURSE.name && r.user_role === 'nurse')).toBe(true);
    expect(auditRows(core, 'auth.accountLocked')).toMatchObject([{ target: `user:${nurse.id}`, user_name: NURSE.name }]);
  });

  it('lifts after 15 minutes of wall-clock time; a successful sign-in resets the count', async () => {
    const { core, attempt, lockOut, clock } = await setup();
    await lockOut();
    clock.wall += LOCKOUT.minutes * MINUTE - 1_000;
    expect(codeOf(await attempt(TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    clock.wall += 1_000;
    ok(await attempt(TEST_PASSWORD));
    expect(userRow(core, usernameOf(NURSE))).toMatchObject({ failed_attempts: 0, locked_until: null });
    // The count starts again from zero: four more wrong passwords do not lock.
    for (let i = 0; i < LOCKOUT.attempts - 1; i++) expect(codeOf(await attempt(WRONG_PASSWORD))).toBe('UNAUTHENTICATED');
    ok(await attempt(TEST_PASSWORD));
  });

  it('an administrator can lift the lock at once (audited)', async () => {
    const { core, dispatch, attempt, lockOut, admin, nurse } = await setup();
    await lockOut();
    expect(codeOf(await attempt(TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    const listed = ok<{ id: string; lockedUntil: string | null }[]>(await dispatch('users.list', {}, admin)).find((u) => u.id === nurse.id)!;
    expect(listed.lockedUntil).not.toBeNull();
    const cleared = ok<{ lockedUntil: string | null }>(await dispatch('users.clearLockout', { userId: nurse.id }, admin));
    expect(cleared.lockedUntil).toBeNull();
    ok(await attempt(TEST_PASSWORD));
    expect(lastAudit(core)).toMatchObject({ action: 'auth.login', target: `user:${nurse.id}` });
    expect(auditRows(core, 'users.clearLockout')).toMatchObject([{ user_name: ADMIN.name, user_role: 'admin', target: `user:${nurse.id}` }]);
  });

  it('cannot be outrun by guesses sent in parallel: only the first five are counted, the rest are refused as locked', async () => {
    const { core, attempt, nurse } = await setup();
    const results = await Promise.all(Array.from({ length: 4 * LOCKOUT.attempts }, () => attempt(WRONG_PASSWORD)));
    expect(results.every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    expect(auditRows(core, 'auth.loginRefusedLockedOut').filter((r) => r.target === `user:${nurse.id}`)).toHaveLength(3 * LOCKOUT.attempts);
    expect(userRow(core, usernameOf(NURSE))!.locked_until).not.toBeNull();
    expect(codeOf(await attempt(TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    expect(auditRows(core, 'auth.loginFailed').filter((r) => r.target === `user:${nurse.id}`)).toHaveLength(LOCKOUT.attempts);
    expect(auditRows(core, 'auth.accountLocked')).toHaveLength(1);
  });

  it('refuses unknown usernames exactly like wrong passwords (no hint that an account exists)', async () => {
    const { dispatch, attempt } = await setup();
    const wrongPassword = await attempt(WRONG_PASSWORD);
    for (const username of ['nobody', 'nina', 'nina.nurse.', 'admin']) {
      expect(await dispatch('auth.login', { username, password: WRONG_PASSWORD })).toEqual(wrongPassword);
      expect(await dispatch('auth.login', { username, password: TEST_PASSWORD })).toEqual(wrongPassword);
    }
    expect(wrongPassword).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED } });
  });
});
