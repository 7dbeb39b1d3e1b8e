// Start-up integrity on a corpus of damaged files made here: each is set aside
// untouched, the app starts in recovery mode (never on a fresh empty file), and
// a backup can be restored or, on explicit choice, an empty database started.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { backupAsFile, createBackup, GENERATION_SUFFIX, listBackups } from './backup';
import { openKeyed } from './connection';
import { SEALED_SUFFIX, unsealFile } from './keys/sealed-file';
import { openCore } from './core';
import { backupsDir } from './handlers/recovery';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { DATABASE_FILE } from './paths';
import { startRuntime } from './runtime';
import { ADMIN, ADMIN_LOGIN, keyOf, NURSE, ok, PATIENT, tempDir } from './testing/temp-core';
import { TEST_PASSWORD_COST, testKey, withAct } from './testing/temp-core';
import { populatedDataDir } from './testing/populated';

const dirs: string[] = [];
// The key folder beside each data folder (db/keys/key-folder.ts) goes with it.
afterEach(() => dirs.splice(0).forEach((d) => [d, `${d}.keys`].forEach((f) => fs.rmSync(f, { recursive: true, force: true }))));

/** A data folder holding a real database with one patient and one backup, closed cleanly. */
async function populated(): Promise<{ dir: string; file: string }> {
  const dir = await populatedDataDir();
  dirs.push(dir);
  return { dir, file: path.join(dir, DATABASE_FILE) };
}

type Damage = (file: string) => void;
const PAGE = 4096;
const CORPUS: [string, Damage, string][] = [
  ['header zeroed', (f) => { const fd = fs.openSync(f, 'r+'); fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0); fs.closeSync(fd); }, 'not-sqlite'],
  ['random pages overwritten', (f) => {
    const fd = fs.openSync(f, 'r+');
    const pages = Math.floor(fs.statSync(f).size / PAGE);
    for (let p = 1; p < pages; p += 2) fs.writeSync(fd, Buffer.from(Array.from({ length: PAGE }, (_, i) => (i * 31 + p * 7) % 256)), 0, PAGE, p * PAGE);
    fs.closeSync(fd);
  }, 'corrupt'],
  ['truncated to half', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2 / PAGE) * PAGE), 'corrupt'],
  ['zero length', (f) => fs.truncateSync(f, 0), 'empty-file'],
  ['a directory in its place', (f) => { fs.rmSync(f); fs.mkdirSync(f); }, 'not-a-file'],
  ['not SQLite at all', (f) => fs.writeFileSync(f, 'PATIENT LIST\nthis is a text file that someone saved here\n'.repeat(20)), 'not-sqlite'],
  ['another application\'s SQLite file', (f) => { fs.rmSync(f); const d = new Database(f); d.exec('CREATE TABLE songs (title TEXT)'); d.close(); }, 'foreign'],
  ['a newer app version\'s file', (f) => { const d = openKeyed(f, keyOf(path.dirname(f))); d.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`); d.close(); }, 'newer-version'],
  ['a database encrypted with another key', (f) => { fs.rmSync(f); const d = openKeyed(f, testKey()); d.exec('CREATE TABLE patients (name TEXT)'); d.close(); }, 'not-sqlite'],
];

describe('start-up integrity', () => {
  it.each(CORPUS)('%s: set aside untouched, recovery mode, never a fresh empty file', async (_name, damage, expected) => {
    const { dir, file } = await populated();
    damage(file);
    const isFile = fs.statSync(file).isFile();
    const before = isFile ? fs.readFileSync(file) : null;

    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      expect(runtime.mode()).toBe('recovery');
      const status = ok<RecoveryStatus>(await runtime.act('recovery.status', {}));
      expect(status.problem?.damage).toBe(expected);
      // Moved aside byte for byte (a plaintext SQLite file sealed, and unsealed to the same bytes); nothing was created in its place.
      const setAside = path.join(status.problem!.setAsideTo, DATABASE_FILE);
      if (before && fs.existsSync(`${setAside}${SEALED_SUFFIX}`)) {
        expect(before.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
        expect(fs.existsSync(setAside)).toBe(false);
        unsealFile(`${setAside}${SEALED_SUFFIX}`, keyOf(dir), path.join(dir, 'unsealed'));
        expect(fs.readFileSync(path.join(dir, 'unsealed')).equals(before)).toBe(true);
      } else if (before) expect(fs.readFileSync(setAside).equals(before)).toBe(true);
      else expect(fs.statSync(setAside).isDirectory()).toBe(true);
      expect(fs.existsSync(file)).toBe(false);
      // Nothing else works until the user chooses.
      expect(await runtime.act('patient.search', { query: 'Pe' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(await runtime.act('recovery.startEmpty', { actor: ADMIN })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(fs.existsSync(file)).toBe(false);

      // Restoring the newest good backup brings the data back.
      expect(status.backups).toHaveLength(1);
      const restored = ok<RecoveryStatus>(await runtime.act('recovery.restoreBackup', { actor: ADMIN, ...ADMIN_LOGIN, backup: status.backups[0]!.name }));
      expect(restored.mode).toBe('ready');
      expect(ok<unknown[]>(await runtime.act('patient.search', { query: 'Pe' }))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  });

  it('starts empty only on explicit choice, keeping the damaged file aside', async () => {
    const { dir, file } = await populated();
    fs.truncateSync(file, 0);
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      const status = ok<RecoveryStatus>(await runtime.act('recovery.startEmpty', { actor: ADMIN, ...ADMIN_LOGIN, confirm: 'start-empty' }));
      expect(status.mode).toBe('ready');
      expect(ok<unknown[]>(await runtime.act('patient.search', { query: 'Pe' }))).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'quarantine'))).toHaveLength(1);
      expect(await runtime.act('recovery.startEmpty', { actor: ADMIN, ...ADMIN_LOGIN, confirm: 'start-empty' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await runtime.close();
    }
  });

  it('restores a chosen backup over a healthy database, setting the current file aside', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      ok(await runtime.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'KEEP-1' }));
      const afterBackup = ok<RecoveryStatus>(await runtime.act('backup.now', { actor: NURSE }));
      const newest = afterBackup.backups[0]!;
      ok(await runtime.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'LATER-2' }));
      const restored = ok<RecoveryStatus>(await runtime.act('recovery.restoreBackup', { actor: ADMIN, ...ADMIN_LOGIN, backup: newest.name }));
      expect(restored.mode).toBe('ready');
      expect(ok<{ mrn: string }[]>(await runtime.act('patient.search', { query: 'KEEP' })).map((p) => p.mrn)).toEqual(['KEEP-1']);
      expect(ok<unknown[]>(await runtime.act('patient.search', { query: 'LATER' }))).toEqual([]);
      const aside = fs.readdirSync(path.join(dir, 'quarantine'));
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(/replaced-by-restore$/);
      // The replaced file is intact and still holds the later patient.
      const old = openKeyed(path.join(dir, 'quarantine', aside[0]!, DATABASE_FILE), keyOf(dir), { readonly: true });
      expect(old.prepare("SELECT count(*) FROM patients WHERE mrn = 'LATER-2'").pluck().get()).toBe(1);
      old.close();
      expect(await runtime.act('recovery.restoreBackup', { actor: ADMIN, ...ADMIN_LOGIN, backup: 'proceduredesk-1999-01-01T00-00-00-000Z.backup.sqlite' }))
        .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await runtime.close();
    }
  });

  it('a crash with a hot WAL is not damage: the WAL is recovered and the data is there', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    ok(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
    // Leave the process state as a crash would: marker present, WAL not checkpointed.
    const walBytes = fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size;
    expect(walBytes).toBeGreaterThan(0);
    fs.copyFileSync(path.join(dir, DATABASE_FILE), path.join(dir, 'copy.sqlite'));
    fs.copyFileSync(path.join(dir, `${DATABASE_FILE}-wal`), path.join(dir, 'copy.sqlite-wal'));
    core.close();
    fs.renameSync(path.join(dir, 'copy.sqlite'), path.join(dir, DATABASE_FILE));
    fs.renameSync(path.join(dir, 'copy.sqlite-wal'), path.join(dir, `${DATABASE_FILE}-wal`));
    fs.writeFileSync(path.join(dir, 'proceduredesk.running'), '1\n');

    const logs: string[] = [];
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir, log: (m) => logs.push(m) }));
    try {
      expect(runtime.mode()).toBe('ready');
      expect(logs.join('\n')).toContain('did not close cleanly; quick_check passed');
      expect(ok<unknown[]>(await runtime.act('patient.search', { query: 'Pe' }))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  });

  it('a WAL without its database is not taken as a database', async () => {
    const dir = tempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, `${DATABASE_FILE}-wal`), Buffer.alloc(8192, 7));
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      expect(runtime.mode()).toBe('recovery');
    } finally {
      await runtime.close();
    }
  });
});

describe('backups', () => {
  it('are verified, rotated, and a half-written one is never listed', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
    try {
      ok(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
      const out = backupsDir(dir);
      for (let i = 0; i < 4; i++) await createBackup(core.db, core.databaseKey, out, { now: new Date(Date.UTC(2026, 10, 24, 10, i)), generations: 3 });
      // A backup killed midway leaves only its temporary file.
      fs.writeFileSync(path.join(out, 'proceduredesk-2026-11-24T11-00-00-000Z.backup.sqlite.tmp'), 'partial');
      const list = listBackups(out);
      expect(list.map((b) => b.createdAt)).toEqual(['2026-11-24T10-03-00-000Z', '2026-11-24T10-02-00-000Z', '2026-11-24T10-01-00-000Z']);
      const copy = openKeyed(backupAsFile(out, path.basename(list[0]!.file), core.databaseKey, path.join(dir, 'restored.sqlite')), core.databaseKey, { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
      await createBackup(core.db, core.databaseKey, out, { now: new Date(Date.UTC(2026, 10, 24, 12, 0)), generations: 3 });
      // Only finished generations and their pages remain: no temporaries, no -wal/-shm.
      expect(fs.readdirSync(out).every((f) => f.endsWith(GENERATION_SUFFIX) || f === 'pages')).toBe(true);
    } finally {
      core.close();
    }
  });
});
