// No way in for another local user (issue 16.4), in the core and the runtime:
// whoever holds the loopback host's launch secret is not thereby anyone. Restoring
// or starting empty needs an administrator of the file that takes the database's
// place; with no backup, and for the first administrator, browser mode needs the
// one-time code printed on the console that started the app. And a restore done
// through the app re-seals the audit trail (no false alarm), recording how far back it went.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '#shared/contract/audit';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { createConsoleCode } from './console-code';
import { DATABASE_FILE } from '../paths';
import { startRuntime, type Runtime, type RuntimeOptions } from '../runtime';
import { populatedDataDir } from '../testing/populated';
import { ADMIN, ADMIN_LOGIN, keyOf, NURSE, ok, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, TEST_PASSWORD_COST, usernameOf, withAct } from '../testing/temp-core';

const dirs: string[] = [];
const runtimes: Runtime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  dirs.splice(0).forEach((d) => [d, `${d}.keys`].forEach((f) => fs.rmSync(f, { recursive: true, force: true })));
});

/** A console that keeps what the host printed; `code()` is the newest one-time code on it. */
function fakeConsole() {
  const lines: string[] = [];
  const consoleCode = createConsoleCode((line) => lines.push(line));
  const code = (purpose: RegExp): string => {
    const line = lines.filter((l) => purpose.test(l)).at(-1);
    if (!line) throw new Error(`no code printed for ${String(purpose)}: ${lines.join(' | ')}`);
    return line.slice(-11);
  };
  return { lines, consoleCode, code };
}

/** A data folder with accounts, a patient and one backup, closed cleanly; then its file damaged. */
async function damagedWithBackup(): Promise<string> {
  const dir = await populatedDataDir();
  dirs.push(dir);
  fs.truncateSync(path.join(dir, DATABASE_FILE), 0);
  return dir;
}

function start(dir: string, extra: Partial<RuntimeOptions> = {}) {
  const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, ...extra }));
  runtimes.push(runtime);
  return runtime;
}

const backupOf = async (runtime: ReturnType<typeof start>): Promise<string> => ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {})).backups[0]!.name;

describe('recovery needs an administrator of the file that replaces the database', () => {
  it('restoring: refused with no sign-in, a wrong password or a clinician; an administrator of that backup restores', async () => {
    const dir = await damagedWithBackup();
    const runtime = start(dir);
    const backup = await backupOf(runtime);
    // The old request, as anyone with the launch secret sent it.
    expect(await runtime.dispatch('recovery.restoreBackup', { backup })).toMatchObject({ ok: false });
    expect(await runtime.dispatch('recovery.restoreBackup', { backup, username: ADMIN_LOGIN.username, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await runtime.dispatch('recovery.restoreBackup', { backup, username: usernameOf(NURSE), password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(runtime.mode()).toBe('recovery');
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);

    const restored = ok<RecoveryStatus>(await runtime.dispatch('recovery.restoreBackup', { backup, ...ADMIN_LOGIN }));
    expect(restored).toMatchObject({ mode: 'ready', auditAlarm: null });
    const trail = ok<{ entries: AuditEntryView[]; verdict: { ok: boolean } }>(await runtime.act('audit.list', { actor: PHYSICIAN }));
    expect(trail.verdict).toMatchObject({ ok: true });
    expect(trail.entries.find((e) => e.action === 'recovery.restoreBackup')?.user).toEqual({ name: ADMIN.name, role: 'admin' });
  });

  it('starting empty: refused without an administrator of the newest backup, so nobody can then make themselves the first administrator', async () => {
    const dir = await damagedWithBackup();
    const runtime = start(dir);
    expect(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty', username: ADMIN_LOGIN.username, password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(runtime.mode()).toBe('recovery');
    expect(await runtime.dispatch('auth.setupFirstAdmin', { username: 'mallory', displayName: 'Mallory', password: 'a long enough password' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    ok(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty', ...ADMIN_LOGIN }));
    expect(runtime.mode()).toBe('ready');
    const entries = ok<{ entries: AuditEntryView[] }>(await runtime.act('audit.list', { actor: ADMIN })).entries;
    expect(entries.find((e) => e.action === 'recovery.startEmpty')?.user.name).toBe(ADMIN.name);
  });

  it('five wrong administrator passwords stop recovery for a while', async () => {
    const dir = await damagedWithBackup();
    const runtime = start(dir);
    const backup = await backupOf(runtime);
    for (let i = 0; i < 5; i += 1) await runtime.dispatch('recovery.restoreBackup', { backup, username: ADMIN_LOGIN.username, password: `guess ${i}` });
    const refused = await runtime.dispatch('recovery.restoreBackup', { backup, ...ADMIN_LOGIN });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/Too many wrong administrator passwords/) as unknown } });
    expect(runtime.mode()).toBe('recovery');
  });

  it('with no backup at all, browser mode asks for the console code; the desktop app (its window is the console) does not', async () => {
    for (const withConsole of [true, false]) {
      const dir = tempDir();
      dirs.push(dir);
      // An installation (its key in the key folder) whose only data file is damaged, with no backup.
      keyOf(dir);
      fs.writeFileSync(path.join(dir, DATABASE_FILE), 'not a database');
      const con = fakeConsole();
      const runtime = start(dir, withConsole ? { consoleCode: con.consoleCode } : {});
      const status = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(status.needsConsoleCode).toBe(withConsole);
      if (withConsole) {
        expect(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty', consoleCode: 'AAAAA-AAAAA' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(runtime.mode()).toBe('recovery');
      }
      const code = withConsole ? con.code(/start with an empty database/) : undefined;
      ok(await runtime.dispatch('recovery.startEmpty', { confirm: 'start-empty', ...(code ? { consoleCode: code.toLowerCase() } : {}) }));
      expect(runtime.mode()).toBe('ready');
      // The empty database asks for its first administrator, with a fresh code in browser mode.
      expect(ok<{ needsConsoleCode: boolean }>(await runtime.dispatch('auth.status', {})).needsConsoleCode).toBe(withConsole);
    }
  });
});

describe('the first administrator in browser mode needs the code printed on the console', () => {
  it('without it, or with a wrong one, nothing is created and the refusal is audited; five wrong codes replace it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const con = fakeConsole();
    const runtime = start(dir, { consoleCode: con.consoleCode });
    const first = { username: 'ada.admin', displayName: ADMIN.name, password: TEST_PASSWORD };
    expect(ok(await runtime.dispatch('auth.status', {}))).toMatchObject({ needsFirstAdmin: true, needsConsoleCode: true });
    // The old request, as another local account sent it with the stolen launch secret.
    expect(await runtime.dispatch('auth.setupFirstAdmin', first)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const printed = con.code(/create the first administrator/);
    for (let i = 0; i < 4; i += 1) expect((await runtime.dispatch('auth.setupFirstAdmin', { ...first, consoleCode: `WRONG-000${i}` })).ok).toBe(false);
    expect(ok<{ needsFirstAdmin: boolean }>(await runtime.dispatch('auth.status', {})).needsFirstAdmin).toBe(true);
    // The fifth wrong code retires the printed one: it no longer works, and a new one is printed.
    expect((await runtime.dispatch('auth.setupFirstAdmin', { ...first, consoleCode: 'WRONG-0004' })).ok).toBe(false);
    expect(await runtime.dispatch('auth.setupFirstAdmin', { ...first, consoleCode: printed })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const fresh = con.code(/create the first administrator/);
    expect(fresh).not.toBe(printed);
    const session = ok<{ user: { role: string } }>(await runtime.dispatch('auth.setupFirstAdmin', { ...first, consoleCode: ` ${fresh.replace('-', ' ')} ` }));
    expect(session.user.role).toBe('admin');
    const refusals = runtime.core()!.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.consoleCodeRefused'").pluck().get();
    expect(refusals).toBe(7);
  });
});

describe('a restore through the app is not mistaken for a replayed trail', () => {
  it('re-seals, records how far the trail went back, and keeps verifying', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const runtime = start(dir);
    ok(await runtime.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'KEEP-1' }));
    const backup = ok<RecoveryStatus>(await runtime.act('backup.now', { actor: NURSE })).backups[0]!.name;
    ok(await runtime.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'LATER-2' }));
    const before = runtime.core()!.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    const restored = ok<RecoveryStatus>(await runtime.act('recovery.restoreBackup', { actor: ADMIN, backup, ...ADMIN_LOGIN }));
    expect(restored.auditAlarm).toBeNull();
    const page = ok<{ entries: AuditEntryView[]; verdict: { ok: boolean } }>(await runtime.act('audit.list', { actor: ADMIN }));
    expect(page.verdict).toMatchObject({ ok: true });
    const entry = page.entries.find((e) => e.action === 'recovery.restoreBackup')!;
    expect(entry.target).toMatch(new RegExp(`^backup:${backup.replace(/\./g, '\\.')}; the audit trail went from entry ${before} \\(seal #\\d+\\) to entry \\d+$`));
    ok(await runtime.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'AFTER-3' }));
    expect(ok(await runtime.act('audit.verify', { actor: ADMIN }))).toMatchObject({ ok: true });
  });
});
