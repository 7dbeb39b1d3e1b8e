// Encryption at rest, as an attacker with a copy of the data folder would test
// it: plain SQLite (no key) reads no patient from the database, its WAL, a
// backup, a pre-migration backup or a set-aside copy; no file holds a known
// patient's name; the key is not in the data folder; every file and folder is
// owner-only whatever the umask; and an older install's plaintext data is
// encrypted once, its backups and set-aside copies too, nothing lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { backupAsFile, listBackups } from './backup';
import { isPlaintextDatabase, openKeyed } from './connection';
import { defaultKeyDir, openCore } from './core';
import { writeFileAtomic } from './export/atomic-write';
import { backupsDir } from './handlers/recovery';
import { DATABASE_KEY_FILE } from './keys/database-key';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { DATABASE_FILE } from './paths';
import { startRuntime } from './runtime';
import { filesLeakingSentinel, filesUnder, notOwnerOnly, readWithoutKey, SENTINEL } from './testing/at-rest';
import { ADMIN, ADMIN_LOGIN, keyOf, NURSE, ok, TEST_PASSWORD_COST, withAct } from './testing/temp-core';
import { tempDirsPerTest } from './testing/temp-dirs';

const dir = tempDirsPerTest();

const familyNames = (file: string, key = keyOf(path.dirname(file))): string[] => {
  const db = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT family_name FROM patients').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('another reader with a copy of the files, but no key', () => {
  it('reads no patient from the database, its WAL, a backup, a pre-migration backup or a set-aside copy; no file spells the patient', async () => {
    const data = dir();
    const scratch = dir();
    const file = path.join(data, DATABASE_FILE);
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
    try {
      ok(await runtime.act('patient.create', { actor: NURSE, ...SENTINEL }));
      // The live file and its WAL, as they are while the app runs (the patient is in the WAL).
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      expect(readWithoutKey(file, scratch)).toBeInstanceOf(Error);
      expect(String(readWithoutKey(file, scratch))).toMatch(/not a database/);
      const backup = ok<RecoveryStatus>(await runtime.act('backup.now', { actor: NURSE })).backups[0]!;
      const backupFile = path.join(backupsDir(data), backup.name);
      expect(readWithoutKey(backupFile, scratch)).toBeInstanceOf(Error);
      // A pre-migration backup (VACUUM INTO on the live connection).
      const core = runtime.core()!;
      const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'probe', up: 'CREATE TABLE probe (x);' }];
      const { backupFile: beforeMigration } = migrate(core.db, next, backupsDir(data));
      expect(readWithoutKey(beforeMigration!, scratch)).toBeInstanceOf(Error);
      // A restore sets the live file aside in quarantine/.
      ok(await runtime.act('recovery.restoreBackup', { actor: ADMIN, backup: backup.name, ...ADMIN_LOGIN }));
      const [setAside] = fs.readdirSync(path.join(data, 'quarantine'));
      expect(readWithoutKey(path.join(data, 'quarantine', setAside!, DATABASE_FILE), scratch)).toBeInstanceOf(Error);

      // With the key, every one of them holds the patient: encrypted, not lost.
      const restoredBackup = backupAsFile(backupsDir(data), backup.name, core.databaseKey, path.join(scratch, 'restored-backup.sqlite'));
      for (const copy of [restoredBackup, beforeMigration!, path.join(data, 'quarantine', setAside!, DATABASE_FILE)]) expect(familyNames(copy, core.databaseKey)).toEqual([SENTINEL.familyName]);
      expect(ok<{ familyName: string }[]>(await runtime.act('patient.search', { actor: NURSE, query: SENTINEL.mrn })).map((p) => p.familyName)).toEqual([SENTINEL.familyName]);

      // strings(1) over every file of the data folder and the key folder, the app still running
      // (once the backup the restore started is done: one more waits behind it in the queue).
      ok(await runtime.act('backup.now', { actor: NURSE }));
      expect(filesUnder(data).length).toBeGreaterThan(5);
      expect(filesLeakingSentinel(data)).toEqual([]);
      expect(filesLeakingSentinel(defaultKeyDir(data))).toEqual([]);
      expect(filesUnder(data).filter(isPlaintextDatabase)).toEqual([]);
    } finally {
      await runtime.close();
    }
    expect(filesLeakingSentinel(data)).toEqual([]);
  });

  it('finds no key in the data folder: it is in the key folder beside it, owner-only, and the status says how it is kept', async () => {
    const data = dir();
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
    try {
      const status = ok<RecoveryStatus>(await runtime.act('recovery.status', {}));
      expect(status.encryption).toEqual({ keyProtection: 'owner-only-file', keyDir: defaultKeyDir(data) });
      expect(fs.readdirSync(defaultKeyDir(data))).toContain(DATABASE_KEY_FILE);
      expect(filesUnder(data).some((f) => path.basename(f).startsWith('database.key'))).toBe(false);
      // A copy of the whole data folder, without the key folder, opens nowhere.
      const copy = dir();
      fs.cpSync(data, copy, { recursive: true });
      expect(() => startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: copy })).toThrow(/key .*is not in the key folder/);
      expect(fs.existsSync(defaultKeyDir(copy)) ? fs.readdirSync(defaultKeyDir(copy)) : []).toEqual([]);
    } finally {
      await runtime.close();
    }
  });
});

describe.runIf(process.platform !== 'win32')('file modes', () => {
  it('every file and folder the app makes is owner-only (0600/0700), even under umask 000', async () => {
    const data = dir();
    const outbox = dir();
    const before = process.umask(0);
    try {
      const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
      try {
        ok(await runtime.act('patient.create', { actor: NURSE, ...SENTINEL }));
        const backup = ok<RecoveryStatus>(await runtime.act('backup.now', { actor: NURSE })).backups[0]!;
        migrate(runtime.core()!.db, [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'probe', up: 'CREATE TABLE probe (x);' }], backupsDir(data));
        ok(await runtime.act('recovery.restoreBackup', { actor: ADMIN, backup: backup.name, ...ADMIN_LOGIN }));
        writeFileAtomic(outbox, 'note.pdf', 'a note', 'id-1');
        ok(await runtime.act('backup.now', { actor: NURSE })); // the restore's start-up backup is done too
        // While running: the database with its -wal and -shm, the marker, backups, quarantine, keys.
        expect(fs.existsSync(path.join(data, `${DATABASE_FILE}-shm`))).toBe(true);
        expect(notOwnerOnly(data)).toEqual([]);
        expect(notOwnerOnly(defaultKeyDir(data))).toEqual([]);
        expect(fs.statSync(path.join(outbox, 'note.pdf')).mode & 0o777).toBe(0o600);
      } finally {
        await runtime.close();
      }
    } finally {
      process.umask(before);
    }
  });

  it('tightens files an earlier version left readable by others at the next start', () => {
    const data = dir();
    openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: data }).close();
    fs.mkdirSync(path.join(data, 'backups', 'old'), { recursive: true });
    fs.writeFileSync(path.join(data, 'backups', 'old', 'copy.sqlite'), 'x');
    for (const f of [data, path.join(data, 'backups'), path.join(data, 'backups', 'old'), defaultKeyDir(data)]) fs.chmodSync(f, 0o755);
    for (const f of [path.join(data, DATABASE_FILE), path.join(data, 'backups', 'old', 'copy.sqlite'), path.join(defaultKeyDir(data), DATABASE_KEY_FILE)]) fs.chmodSync(f, 0o644);
    expect(notOwnerOnly(data)).not.toEqual([]);
    openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: data }).close();
    expect(notOwnerOnly(data)).toEqual([]);
    expect(notOwnerOnly(defaultKeyDir(data))).toEqual([]);
  });
});

/** The database as an older (unencrypted) version left it: decrypted in place, no key. */
function decryptInPlace(file: string, key = keyOf(path.dirname(file))): void {
  const db = openKeyed(file, key, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
  expect(isPlaintextDatabase(file)).toBe(true);
}

describe('an older install with unencrypted data', () => {
  it('is encrypted once: the database with a verified encrypted backup, old backups re-encrypted, set-aside copies sealed, nothing lost', async () => {
    const data = dir();
    const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
    ok(await core.act('patient.create', { actor: NURSE, ...SENTINEL }));
    core.close();
    const key = keyOf(data);
    // Two backups and a set-aside copy, then everything as it was before encryption: plaintext, and no key.
    const backups = backupsDir(data);
    fs.mkdirSync(backups);
    const oldBackup = path.join(backups, 'proceduredesk-2026-01-01T00-00-00-000Z.backup.sqlite');
    const oldPreMigration = path.join(backups, 'before-migration-12-to-13-1767225600000.sqlite');
    const aside = path.join(data, 'quarantine', '2026-01-02T00-00-00-000Z-replaced-by-restore');
    fs.mkdirSync(aside, { recursive: true });
    for (const copy of [oldBackup, oldPreMigration, path.join(aside, DATABASE_FILE)]) {
      fs.copyFileSync(path.join(data, DATABASE_FILE), copy);
      decryptInPlace(copy, key);
    }
    fs.writeFileSync(path.join(aside, `${DATABASE_FILE}-wal`), Buffer.from(`WAL frames of ${SENTINEL.familyName}`));
    fs.writeFileSync(path.join(backups, 'proceduredesk-2026-01-03T00-00-00-000Z.backup.sqlite.tmp'), fs.readFileSync(oldBackup));
    decryptInPlace(path.join(data, DATABASE_FILE), key);
    fs.rmSync(defaultKeyDir(data), { recursive: true });
    expect(filesLeakingSentinel(data).length).toBeGreaterThanOrEqual(5);
    const asideBytes = fs.readFileSync(path.join(aside, DATABASE_FILE));

    const lines: string[] = [];
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data, log: (l) => lines.push(l) }));
    try {
      expect(runtime.mode()).toBe('ready');
      expect(lines.join('\n')).toMatch(/the database was encrypted \(AES-256, SQLCipher 4 format\); verified encrypted backup: proceduredesk-.*\.backup\.sqlite/);
      expect(ok<{ familyName: string }[]>(await runtime.act('patient.search', { actor: NURSE, query: SENTINEL.mrn })).map((p) => p.familyName)).toEqual([SENTINEL.familyName]);
      const newKey = runtime.core()!.databaseKey;
      // No plaintext anywhere: not the database, not a backup, not a set-aside copy or a partial one.
      expect(filesLeakingSentinel(data)).toEqual([]);
      expect(filesUnder(data).filter(isPlaintextDatabase)).toEqual([]);
      // The old backups keep their names and restore; the set-aside copy unseals to its exact bytes.
      const names = listBackups(backups).map((b) => path.basename(b.file));
      expect(names).toContain(path.basename(oldBackup));
      expect(names.length).toBeGreaterThanOrEqual(2);
      for (const copy of [oldBackup, oldPreMigration]) expect(familyNames(copy, newKey)).toEqual([SENTINEL.familyName]);
      expect(fs.readdirSync(aside).sort()).toEqual([`${DATABASE_FILE}-wal.sealed`, `${DATABASE_FILE}.sealed`]);
      const { unsealFile } = await import('./keys/sealed-file');
      unsealFile(path.join(aside, `${DATABASE_FILE}.sealed`), newKey, path.join(data, 'unsealed'));
      expect(fs.readFileSync(path.join(data, 'unsealed')).equals(asideBytes)).toBe(true);
      fs.rmSync(path.join(data, 'unsealed'));
      ok(await runtime.act('recovery.restoreBackup', { actor: ADMIN, backup: path.basename(oldBackup), ...ADMIN_LOGIN }));
      expect(ok<unknown[]>(await runtime.act('patient.search', { actor: NURSE, query: SENTINEL.mrn }))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
    // Once: the next start finds nothing to encrypt.
    const again: string[] = [];
    const second = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data, log: (l) => again.push(l) });
    await second.close();
    expect(again.filter((l) => /encrypted|sealed/.test(l))).toEqual([]);
  });

  it('a start stopped midway is finished by the next one: a partial encrypted copy is removed, the plaintext is still there', async () => {
    const data = dir();
    const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
    ok(await core.act('patient.create', { actor: NURSE, ...SENTINEL }));
    core.close();
    const file = path.join(data, DATABASE_FILE);
    decryptInPlace(file);
    fs.rmSync(defaultKeyDir(data), { recursive: true });
    // As a kill during the copy leaves it: half a copy (plaintext until it is keyed) beside the untouched original.
    fs.writeFileSync(`${file}.encrypting`, fs.readFileSync(file).subarray(0, 8192));
    fs.writeFileSync(`${file}.encrypting-journal`, 'partial');
    const runtime = withAct(startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
    try {
      expect(runtime.mode()).toBe('ready');
      expect(fs.readdirSync(data).filter((f) => f.includes('.encrypting'))).toEqual([]);
      expect(isPlaintextDatabase(file)).toBe(false);
      expect(filesLeakingSentinel(data)).toEqual([]);
      expect(ok<unknown[]>(await runtime.act('patient.search', { actor: NURSE, query: SENTINEL.mrn }))).toHaveLength(1);
    } finally {
      await runtime.close();
    }
  });
});
