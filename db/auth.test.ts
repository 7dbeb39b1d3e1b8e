// Accounts, sign-in, lockout, the idle lock and role-based access, through the
// real dispatcher on real SQLite files. Clocks are injected: a wall clock for
// timestamps and lockouts, a monotonic one for idle time.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import { METHODS, roleAllowed, type Access, type MethodName } from '#shared/contract/methods';
import { DEFAULT_COST, hashPassword } from './auth/password';
import { LOCKOUT, SIGN_IN_REFUSED } from './auth/lockout';
import type { CoreOptions } from './core';
import {
  ADMIN,
  NURSE,
  ok,
  openTempCore,
  PATIENT,
  PHYSICIAN,
  RECORDS,
  signIn,
  tableCounts,
  TEST_PASSWORD,
  TEST_PASSWORD_COST,
  usernameOf,
  type TempCore,
} from './testing/temp-core';

const MINUTE = 60_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');
const WRONG = 'not the password at all';
const REFUSED = SIGN_IN_REFUSED;
const TEMPLATE = 'lumbar-medial-branch-block';

const opened: TempCore[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.cleanup();
});

/** A real core on a temp file, with clocks the test moves by hand. */
function open(extra: Partial<CoreOptions> = {}) {
  const clock = { t: 1_000, wall: START };
  const core = openTempCore({ monotonic: () => clock.t, now: () => new Date(clock.wall), ...extra });
  opened.push(core);
  const tokens = new Map<string, string>();
  return { core, clock, tokens, dispatch: core.dispatch, login: (who: typeof NURSE | typeof PHYSICIAN | typeof ADMIN | typeof RECORDS) => signIn(core.dispatch, who, tokens) };
}

const codeOf = (envelope: Envelope<unknown>): string => (envelope.ok ? 'ok' : envelope.error.code);

type Row = { id: string; username: string; display_name: string; password_hash: string; failed_attempts: number; locked_until: string | null; active: number; password_changed_at: string };
const userRow = (core: TempCore, username: string) => core.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
type AuditRow = { seq: number; at: string; user_name: string; user_role: string; action: string; target: string | null };
const auditRows = (core: TempCore, action?: string) =>
  (action
    ? core.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action)
    : core.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()) as AuditRow[];
const lastAudit = (core: TempCore) => core.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;

const ROLE_METHODS = (Object.keys(METHODS) as MethodName[]).filter((m) => Array.isArray(METHODS[m].access));
const SESSION_METHODS = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].access === 'session');
const NON_PUBLIC = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].access !== 'public');

async function newPatientAndEncounter(dispatch: TempCore['dispatch'], token: string, mrn: string) {
  const patient = ok<{ id: string }>(await dispatch('patient.create', { ...PATIENT, mrn }, token));
  const encounter = ok<{ id: string }>(
    await dispatch('encounter.create', { patientId: patient.id, templateId: TEMPLATE, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.' }, token),
  );
  return { patientId: patient.id, encounterId: encounter.id };
}

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
      expect(result, `${username}/${password}`).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: REFUSED } });
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

describe('password storage', () => {
  const SECRET = 'Unique-Secret-Phrase-7731';

  it('stores salted scrypt hashes that record N, r, p, never the password, and never shows the hash', async () => {
    const { core, dispatch, login } = open();
    const admin = await login(ADMIN);
    for (const [username, displayName] of [['one', 'User One'], ['two', 'User Two']]) {
      ok(await dispatch('users.create', { username, displayName, role: 'nurse', password: SECRET, holder: 'someone-else' }, admin));
    }
    const one = userRow(core, 'one')!;
    const two = userRow(core, 'two')!;
    for (const row of [one, two]) {
      expect(row.password_hash.startsWith('scrypt$')).toBe(true);
      const [scheme, n, r, p, salt, hash] = row.password_hash.split('$');
      expect({ scheme, N: Number(n), r: Number(r), p: Number(p) }).toEqual({ scheme: 'scrypt', ...TEST_PASSWORD_COST });
      expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
      expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
      for (const form of [SECRET, SECRET.toLowerCase(), Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex')]) {
        expect(row.password_hash).not.toContain(form);
      }
    }
    expect(one.password_hash).not.toBe(two.password_hash);
    expect(one.password_hash.split('$')[4]).not.toBe(two.password_hash.split('$')[4]);
    // Both still sign in with the same password.
    ok(await dispatch('auth.login', { username: 'one', password: SECRET }));
    ok(await dispatch('auth.login', { username: 'two', password: SECRET }));

    // Nowhere in the data file or its WAL.
    core.db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of [core.databaseFile, `${core.databaseFile}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(SECRET)).toBe(false);
    }

    const list = ok<Record<string, unknown>[]>(await dispatch('users.list', {}, admin));
    expect(list).toHaveLength(3);
    for (const user of list) {
      expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'createdBy', 'createdForSelf', 'displayName', 'id', 'lockedUntil', 'passwordResetAt', 'passwordResetBy', 'role', 'signingKeyId', 'username']);
    }
    const shown = JSON.stringify(list) + JSON.stringify(ok(await dispatch('auth.status', {}, admin))) + JSON.stringify(await dispatch('auth.login', { username: 'one', password: SECRET }));
    expect(shown).not.toContain('scrypt');
    expect(shown).not.toContain(one.password_hash.split('$')[5]);
    expect(shown).not.toContain(SECRET);
  });

  it('uses scrypt N=2^15, r=8, p=1 outside tests', async () => {
    expect(DEFAULT_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect((await hashPassword(SECRET)).startsWith('scrypt$32768$8$1$')).toBe(true);
  });
});

describe('lockout after failed sign-ins', () => {
  async function setup() {
    const env = open();
    const admin = await env.login(ADMIN);
    await env.login(NURSE);
    const nurse = userRow(env.core, usernameOf(NURSE))!;
    const attempt = (password: string) => env.dispatch('auth.login', { username: usernameOf(NURSE), password });
    const lockOut = async () => {
      for (let i = 0; i < LOCKOUT.attempts; i++) expect(await attempt(WRONG)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: REFUSED } });
    };
    return { ...env, admin, nurse, attempt, lockOut };
  }

  it(`locks the account after ${LOCKOUT.attempts} wrong passwords, even against the right one, and audits it`, async () => {
    const { core, attempt, lockOut, nurse, clock } = await setup();
    await lockOut();
    // Refused as any sign-in is (the answer never tells a lock from an unknown name: reauth-lockout.test.ts).
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: REFUSED } });
    expect(REFUSED).toContain('locked');
    expect(codeOf(await attempt(WRONG))).toBe('UNAUTHENTICATED');
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
    for (let i = 0; i < LOCKOUT.attempts - 1; i++) expect(codeOf(await attempt(WRONG))).toBe('UNAUTHENTICATED');
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
    const results = await Promise.all(Array.from({ length: 4 * LOCKOUT.attempts }, () => attempt(WRONG)));
    expect(results.every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    expect(auditRows(core, 'auth.loginRefusedLockedOut').filter((r) => r.target === `user:${nurse.id}`)).toHaveLength(3 * LOCKOUT.attempts);
    expect(userRow(core, usernameOf(NURSE))!.locked_until).not.toBeNull();
    expect(codeOf(await attempt(TEST_PASSWORD))).toBe('UNAUTHENTICATED');
    expect(auditRows(core, 'auth.loginFailed').filter((r) => r.target === `user:${nurse.id}`)).toHaveLength(LOCKOUT.attempts);
    expect(auditRows(core, 'auth.accountLocked')).toHaveLength(1);
  });

  it('refuses unknown usernames exactly like wrong passwords (no hint that an account exists)', async () => {
    const { dispatch, attempt } = await setup();
    const wrongPassword = await attempt(WRONG);
    for (const username of ['nobody', 'nina', 'nina.nurse.', 'admin']) {
      expect(await dispatch('auth.login', { username, password: WRONG })).toEqual(wrongPassword);
      expect(await dispatch('auth.login', { username, password: TEST_PASSWORD })).toEqual(wrongPassword);
    }
    expect(wrongPassword).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: REFUSED } });
  });
});

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

    const wrong = await dispatch('auth.unlock', { password: WRONG }, nurse);
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

describe('role-based access', () => {
  it('refuses exactly the methods whose access list leaves the role out (FORBIDDEN, nothing changed)', async () => {
    const { core, dispatch, login } = open();
    const tokens = { nurse: await login(NURSE), physician: await login(PHYSICIAN), admin: await login(ADMIN), records: await login(RECORDS) };
    const { patientId, encounterId } = await newPatientAndEncounter(dispatch, tokens.nurse, 'ROLE-0');
    const nurseId = userRow(core, usernameOf(NURSE))!.id;
    let n = 0;
    /** Inputs that are valid (or at least reach validation) for each method; anything else gets {}. */
    const inputFor = (method: MethodName): unknown => {
      n++;
      const samples: Partial<Record<MethodName, unknown>> = {
        'auth.changePassword': { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        'users.create': { username: `role.${n}`, displayName: `Role Test ${n}`, role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' },
        // An account that does not exist: a real reset would end the nurse's sessions mid-matrix.
        'users.resetPassword': { userId: '00000000-0000-4000-8000-000000000000', newPassword: TEST_PASSWORD, adminPassword: TEST_PASSWORD },
        'users.setActive': { userId: nurseId, active: true },
        'users.clearLockout': { userId: nurseId },
        'settings.update': { idleLockMinutes: 10 },
        'library.get': { templateId: TEMPLATE, version: 1 },
        'patient.create': { ...PATIENT, mrn: `ROLE-${n}` },
        'patient.search': { query: 'Pe' },
        'encounter.create': { patientId, templateId: TEMPLATE, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.' },
        'encounter.list': {},
        'encounter.get': { encounterId },
        'checklist.setItem': { encounterId, itemId: 'infection', status: 'checked' },
        'consent.save': {
          encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: null,
        },
        'note.export': { encounterId },
        'library.acceptFact': { templateId: TEMPLATE, version: 1, factId: 'no-such-fact', comment: 'Reaches the handler.' },
        'library.publish': { basedOnVersion: 1, template: {} },
        'library.diff': { templateId: TEMPLATE, from: 1, to: 1 },
        'library.export': { templateIds: [TEMPLATE] },
        'library.import': { document: '{}' },
        'library.questionnaire': { templateId: TEMPLATE, version: 1 },
        'recovery.restoreBackup': { backup: 'proceduredesk-2026-01-01T00-00-00-000Z.backup.sqlite', username: 'ada', password: TEST_PASSWORD },
        'recovery.startEmpty': { confirm: 'start-empty' },
        'audit.list': { limit: 5 },
        'demo.seed': { today: '2026-11-24' },
      };
      return method in samples ? samples[method] : {};
    };

    expect(ROLE_METHODS.length).toBeGreaterThan(20);
    const refusals: string[] = [];
    for (const method of ROLE_METHODS) {
      const access = METHODS[method].access as Exclude<Access, 'public' | 'session'>;
      for (const role of ['nurse', 'physician', 'admin', 'records'] as const) {
        const before = tableCounts(core);
        const result = await dispatch(method, inputFor(method), tokens[role]);
        const code = codeOf(result);
        expect(['UNAUTHENTICATED', 'LOCKED'], `${method} as ${role}: ${JSON.stringify(result).slice(0, 300)}`).not.toContain(code);
        if (roleAllowed(access, role)) {
          expect(code, `${method} as ${role}: ${JSON.stringify(result).slice(0, 300)}`).not.toBe('FORBIDDEN');
        } else {
          expect(code, `${method} as ${role}`).toBe('FORBIDDEN');
          expect(tableCounts(core), `${method} as ${role} changed something`).toEqual(before);
          refusals.push(`${method}:${role}`);
        }
      }
    }
    // Spot checks that the matrix means what the clinic expects.
    expect(refusals).toEqual(expect.arrayContaining(['patient.create:admin', 'encounter.get:admin', 'users.create:nurse', 'users.create:physician', 'library.publish:nurse', 'audit.list:nurse', 'settings.update:physician']));
    expect(refusals).not.toContain('encounter.get:nurse');
    expect(refusals).toEqual(expect.arrayContaining(['patient.create:records', 'checklist.setItem:records', 'note.sign:records', 'users.create:records']));
    expect(refusals).not.toContain('export.startBatch:records');
  });
});

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
    const wrong = await dispatch('auth.changePassword', { currentPassword: WRONG, newPassword: 'a brand new passphrase' }, nurse);
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
