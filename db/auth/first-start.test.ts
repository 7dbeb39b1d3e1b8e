// A fresh install has no account; the first administrator is made once, with a strong password.
// Through the real dispatcher on real SQLite files.
import { describe, expect, it } from 'vitest';
import { METHODS, type MethodName } from '#shared/contract/methods';
import { SIGN_IN_REFUSED } from './lockout';
import { clockedCoresPerTest, auditRows, codeOf } from '../testing/clocked-core';
import { ok, PATIENT, tableCounts, TEST_PASSWORD } from '../testing/temp-core';

const NON_PUBLIC = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].access !== 'public');

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

describe('a fresh install', () => {
  it('has no account and no default credentials', async () => {
    const { core, dispatch } = open();
    expect(ok(await dispatch('auth.status', {}))).toEqual({ needsFirstAdmin: true, session: null, needsConsoleCode: false });
    const defaults = [
      ['admin', 'admin'], ['admin', 'password'], ['admin', 'admin123'], ['admin', '123456'], ['admin', 'changeme'],
      ['administrator', 'administrator'], ['root', 'root'], ['user', 'user'], ['nurse', 'nurse'], ['physician', 'physician'],
      ['proceduredesk', 'proceduredesk'], ['admin', TEST_PASSWORD],
    ];
    for (const [username, password] of defaults) {
      const result = await dispatch('auth.login', { username, password });
      expect(result, `${username}/${password}`).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: SIGN_IN_REFUSED } });
    }
    expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    expect(ok(await dispatch('auth.status', {}))).toEqual({ needsFirstAdmin: true, session: null, needsConsoleCode: false });
  });

  it('answers every non-public method without a valid token with UNAUTHENTICATED, changing nothing', async () => {
    const { core, dispatch } = open();
    const before = tableCounts(core);
    expect(NON_PUBLIC.length).toBeGreaterThan(20);
    for (const method of NON_PUBLIC) {
      for (const token of [undefined, null, '', 'f'.repeat(64), 'x'.repeat(5000)]) {
        const result = await dispatch(method, {}, token);
        expect(codeOf(result), `${method} with token ${String(token).slice(0, 10)}`).toBe('UNAUTHENTICATED');
      }
      // Even a fully valid-looking payload learns nothing: the session is checked before the input.
      expect(codeOf(await dispatch(method, { ...PATIENT, username: 'admin', password: 'admin' }))).toBe('UNAUTHENTICATED');
    }
    expect(tableCounts(core)).toEqual(before);
  });

  it('refuses a weak first administrator password, so no guessable account can be made', async () => {
    const { core, dispatch } = open();
    const result = await dispatch('auth.setupFirstAdmin', { username: 'admin', displayName: 'Admin', password: 'admin' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'password' }] } });
    expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
  });
});

describe('the first administrator', () => {
  it('is created once; a second setup is a CONFLICT', async () => {
    const { core, dispatch } = open();
    const first = ok<{ token: string; user: { role: string; username: string }; locked: boolean }>(
      await dispatch('auth.setupFirstAdmin', { username: 'Ada.Admin', displayName: 'Ada Admin', password: TEST_PASSWORD }),
    );
    expect(first.user).toMatchObject({ role: 'admin', username: 'ada.admin' });
    expect(first.locked).toBe(false);
    const second = await dispatch('auth.setupFirstAdmin', { username: 'mallory', displayName: 'Mallory', password: TEST_PASSWORD });
    expect(codeOf(second)).toBe('CONFLICT');
    expect(core.db.prepare('SELECT username, role FROM users').all()).toEqual([{ username: 'ada.admin', role: 'admin' }]);
    expect(codeOf(await dispatch('auth.login', { username: 'mallory', password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(ok(await dispatch('auth.status', {}, first.token))).toMatchObject({ needsFirstAdmin: false, session: { user: { username: 'ada.admin' } } });
  });

  it('stores the clinic time zone chosen at set-up (prefilled from the computer), and refuses an unknown one with nothing created', async () => {
    const { core, dispatch } = open();
    const bad = await dispatch('auth.setupFirstAdmin', { username: 'ada', displayName: 'Ada Admin', password: TEST_PASSWORD, timeZone: 'Mars/Olympus' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'timeZone' }] } });
    expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    const view = ok<{ token: string; timeZone: string }>(
      await dispatch('auth.setupFirstAdmin', { username: 'ada', displayName: 'Ada Admin', password: TEST_PASSWORD, timeZone: 'America/Chicago' }),
    );
    expect(view.timeZone).toBe('America/Chicago');
    // Stored, not the host's zone read again at each start.
    expect(core.db.prepare("SELECT value_json FROM settings WHERE key = 'timeZone'").pluck().get()).toBe('"America/Chicago"');
    expect(ok(await dispatch('settings.get', {}, view.token))).toMatchObject({ timeZone: 'America/Chicago' });
  });

  it('without a zone given, stores the host zone at set-up so it no longer follows the machine', async () => {
    const { core, dispatch } = open();
    ok(await dispatch('auth.setupFirstAdmin', { username: 'ada', displayName: 'Ada Admin', password: TEST_PASSWORD }));
    const stored = core.db.prepare("SELECT value_json FROM settings WHERE key = 'timeZone'").pluck().get() as string;
    expect(JSON.parse(stored)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });

  it('two concurrent first starts leave exactly one administrator (the loser gets CONFLICT)', async () => {
    const { core, dispatch } = open();
    const results = await Promise.all([
      dispatch('auth.setupFirstAdmin', { username: 'first', displayName: 'First Admin', password: TEST_PASSWORD }),
      dispatch('auth.setupFirstAdmin', { username: 'second', displayName: 'Second Admin', password: TEST_PASSWORD }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    expect(core.db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck().get()).toBe(1);
    expect(auditRows(core, 'users.create')).toHaveLength(1);
  });
});
