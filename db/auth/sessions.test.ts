// The idle lock on an injected monotonic clock (wall-clock jumps change nothing), lock and logout.
// Through the real dispatcher on real SQLite files.
import { describe, expect, it } from 'vitest';
import { METHODS, type MethodName } from '#shared/contract/methods';
import { clockedCoresPerTest, codeOf, lastAudit, MINUTE, WRONG_PASSWORD } from '../testing/clocked-core';
import { ADMIN, NURSE, ok, PATIENT, tableCounts, TEST_PASSWORD } from '../testing/temp-core';

const ROLE_METHODS = (Object.keys(METHODS) as MethodName[]).filter((m) => Array.isArray(METHODS[m].access));
const SESSION_METHODS = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].access === 'session');

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

describe('the idle lock (monotonic clock)', () => {
  async function setup() {
    const env = open();
    const nurse = await env.login(NURSE);
    const admin = await env.login(ADMIN);
    const clinicalCall = () => env.dispatch('patient.search', { query: 'Pe' }, nurse);
    return { ...env, nurse, admin, clinicalCall };
  }

  it('locks after 10 idle minutes by default: clinical calls are LOCKED and change nothing; the password unlocks', async () => {
    const { core, dispatch, clock, nurse, clinicalCall } = await setup();
    const status = ok<{ session: { idleLockMinutes: number; locked: boolean } }>(await dispatch('auth.status', {}, nurse));
    expect(status.session).toMatchObject({ idleLockMinutes: 10, locked: false });

    // Activity just under the limit keeps the session alive, and resets the timer each time.
    for (let i = 0; i < 3; i++) {
      clock.t += 10 * MINUTE - 1;
      expect(codeOf(await clinicalCall())).toBe('ok');
    }
    clock.t += 10 * MINUTE;
    const before = tableCounts(core);
    const refused = await dispatch('patient.create', { ...PATIENT, mrn: 'IDLE-1' }, nurse);
    expect(codeOf(refused)).toBe('LOCKED');
    // The only trace is the audit entry that records the idle lock itself.
    expect(tableCounts(core)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    expect(lastAudit(core)).toMatchObject({ action: 'auth.idleLock', user_name: NURSE.name, user_role: 'nurse' });
    const locked = tableCounts(core);
    expect(codeOf(await dispatch('patient.create', { ...PATIENT, mrn: 'IDLE-2' }, nurse))).toBe('LOCKED');
    expect(codeOf(await clinicalCall())).toBe('LOCKED');
    expect(tableCounts(core)).toEqual(locked);
    expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: { locked: true } });

    const wrong = await dispatch('auth.unlock', { password: WRONG_PASSWORD }, nurse);
    expect(wrong.ok).toBe(false);
    expect(lastAudit(core)).toMatchObject({ action: 'auth.unlockFailed', user_name: NURSE.name });
    expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: { locked: true } });
    expect(codeOf(await clinicalCall())).toBe('LOCKED');

    expect(ok(await dispatch('auth.unlock', { password: TEST_PASSWORD }, nurse))).toMatchObject({ locked: false });
    expect(lastAudit(core)).toMatchObject({ action: 'auth.unlock', user_name: NURSE.name });
    expect(codeOf(await clinicalCall())).toBe('ok');
    // Unlocking restarts the idle time.
    clock.t += 10 * MINUTE - 1;
    expect(codeOf(await clinicalCall())).toBe('ok');
  });

  it('follows the idle time an administrator sets (3 minutes)', async () => {
    const { dispatch, clock, nurse, admin, clinicalCall } = await setup();
    expect(ok(await dispatch('settings.update', { idleLockMinutes: 3 }, admin))).toMatchObject({ idleLockMinutes: 3 });
    expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: { idleLockMinutes: 3 } });
    clock.t += 3 * MINUTE - 1;
    expect(codeOf(await clinicalCall())).toBe('ok');
    clock.t += 3 * MINUTE - 1;
    expect(codeOf(await clinicalCall())).toBe('ok');
    clock.t += 3 * MINUTE;
    expect(codeOf(await clinicalCall())).toBe('LOCKED');
    // The admin, idle just as long, is locked too.
    expect(codeOf(await dispatch('settings.get', {}, admin))).toBe('LOCKED');
  });

  it('ignores wall-clock jumps of a day either way: they neither lock nor unlock', async () => {
    const { dispatch, clock, nurse, clinicalCall } = await setup();
    for (const jump of [24 * 60 * MINUTE, -48 * 60 * MINUTE, 24 * 60 * MINUTE]) {
      clock.wall += jump;
      expect(codeOf(await clinicalCall())).toBe('ok');
      expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: { locked: false } });
    }
    clock.t += 10 * MINUTE;
    expect(codeOf(await clinicalCall())).toBe('LOCKED');
    for (const jump of [-24 * 60 * MINUTE, 48 * 60 * MINUTE, -24 * 60 * MINUTE]) {
      clock.wall += jump;
      expect(codeOf(await clinicalCall())).toBe('LOCKED');
      expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: { locked: true } });
    }
  });

  it('auth.lock locks at once; session methods still work while locked, role methods do not', async () => {
    const { core, dispatch, nurse, clinicalCall } = await setup();
    expect(ok(await dispatch('auth.lock', {}, nurse))).toMatchObject({ locked: true });
    expect(lastAudit(core)).toMatchObject({ action: 'auth.lock', user_name: NURSE.name });
    const before = tableCounts(core);
    for (const method of ROLE_METHODS) {
      expect(codeOf(await dispatch(method, {}, nurse)), method).toBe('LOCKED');
    }
    expect(codeOf(await dispatch('patient.create', { ...PATIENT, mrn: 'LOCK-1' }, nurse))).toBe('LOCKED');
    expect(tableCounts(core)).toEqual(before);

    expect(SESSION_METHODS).toEqual(expect.arrayContaining(['auth.lock', 'auth.logout', 'auth.unlock']));
    expect(ok(await dispatch('auth.lock', {}, nurse))).toMatchObject({ locked: true });
    expect(ok(await dispatch('auth.unlock', { password: TEST_PASSWORD }, nurse))).toMatchObject({ locked: false });
    expect(codeOf(await clinicalCall())).toBe('ok');
    ok(await dispatch('auth.lock', {}, nurse));
    expect(ok(await dispatch('auth.logout', {}, nurse))).toEqual({ ended: true });
    expect(codeOf(await dispatch('auth.unlock', { password: TEST_PASSWORD }, nurse))).toBe('UNAUTHENTICATED');
  });

  it('auth.logout ends the session: the token is then UNAUTHENTICATED everywhere', async () => {
    const { core, dispatch, nurse, clinicalCall } = await setup();
    expect(ok(await dispatch('auth.logout', {}, nurse))).toEqual({ ended: true });
    expect(lastAudit(core)).toMatchObject({ action: 'auth.logout', user_name: NURSE.name });
    expect(codeOf(await clinicalCall())).toBe('UNAUTHENTICATED');
    for (const method of SESSION_METHODS) expect(codeOf(await dispatch(method, { password: TEST_PASSWORD }, nurse)), method).toBe('UNAUTHENTICATED');
    expect(ok(await dispatch('auth.status', {}, nurse))).toMatchObject({ session: null });
  });
});
