// Re-authentication hardened (issue 16 point 5), through the real dispatcher on
// real SQLite files: wrong passwords typed to sign, override, record a time-out,
// change the password or unlock count towards the one account lockout that
// sign-in uses; a lockout answer is the same for an account that exists and one
// that does not; an administrator's account for themself carries a visible,
// audited mark.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import { DEFAULT_ATTESTATION } from '#shared/contract/note';
import { LOCKOUT } from './sessions';
import { clockedCoresPerTest, codeOf, MINUTE, userRow, WRONG_PASSWORD } from '../testing/clocked-core';
import { ADMIN, NURSE, ok, PATIENT, PHYSICIAN, TEST_PASSWORD, usernameOf, type TempCore } from '../testing/temp-core';
import { advanceOverridingOpen } from '../testing/override-open';

const open = clockedCoresPerTest(Date.parse('2026-11-24T14:00:00.000Z'));

async function encounterReadyToSign(dispatch: TempCore['dispatch'], nurse: string, physician: string, mrn: string): Promise<string> {
  const patientId = ok<{ id: string }>(await dispatch('patient.create', { ...PATIENT, mrn }, nurse)).id;
  const encounterId = ok<{ id: string }>(await dispatch('encounter.create', {
    patientId, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.',
  }, nurse)).id;
  ok(await dispatch('consent.save', {
    encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents',
  }, physician));
  return encounterId;
}

describe('wrong passwords at re-authentication count towards the sign-in lockout', () => {
  it('25 wrong passwords at note.sign: the account locks after the fifth, the right password is then refused, sessions end', async () => {
    const { core, dispatch, login } = open();
    const nurse = await login(NURSE);
    const physician = await login(PHYSICIAN);
    const encounterId = await encounterReadyToSign(dispatch, nurse, physician, 'LOCK-1');
    const results: string[] = [];
    const second = ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: TEST_PASSWORD })).token;
    for (let i = 0; i < 25; i++) {
      results.push(codeOf(await dispatch('note.sign', { encounterId, password: WRONG_PASSWORD, attestation: DEFAULT_ATTESTATION }, second)));
    }
    // Five refusals as wrong passwords; then the session is over.
    expect(results.slice(0, LOCKOUT.attempts)).toEqual(Array(LOCKOUT.attempts).fill('FORBIDDEN'));
    expect(new Set(results.slice(LOCKOUT.attempts))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(userRow(core, usernameOf(PHYSICIAN))!.locked_until).not.toBeNull();
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.accountLocked'").pluck().get()).toBe(1);
    // Every session of the account ended, and the right password no longer signs in.
    expect(codeOf(await dispatch('patient.search', { query: 'Pe' }, physician))).toBe('UNAUTHENTICATED');
    expect(codeOf(await dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(core.db.prepare('SELECT count(*) FROM signed_notes').pluck().get()).toBe(0);
  });

  it('a locked account cannot sign even with the right password in a session opened before the lock', async () => {
    const { core, dispatch, login, clock } = open();
    const nurse = await login(NURSE);
    const physician = await login(PHYSICIAN);
    const encounterId = await encounterReadyToSign(dispatch, nurse, physician, 'LOCK-2');
    for (let i = 0; i < LOCKOUT.attempts; i++) await dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: WRONG_PASSWORD });
    const refused = await dispatch('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }, physician);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('locked') } });
    expect(core.db.prepare('SELECT count(*) FROM signed_notes').pluck().get()).toBe(0);
    // The lock runs out like a sign-in lock.
    clock.wall += LOCKOUT.minutes * MINUTE;
    const physicianAgain = ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: TEST_PASSWORD })).token;
    ok(await dispatch('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }, physicianAgain));
  });

  it('sign, override, change password and unlock share one count; the fifth wrong one locks the account', async () => {
    const { core, dispatch, login } = open();
    const nurse = await login(NURSE);
    const physician = await login(PHYSICIAN);
    const encounterId = await encounterReadyToSign(dispatch, nurse, physician, 'LOCK-3');
    const failures = () => userRow(core, usernameOf(PHYSICIAN))!.failed_attempts;
    expect(codeOf(await dispatch('note.sign', { encounterId, password: WRONG_PASSWORD, attestation: DEFAULT_ATTESTATION }, physician))).toBe('FORBIDDEN');
    expect(failures()).toBe(1);
    // An override is signed with the password: the patient signs, the encounter reaches the pre-procedure, its open items are overridden.
    ok(await dispatch('consent.captureSignature', { encounterId, signer: 'patient', signerName: 'The Patient', method: 'paper' }, physician));
    ok(await dispatch('encounter.advance', { encounterId, to: 'pre-procedure' }, nurse));
    expect(failures()).toBe(1);
    expect(codeOf(await advanceOverridingOpen((method, input) => dispatch(method, input, physician), encounterId, 'time-out', 'Testing the override', WRONG_PASSWORD))).toBe('FORBIDDEN');
    expect(failures()).toBe(2);
    expect(codeOf(await dispatch('auth.changePassword', { currentPassword: WRONG_PASSWORD, newPassword: 'another long passphrase' }, physician))).toBe('FORBIDDEN');
    expect(failures()).toBe(3);
    ok(await dispatch('auth.lock', {}, physician));
    expect(codeOf(await dispatch('auth.unlock', { password: WRONG_PASSWORD }, physician))).toBe('UNAUTHENTICATED');
    expect(failures()).toBe(4);
    expect(userRow(core, usernameOf(PHYSICIAN))!.locked_until).toBeNull();
    expect(codeOf(await dispatch('auth.unlock', { password: WRONG_PASSWORD }, physician))).toBe('UNAUTHENTICATED');
    expect(userRow(core, usernameOf(PHYSICIAN))!.locked_until).not.toBeNull();
    expect(codeOf(await dispatch('auth.status', {}, physician))).toBe('ok');
    expect(ok<{ session: unknown }>(await dispatch('auth.status', {}, physician)).session).toBeNull();
    // Each wrong password is in the audit trail, and the lock once.
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action IN ('auth.reauthFailed', 'auth.unlockFailed')").pluck().get()).toBe(5);
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.accountLocked'").pluck().get()).toBe(1);
  });

  it('the right password at a re-check starts the count again, as a sign-in does', async () => {
    const { core, dispatch, login } = open();
    const physician = await login(PHYSICIAN);
    for (let i = 0; i < LOCKOUT.attempts - 1; i++) {
      expect(codeOf(await dispatch('auth.changePassword', { currentPassword: WRONG_PASSWORD, newPassword: 'another long passphrase' }, physician))).toBe('FORBIDDEN');
    }
    ok(await dispatch('auth.lock', {}, physician));
    ok(await dispatch('auth.unlock', { password: TEST_PASSWORD }, physician));
    expect(userRow(core, usernameOf(PHYSICIAN))).toMatchObject({ failed_attempts: 0, locked_until: null });
  });
});

describe('lockout answers do not reveal whether a username exists', () => {
  it('an existing account locked out answers exactly as an unknown username, whatever the password', async () => {
    const { dispatch, login } = open();
    await login(NURSE);
    const attempt = (username: string, password: string) => dispatch('auth.login', { username, password });
    const existing: Envelope<unknown>[] = [];
    const unknown: Envelope<unknown>[] = [];
    for (let i = 0; i < LOCKOUT.attempts + 3; i++) {
      existing.push(await attempt(usernameOf(NURSE), WRONG_PASSWORD));
      unknown.push(await attempt('nobody.here', WRONG_PASSWORD));
    }
    // The account is locked now; the right password is answered the same way too.
    existing.push(await attempt(usernameOf(NURSE), TEST_PASSWORD));
    unknown.push(await attempt('nobody.here', TEST_PASSWORD));
    expect(existing).toEqual(unknown);
    expect(new Set(existing.map((e) => JSON.stringify(e))).size).toBe(1);
    expect(existing[0]).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('locked') } });
  });
});

describe("an administrator's own clinical account", () => {
  type Listed = { id: string; username: string; createdBy: string | null; createdForSelf: boolean };
  it('carries a visible, audited "created by administrator X for themself" mark', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const own = ok<Listed>(await dispatch('users.create', { username: 'ada.md', displayName: 'Ada Admin MD', role: 'physician', password: TEST_PASSWORD, holder: 'self' }, admin));
    const other = ok<Listed>(await dispatch('users.create', { username: 'pat.md', displayName: 'Pat Other MD', role: 'physician', password: TEST_PASSWORD, holder: 'someone-else' }, admin));
    expect(own).toMatchObject({ createdBy: ADMIN.name, createdForSelf: true });
    expect(other).toMatchObject({ createdBy: ADMIN.name, createdForSelf: false });
    const listed = ok<Listed[]>(await dispatch('users.list', {}, admin));
    expect(listed.find((u) => u.id === own.id)).toMatchObject({ createdBy: ADMIN.name, createdForSelf: true });
    // The account's own session shows it too, so it is never quiet.
    const session = ok<{ user: Listed }>(await dispatch('auth.login', { username: 'ada.md', password: TEST_PASSWORD }));
    expect(session.user).toMatchObject({ createdBy: ADMIN.name, createdForSelf: true });
    expect(core.db.prepare("SELECT user_name, target FROM audit_log WHERE action = 'users.create' AND target LIKE ?").all(`user:${own.id}%`))
      .toEqual([{ user_name: ADMIN.name, target: `user:${own.id}/for-self` }]);
    // The mark cannot be taken off, even by SQL.
    expect(() => core.db.prepare('UPDATE users SET created_for_self = 0 WHERE id = ?').run(own.id)).toThrow(/never changes/);
  });

  it('must say whose account it is: creating a clinical account without saying is refused and writes nothing', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    const before = core.db.prepare('SELECT count(*) FROM users').pluck().get();
    const result = await dispatch('users.create', { username: 'quiet.md', displayName: 'Quiet MD', role: 'physician', password: TEST_PASSWORD }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'holder' }] } });
    expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(before);
  });
});
