// After an unclean shutdown a large data file is checked page by page in the
// background: the app is usable at once (sign in, worklist, checklist), every
// change acknowledged meanwhile is also in the encrypted side journal, and when
// the check finds damage the newest verified backup is restored and the journal
// replayed, so every acknowledged change is there afterwards. The check is held
// by a test hook until the writes are acknowledged (state, not time).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '#shared/contract/dispatcher';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { createBackup } from './backup';
import { CHECK_JOURNAL_FILE } from './check-journal';
import { openCore } from './core';
import { backupsDir } from './handlers/recovery';
import { QUICK_CHECK_ALWAYS_BELOW_BYTES, RUNNING_MARKER } from './integrity';
import { DATABASE_FILE } from './paths';
import { startRuntime } from './runtime';
import { keyOf, NURSE, ok, PATIENT, PHYSICIAN, TEST_PASSWORD, TEST_PASSWORD_COST, tempDir, usernameOf, withAct } from './testing/temp-core';

const dirs: string[] = [];
// The key folder beside each data folder (db/keys/key-folder.ts) goes with it.
afterEach(() => dirs.splice(0).forEach((d) => [d, `${d}.keys`].forEach((f) => fs.rmSync(f, { recursive: true, force: true }))));

/** A real data folder above the always-checked size, with accounts and a verified backup, left as a crash leaves it. */
async function largeAfterCrash(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
  // The accounts exist before the crash (creating one needs a password, which waits for the check).
  ok(await core.act('patient.search', { actor: NURSE, query: 'x' }));
  ok(await core.act('patient.search', { actor: PHYSICIAN, query: 'x' }));
  // Bulk the file up past the threshold (standing in for years of encounters).
  core.db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = core.db.prepare('INSERT INTO bulk (body) VALUES (?)');
  const rows = Math.ceil((QUICK_CHECK_ALWAYS_BELOW_BYTES * 1.2) / 2048);
  core.db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${i}:${'b'.repeat(2000)}`);
  })();
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  await createBackup(core.db, keyOf(dir), backupsDir(dir));
  core.close();
  // As a crash leaves it: the marker of a run that never closed.
  fs.writeFileSync(path.join(dir, RUNNING_MARKER), '12345\n');
  expect(fs.statSync(path.join(dir, DATABASE_FILE)).size).toBeGreaterThan(QUICK_CHECK_ALWAYS_BELOW_BYTES);
  return dir;
}

/** The check waits for release(): the test decides when it runs. */
function held(): { hold: Promise<void>; release: () => void } {
  let release = () => undefined as void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
}

const login = async (dispatch: Dispatch, who: Parameters<typeof usernameOf>[0]) => ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(who), password: TEST_PASSWORD })).token;

/** Work done while the check is held; returns every acknowledged answer and what to look for afterwards. */
async function workDuringCheck(dispatch: Dispatch) {
  const nurse = await login(dispatch, NURSE);
  const physician = await login(dispatch, PHYSICIAN);
  const patient = ok<{ id: string }>(await dispatch('patient.create', PATIENT, nurse));
  const encounter = ok<{ id: string }>(await dispatch('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'x',
  }, nurse));
  ok(await dispatch('encounter.list', { date: '2026-11-24', query: '' }, nurse));
  const items = ['infection', 'bleeding'];
  const acknowledged: unknown[] = [];
  for (const itemId of items) acknowledged.push(ok(await dispatch('checklist.setItem', { encounterId: encounter.id, itemId, status: 'checked' }, physician)));
  // The checklist as acknowledged, with who and when: it must read the same after any recovery.
  const checklist = ok<{ items: unknown[] }>(await dispatch('encounter.get', { encounterId: encounter.id }, nurse)).items;
  return { patient, encounter, acknowledged, checklist };
}

async function expectAllThere(dispatch: Dispatch, work: Awaited<ReturnType<typeof workDuringCheck>>): Promise<void> {
  const nurse = await login(dispatch, NURSE);
  const found = ok<{ id: string }[]>(await dispatch('patient.search', { query: PATIENT.familyName }, nurse));
  expect(found.map((p) => p.id)).toEqual([work.patient.id]);
  const list = ok<{ encounter: { id: string } }[]>(await dispatch('encounter.list', { date: '2026-11-24', query: '' }, nurse));
  expect(list.map((row) => row.encounter.id)).toContain(work.encounter.id);
  const encounter = ok<{ items: { status: string; updatedBy: { name: string } }[] }>(await dispatch('encounter.get', { encounterId: work.encounter.id }, nurse));
  expect(encounter.items).toEqual(work.checklist);
  expect(encounter.items.filter((i) => i.status === 'checked').map((i) => i.updatedBy.name)).toEqual([PHYSICIAN.name, PHYSICIAN.name]);
}

describe('the check after a crash, in the background', () => {
  it('the app is usable before the check ends; a change needing a password waits; the journal goes when the check passes', async () => {
    const dir = await largeAfterCrash();
    const { hold, release } = held();
    const lines: string[] = [];
    const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, holdCheck: hold, log: (line) => { lines.push(line); if (process.env.DEBUG_CHECK) console.log(line); } });
    try {
      const during = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(during).toMatchObject({ mode: 'ready', problem: null });
      expect(during.check?.bytes).toBeGreaterThan(QUICK_CHECK_ALWAYS_BELOW_BYTES);
      expect(during.check?.expectedSeconds).toBeGreaterThan(0);
      const work = await workDuringCheck(runtime.dispatch);
      // The side journal holds the changes, encrypted and owner-only: no patient name in its bytes.
      const journal = fs.readFileSync(path.join(dir, CHECK_JOURNAL_FILE));
      expect(journal.length).toBeGreaterThan(0);
      expect(journal.includes(Buffer.from(PATIENT.familyName))).toBe(false);
      if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, CHECK_JOURNAL_FILE)).mode & 0o777).toBe(0o600);
      // A change that needs a password is not written down: it waits for the check, changing nothing.
      const physician = await login(runtime.dispatch, PHYSICIAN);
      const refused = await runtime.dispatch('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase 42' }, physician);
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/waits until the background check .* never written down/) } });
      expect(await runtime.dispatch('backup.now', {}, physician)).toMatchObject({ ok: false });

      release();
      await runtime.started;
      expect(lines.join('\n')).toMatch(/background quick_check passed/);
      expect(fs.existsSync(path.join(dir, CHECK_JOURNAL_FILE))).toBe(false);
      expect(ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}))).toMatchObject({ mode: 'ready', check: null, damageAfterCheck: null });
      await expectAllThere(runtime.dispatch, work);
    } finally {
      release();
      await runtime.close();
    }
  }, 240_000);

  it('damage found after changes were acknowledged: the backup is restored, the journal replayed, nothing acknowledged lost', async () => {
    const dir = await largeAfterCrash();
    const file = path.join(dir, DATABASE_FILE);
    const { hold, release } = held();
    const lines: string[] = [];
    const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, holdCheck: hold, log: (line) => { lines.push(line); if (process.env.DEBUG_CHECK) console.log(line); } });
    try {
      const work = await workDuringCheck(runtime.dispatch);
      // Damage where the check will find it: pages in the middle of the bulk table, which the app does not touch.
      const fd = fs.openSync(file, 'r+');
      const size = fs.statSync(file).size;
      for (let at = Math.floor(size / 2 / 4096) * 4096; at < size / 2 + 40 * 4096; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, at);
      fs.closeSync(fd);
      release();
      await runtime.started;
      const status = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(status.mode).toBe('ready');
      expect(status.damageAfterCheck).toMatchObject({ replayed: 4, keptForAdministrator: 0, journalKeptAt: null, restoredBackup: expect.stringMatching(/^proceduredesk-/) });
      // Four changes were acknowledged (patient, encounter, two checklist items); sign-ins and reads are not journaled.
      // The damaged file is set aside.
      expect(fs.existsSync(path.join(status.damageAfterCheck!.setAsideTo, DATABASE_FILE))).toBe(true);
      expect(fs.existsSync(path.join(dir, CHECK_JOURNAL_FILE))).toBe(false);
      await expectAllThere(runtime.dispatch, work);
      expect(lines.join('\n')).toMatch(/replayed 4 of 4 change/);
    } finally {
      release();
      await runtime.close();
    }
  }, 240_000);
});
