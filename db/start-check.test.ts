// After an unclean shutdown a large data file is checked page by page on a
// worker thread before use: meanwhile the app answers (status: checking) and
// refuses every change with a clear reason; then it opens, or sets the file
// aside when the check finds damage.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { openCore } from './core';
import { QUICK_CHECK_ALWAYS_BELOW_BYTES, RUNNING_MARKER } from './integrity';
import { DATABASE_FILE } from './paths';
import { startRuntime } from './runtime';
import { ADMIN, ADMIN_LOGIN, NURSE, ok, PATIENT, tempDir, TEST_PASSWORD_COST, withAct } from './testing/temp-core';

const dirs: string[] = [];
// The key folder beside each data folder (db/keys/key-folder.ts) goes with it.
afterEach(() => dirs.splice(0).forEach((d) => [d, `${d}.keys`].forEach((f) => fs.rmSync(f, { recursive: true, force: true }))));

/** A real data folder above the always-checked size, with one patient, left as a crash leaves it. */
async function largeAfterCrash(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
  ok(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  // Bulk the file up past the threshold (standing in for years of encounters).
  core.db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = core.db.prepare('INSERT INTO bulk (body) VALUES (?)');
  const rows = Math.ceil((QUICK_CHECK_ALWAYS_BELOW_BYTES * 1.2) / 2048);
  core.db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${i}:${'b'.repeat(2000)}`);
  })();
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  // As a crash leaves it: the marker of a run that never closed.
  fs.writeFileSync(path.join(dir, RUNNING_MARKER), '12345\n');
  expect(fs.statSync(path.join(dir, DATABASE_FILE)).size).toBeGreaterThan(QUICK_CHECK_ALWAYS_BELOW_BYTES);
  return dir;
}

describe('the start-up check after a crash, on a large file', () => {
  it('runs on a worker: the app answers meanwhile, refuses changes, then opens with nothing lost', async () => {
    const dir = await largeAfterCrash();
    const lines: string[] = [];
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, log: (line) => lines.push(line) }));
    try {
      expect(runtime.mode()).toBe('checking');
      const during = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(during.mode).toBe('checking');
      expect(during.check?.bytes).toBeGreaterThan(QUICK_CHECK_ALWAYS_BELOW_BYTES);
      // No change of any kind while the file is unchecked, restore and start-empty included.
      for (const [method, input] of [['auth.login', { username: 'x', password: 'y' }], ['recovery.startEmpty', { confirm: 'start-empty' }], ['backup.now', {}]] as const) {
        const refused = await runtime.dispatch(method, input, 'no-session');
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(`${refused.error.code} ${refused.error.message}`).toMatch(/UNAVAILABLE .*being checked after an unexpected shutdown; nothing was changed/);
      }
      await runtime.started;
      expect(runtime.mode()).toBe('ready');
      expect(lines.join('\n')).toMatch(/checking the \d+\.\d GiB data file on a worker thread[\s\S]*quick_check passed \(on a worker thread\)/);
      const patients = ok<{ id: string }[]>(await runtime.act('patient.search', { actor: NURSE, query: PATIENT.familyName }));
      expect(patients).toHaveLength(1);
      const after = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(after).toMatchObject({ mode: 'ready', check: null, problem: null });
    } finally {
      await runtime.close();
    }
  });

  it('damage found by the check: the file is set aside untouched and the app opens the recovery screen', async () => {
    const dir = await largeAfterCrash();
    const file = path.join(dir, DATABASE_FILE);
    // Overwrite pages in the middle of the bulk table: the header and schema still read fine.
    const fd = fs.openSync(file, 'r+');
    const size = fs.statSync(file).size;
    for (let at = Math.floor(size / 2 / 4096) * 4096; at < size / 2 + 40 * 4096; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, at);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(file);
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      expect(runtime.mode()).toBe('checking');
      await runtime.started;
      expect(runtime.mode()).toBe('recovery');
      const status = ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {}));
      expect(status.problem?.damage).toBe('corrupt');
      expect(status.problem?.detail).toMatch(/quick_check/);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.readFileSync(path.join(status.problem!.setAsideTo, DATABASE_FILE)).equals(damagedBytes)).toBe(true);
      // Recovery works as after any damage: start empty on explicit choice.
      ok(await runtime.act('recovery.startEmpty', { actor: ADMIN, ...ADMIN_LOGIN, confirm: 'start-empty' }));
      expect(runtime.mode()).toBe('ready');
    } finally {
      await runtime.close();
    }
  });
});
