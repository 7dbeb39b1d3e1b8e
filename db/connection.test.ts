import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, isPlaintextDatabase, openDatabase, openKeyed, readPragmas, REQUIRED_PRAGMAS } from './connection';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { tempDir, testKey } from './testing/temp-core';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function file(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'test.sqlite');
}

describe('openDatabase', () => {
  it('sets every required pragma on a fresh file and again on the re-opened file', () => {
    const f = file();
    const key = testKey();
    const first = openDatabase(f, LATEST_SCHEMA_VERSION, key);
    migrate(first, MIGRATIONS, null);
    expect(readPragmas(first)).toEqual(REQUIRED_PRAGMAS);
    first.close();
    // better-sqlite3 defaults WAL connections to synchronous=NORMAL; a re-open must not inherit that.
    const again = openDatabase(f, LATEST_SCHEMA_VERSION, key);
    expect(readPragmas(again)).toEqual(REQUIRED_PRAGMAS);
    again.close();
  });

  it('refuses a database newer than the app before writing a single byte', () => {
    const f = file();
    const key = testKey();
    const raw = openKeyed(f, key);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(f);
    expect(() => openDatabase(f, LATEST_SCHEMA_VERSION, key)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(f, LATEST_SCHEMA_VERSION, key)).toThrow(/newer ProcedureDesk/);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });
});

describe('encryption at rest', () => {
  it('writes SQLCipher 4 files: no SQLite header, no plaintext; only the same key reads them, and fails at open', () => {
    const f = file();
    const key = testKey();
    const db = openDatabase(f, LATEST_SCHEMA_VERSION, key);
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Quintessa Marrowfield')");
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(db.pragma('legacy', { simple: true })).toBe('4');
    // Still open: the row is in the WAL, which is encrypted too.
    for (const copy of [f, `${f}-wal`]) {
      expect(fs.statSync(copy).size).toBeGreaterThan(0);
      expect(fs.readFileSync(copy).includes('Quintessa')).toBe(false);
    }
    db.close();
    expect(isPlaintextDatabase(f)).toBe(false);
    expect(fs.readFileSync(f).includes('Quintessa')).toBe(false);
    // Another program with no key (plain SQLite), or with another key, reads nothing.
    const plain = new Database(f, { readonly: true });
    expect(() => plain.prepare('SELECT name FROM people').all()).toThrow(/not a database/);
    plain.close();
    expect(() => openKeyed(f, testKey(), { readonly: true })).toThrow(/not a database/);
    const again = openKeyed(f, key, { readonly: true });
    expect(again.prepare('SELECT name FROM people').pluck().all()).toEqual(['Quintessa Marrowfield']);
    again.close();
  });

  it('keys never print', () => {
    const key = testKey();
    expect(JSON.stringify({ key })).toBe('{"key":"[database key]"}');
    expect(`${String(key)}`).toBe('[database key]');
    expect(key.sqlLiteral()).toMatch(/^x'[0-9a-f]{64}'$/);
  });
});
