import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, readPragmas, REQUIRED_PRAGMAS } from './connection';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { tempDir } from './testing/temp-core';

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
    const first = openDatabase(f, LATEST_SCHEMA_VERSION);
    migrate(first, MIGRATIONS, null);
    expect(readPragmas(first)).toEqual(REQUIRED_PRAGMAS);
    first.close();
    // better-sqlite3 defaults WAL connections to synchronous=NORMAL; a re-open must not inherit that.
    const again = openDatabase(f, LATEST_SCHEMA_VERSION);
    expect(readPragmas(again)).toEqual(REQUIRED_PRAGMAS);
    again.close();
  });

  it('refuses a database newer than the app before writing a single byte', () => {
    const f = file();
    const raw = new Database(f);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(f);
    expect(() => openDatabase(f, LATEST_SCHEMA_VERSION)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(f, LATEST_SCHEMA_VERSION)).toThrow(/newer ProcedureDesk/);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });
});
