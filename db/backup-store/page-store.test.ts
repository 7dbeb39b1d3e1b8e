// The page store against real encrypted WAL files: a second generation after a
// few changed rows writes a few pages, every generation restores to exactly the
// data it was taken at, tampering is caught, nothing plaintext reaches the disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeyed, type Db } from '../connection';
import { tempDir, testKey } from '../testing/temp-core';
import { createGeneration, listGenerations, readManifest, restoreGeneration, verifyGeneration } from './page-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
const key = testKey();
const NAME = 'Quillfeather';

/** An encrypted WAL database of about `mib` MiB with a patient-like table. */
function liveDatabase(file: string, mib: number): Db {
  const db = openKeyed(file, key);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL); CREATE INDEX patients_name ON patients (name)');
  const insert = db.prepare('INSERT INTO patients (name, note) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < mib * 250; i++) insert.run(`${NAME} ${i}`, `note ${i} ${'n'.repeat(3000)}`);
  })();
  return db;
}

const contents = (db: Db) => db.prepare('SELECT id, name, length(note) AS n FROM patients ORDER BY id').all();

function restoredContents(file: string, target: string) {
  restoreGeneration(file, key, target);
  const copy = openKeyed(target, key, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    return contents(copy);
  } finally {
    copy.close();
  }
}

describe('page store', () => {
  it('a second generation after a few changed rows writes a few pages; each generation restores to its own data', async () => {
    const d = dir();
    const db = liveDatabase(path.join(d, 'live.sqlite'), 8);
    try {
      const out = path.join(d, 'backups');
      const first = await createGeneration(db, key, out, { now: new Date(Date.UTC(2026, 11, 5, 8)) });
      const before = contents(db);
      db.prepare('UPDATE patients SET note = ? WHERE id IN (5, 500, 1500)').run('changed');
      db.prepare('INSERT INTO patients (name, note) VALUES (?, ?)').run('New Patient', 'new');
      const second = await createGeneration(db, key, out, { now: new Date(Date.UTC(2026, 11, 5, 9)) });
      const after = contents(db);
      expect(first.newPages).toBe(first.pageCount);
      // The changed rows' leaves, their index pages, the header page: a handful, not the file.
      expect(second.newPages).toBeGreaterThan(0);
      expect(second.newPages).toBeLessThan(first.pageCount / 20);
      expect(second.bytes).toBeLessThan(first.bytes / 10);
      expect(listGenerations(out).map((g) => g.file)).toEqual([second.file, first.file]);
      expect(restoredContents(first.file, path.join(d, 'r1.sqlite'))).toEqual(before);
      expect(restoredContents(second.file, path.join(d, 'r2.sqlite'))).toEqual(after);
      expect((await verifyGeneration(second.file, key)).check).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('keeps a consistent snapshot while the database is written meanwhile', async () => {
    const d = dir();
    const db = liveDatabase(path.join(d, 'live.sqlite'), 4);
    try {
      const generation = createGeneration(db, key, path.join(d, 'backups'));
      let written = 0;
      let finished = false;
      void generation.finally(() => (finished = true));
      while (!finished) {
        db.prepare('INSERT INTO patients (name, note) VALUES (?, ?)').run(`during ${written++}`, 'x'.repeat(500));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const info = await generation;
      expect(written).toBeGreaterThan(5);
      const during = restoredContents(info.file, path.join(d, 'r.sqlite')).filter((r) => String((r as { name: string }).name).startsWith('during '));
      expect(during.length).toBeLessThanOrEqual(written);
      // Rows are a prefix of what was written: one snapshot, not a mix.
      expect(during.map((r) => (r as { name: string }).name)).toEqual(Array.from({ length: during.length }, (_, i) => `during ${i}`));
    } finally {
      db.close();
    }
  });

  it('a damaged page of the database gives no generation: it is refused and nothing is left', async () => {
    const d = dir();
    const file = path.join(d, 'live.sqlite');
    const raw = liveDatabase(file, 1);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0x5a]), 0, 1, 4096 * Math.floor(fs.statSync(file).size / 4096 / 2) + 100);
    fs.closeSync(fd);
    const db = openKeyed(file, key);
    try {
      await expect(createGeneration(db, key, path.join(d, 'backups'))).rejects.toThrow(/page \d+ of the database is damaged.*discarded/s);
      expect(fs.readdirSync(path.join(d, 'backups'))).toEqual(['pages']);
      expect(fs.readdirSync(path.join(d, 'backups', 'pages'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('detects a tampered page and a tampered manifest; stores no plaintext; files are owner-only', async () => {
    const d = dir();
    const db = liveDatabase(path.join(d, 'live.sqlite'), 2);
    const out = path.join(d, 'backups');
    let info;
    try {
      info = await createGeneration(db, key, out);
    } finally {
      db.close();
    }
    const files = [info.file, ...fs.readdirSync(path.join(out, 'pages')).map((f) => path.join(out, 'pages', f))];
    for (const f of files) {
      expect(fs.readFileSync(f).includes(Buffer.from(NAME)), `${f} holds a patient name in plaintext`).toBe(false);
      if (process.platform !== 'win32') expect(fs.statSync(f).mode & 0o077).toBe(0);
    }
    const manifest = fs.readFileSync(info.file);
    const flipped = Buffer.from(manifest);
    flipped[flipped.length - 100]! ^= 1;
    fs.writeFileSync(info.file, flipped);
    await expect(verifyGeneration(info.file, key)).rejects.toThrow(/HMAC does not match/);
    fs.writeFileSync(info.file, manifest);
    const pack = files[1]!;
    const m = readManifest(info.file, key);
    const fd = fs.openSync(pack, 'r+');
    fs.writeSync(fd, Buffer.from([0x42]), 0, 1, m.header.pageSize * 3 + 10);
    fs.closeSync(fd);
    // A changed body fails the page's SQLCipher HMAC when the restored copy is checked.
    await expect(verifyGeneration(info.file, key)).rejects.toThrow(/integrity_check|not a database|malformed|corrupt/i);
    // A changed identity (an older version of a page put in its place) fails before that.
    const fd2 = fs.openSync(pack, 'r+');
    fs.writeSync(fd2, Buffer.from([0x42]), 0, 1, m.header.pageSize * 5 - 1);
    fs.closeSync(fd2);
    await expect(verifyGeneration(info.file, key)).rejects.toThrow(/page 5 .* not the version the manifest names/);
  });

  it('ten generations rotate: old manifests go, packs nobody references go, every kept generation restores', async () => {
    const d = dir();
    const db = liveDatabase(path.join(d, 'live.sqlite'), 2);
    const out = path.join(d, 'backups');
    try {
      const expected = new Map<string, unknown>();
      for (let i = 0; i < 6; i++) {
        db.prepare('UPDATE patients SET note = ? WHERE id % 2 = 0').run(`round ${i}`);
        const g = await createGeneration(db, key, out, { now: new Date(Date.UTC(2026, 11, 5, 8, i)), generations: 3 });
        expected.set(g.file, contents(db));
      }
      const kept = listGenerations(out);
      expect(kept).toHaveLength(3);
      const referenced = new Set(kept.flatMap((g) => readManifest(g.file, key).header.packs));
      expect(new Set(fs.readdirSync(path.join(out, 'pages')))).toEqual(referenced);
      for (const [i, g] of kept.entries()) expect(restoredContents(g.file, path.join(d, `k${i}.sqlite`))).toEqual(expected.get(g.file));
    } finally {
      db.close();
    }
  });
});
