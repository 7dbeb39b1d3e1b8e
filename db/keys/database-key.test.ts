// The database key: made once, kept in the key folder owner-only or wrapped by
// the OS keystore, never made up over an encrypted database, and a keystore that
// no longer unlocks it stops the start with its reason, changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import type { KeyProtector } from '../audit-key';
import { openKeyed } from '../connection';
import { defaultKeyDir } from '../core';
import { DATABASE_FILE } from '../paths';
import { startRuntime } from '../runtime';
import { ok, TEST_PASSWORD_COST } from '../testing/temp-core';
import { tempDirsPerTest } from '../testing/temp-dirs';
import { DATABASE_KEY_FILE, databaseKeyFor, loadDatabaseKey, PROTECTED_DATABASE_KEY_FILE } from './database-key';

const dir = tempDirsPerTest();

/** A stand-in keystore: reversible, but nothing like the plaintext, so a leak would show. */
function keystore(name = 'test keystore'): KeyProtector & { broken: boolean } {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5c));
  const store = {
    name,
    broken: false,
    protect: (key: Buffer) => Buffer.concat([Buffer.from('KS1'), mask(key)]),
    unprotect: (stored: Buffer) => {
      if (store.broken || stored.subarray(0, 3).toString() !== 'KS1') throw new Error('the keyring was replaced');
      return mask(stored.subarray(3));
    },
  };
  return store;
}

const snapshot = (folder: string) => Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f)).toString('hex')]));

describe('the database key', () => {
  it('is made once, 256 random bits as an owner-only file in the key folder, and read back the same', () => {
    const keys = path.join(dir(), 'keys');
    const first = loadDatabaseKey(keys, null, { mayCreate: true });
    expect(first.protection).toBe('owner-only-file');
    expect(fs.readdirSync(keys)).toEqual([DATABASE_KEY_FILE]);
    expect(fs.readFileSync(path.join(keys, DATABASE_KEY_FILE), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(keys).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(keys, DATABASE_KEY_FILE)).mode & 0o777).toBe(0o600);
    }
    expect(loadDatabaseKey(keys, null, { mayCreate: false }).equals(first)).toBe(true);
    expect(loadDatabaseKey(path.join(dir(), 'other'), null, { mayCreate: true }).equals(first)).toBe(false);
  });

  it('with a keystore, only the wrapped key is on disk; a plain key from before is wrapped once and removed', () => {
    const keys = path.join(dir(), 'keys');
    const plain = loadDatabaseKey(keys, null, { mayCreate: true });
    const store = keystore();
    const wrapped = loadDatabaseKey(keys, store, { mayCreate: false });
    expect(wrapped.protection).toBe('os-keystore');
    expect(wrapped.equals(plain)).toBe(true);
    expect(fs.readdirSync(keys)).toEqual([PROTECTED_DATABASE_KEY_FILE]);
    const onDisk = fs.readFileSync(path.join(keys, PROTECTED_DATABASE_KEY_FILE));
    expect(onDisk.includes(Buffer.from(plain.sqlLiteral().slice(2, -1), 'hex'))).toBe(false);
    expect(loadDatabaseKey(keys, store, { mayCreate: false }).equals(plain)).toBe(true);
    // A new install with a keystore never writes the key in the clear.
    const fresh = path.join(dir(), 'fresh');
    loadDatabaseKey(fresh, store, { mayCreate: true });
    expect(fs.readdirSync(fresh)).toEqual([PROTECTED_DATABASE_KEY_FILE]);
  });

  it('refuses, changing nothing: a wrapped key without its keystore, a keystore that no longer unlocks it, a lost key, a damaged key file', () => {
    const keys = path.join(dir(), 'keys');
    const store = keystore();
    loadDatabaseKey(keys, store, { mayCreate: true });
    const before = snapshot(keys);
    expect(() => loadDatabaseKey(keys, null, { mayCreate: true })).toThrow(/protected by the OS keystore.*desktop app/);
    store.broken = true;
    expect(() => loadDatabaseKey(keys, store, { mayCreate: true })).toThrow(/could not unlock the database key .*keyring was replaced.*Nothing was changed/);
    expect(snapshot(keys)).toEqual(before);

    const empty = path.join(dir(), 'empty');
    expect(() => loadDatabaseKey(empty, null, { mayCreate: false })).toThrow(/is not in the key folder/);
    expect(fs.readdirSync(empty)).toEqual([]);

    const damaged = path.join(dir(), 'damaged');
    fs.mkdirSync(damaged);
    fs.writeFileSync(path.join(damaged, DATABASE_KEY_FILE), 'not a key');
    expect(() => loadDatabaseKey(damaged, null, { mayCreate: true })).toThrow(/does not hold a database key/);
    expect(fs.readFileSync(path.join(damaged, DATABASE_KEY_FILE), 'utf8')).toBe('not a key');
  });

  it('is never made up over an encrypted database: a new key could read nothing', () => {
    const data = dir();
    const file = path.join(data, DATABASE_FILE);
    const key = databaseKeyFor(file, defaultKeyDir(data), null);
    const db = openKeyed(file, key);
    db.exec('CREATE TABLE t (x)');
    db.close();
    fs.rmSync(defaultKeyDir(data), { recursive: true });
    const bytes = fs.readFileSync(file);
    expect(() => databaseKeyFor(file, defaultKeyDir(data), null)).toThrow(/The database is encrypted, and its key \(database\.key\) is not in the key folder/);
    expect(() => startRuntime({ dataDir: data })).toThrow(/is not in the key folder/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(data)).toEqual([DATABASE_FILE]);
  });

  it('the running app reports a keystore-wrapped key as such', async () => {
    const data = dir();
    const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: data, databaseKeyProtector: keystore() });
    try {
      expect(ok<RecoveryStatus>(await runtime.dispatch('recovery.status', {})).encryption.keyProtection).toBe('os-keystore');
      expect(fs.readdirSync(defaultKeyDir(data))).toContain(PROTECTED_DATABASE_KEY_FILE);
      expect(fs.readdirSync(defaultKeyDir(data))).not.toContain(DATABASE_KEY_FILE);
    } finally {
      await runtime.close();
    }
  });
});
