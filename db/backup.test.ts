// Backups at clinic scale: the whole-file work runs on a worker thread while the
// main thread keeps answering; a damaged copy is discarded; a backup never fills
// the disk; a scheduled backup with nothing changed is skipped.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupAsFile, createBackup, FREE_SPACE_RESERVE_BYTES, GENERATION_SUFFIX, listBackups, verifyBackupFile } from './backup';
import { openKeyed, type Db } from './connection';
import { backupsDir } from './handlers/recovery';
import { openCore } from './core';
import { APPLICATION_ID, needsLongQuickCheck, QUICK_CHECK_ALWAYS_BELOW_BYTES, RUNNING_MARKER } from './integrity';
import { DATABASE_FILE } from './paths';
import { startRuntime } from './runtime';
import { runSqliteJob } from './sqlite-worker';
import { keyOf, NURSE, ok, PATIENT, tempDir, TEST_PASSWORD_COST, testKey, withAct } from './testing/temp-core';

const dirs: string[] = [];
// The key folder beside each data folder (db/keys/key-folder.ts) goes with it.
afterEach(() => dirs.splice(0).forEach((d) => [d, `${d}.keys`].forEach((f) => fs.rmSync(f, { recursive: true, force: true }))));
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

const key = testKey();

/** A raw WAL database of about `mib` MiB, as the app's file is (encrypted, WAL, our application id). */
function bigDatabase(file: string, mib: number): Db {
  const db = openKeyed(file, key);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX rows_body ON rows (body)');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < mib * 200; i++) insert.run(`${i}:${'x'.repeat(2000)}`);
  })();
  return db;
}

/** What a backup of `db` may need at most: VACUUM INTO writes no more pages than the live file has. */
const liveBytes = (db: Db): number => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/** Turns of the event loop until `work` settles: 0 if it held the main thread throughout. */
async function ticksDuring(work: Promise<unknown>): Promise<number> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  let ticks = 0;
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    ticks++;
  }
  await settled;
  return ticks;
}

describe('whole-file checks on a worker thread', () => {
  it('integrity_check of a large file leaves the main thread free, and reports what it found', async () => {
    const file = path.join(dir(), 'big.sqlite');
    const db = bigDatabase(file, 40);
    db.close();
    const job = runSqliteJob({ kind: 'check', file, check: 'integrity_check', key });
    // A check run on the main thread would settle before the event loop turned once.
    expect(await ticksDuring(job)).toBeGreaterThan(10);
    const result = await job;
    expect(result.check).toBe('ok');
    expect(result.applicationId).toBe(APPLICATION_ID);
    expect(result.pageCount * 4096).toBe(fs.statSync(file).size);
  });

  it('finds damage, and a missing file is an error with its reason', async () => {
    const file = path.join(dir(), 'orphan.sqlite');
    const db = bigDatabase(file, 2);
    // Drop the index from the schema but not its pages: integrity_check finds pages nothing uses.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("DELETE FROM sqlite_master WHERE name = 'rows_body'").run();
    db.close();
    expect((await runSqliteJob({ kind: 'check', file, check: 'integrity_check', key })).check).toMatch(/never used/);
    await expect(runSqliteJob({ kind: 'check', file: path.join(dir(), 'absent.sqlite'), check: 'quick_check', key })).rejects.toThrow(/unable to open|does not exist|no such file/i);
  });
});

describe('createBackup', () => {
  it('copies a live WAL database while it is being written, into one self-contained verified file', async () => {
    const d = dir();
    const db = bigDatabase(path.join(d, 'live.sqlite'), 20);
    try {
      const backup = createBackup(db, key, path.join(d, 'backups'));
      // Writes go on meanwhile, on the same connection, each committed before the next turn.
      let written = 0;
      const writes = (async () => {
        let finished = false;
        void backup.finally(() => (finished = true));
        while (!finished) {
          db.prepare('INSERT INTO rows (body) VALUES (?)').run(`during backup ${written++}`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const info = await backup;
      await writes;
      expect(written).toBeGreaterThan(10);
      expect(fs.readdirSync(path.join(d, 'backups')).sort()).toEqual(['pages', path.basename(info.file)]);
      const restored = path.join(d, 'restored.sqlite');
      backupAsFile(path.join(d, 'backups'), path.basename(info.file), key, restored);
      const copy = openKeyed(restored, key, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // Everything committed before the copy finished is in it; nothing after it can be missing from the live file.
      const inCopy = copy.prepare("SELECT count(*) FROM rows WHERE body LIKE 'during backup %'").pluck().get() as number;
      copy.close();
      expect(inCopy).toBeGreaterThan(0);
      expect(inCopy).toBeLessThanOrEqual(written);
    } finally {
      db.close();
    }
  });

  it('a damaged database gives no backup: the copy fails and is discarded', async () => {
    const d = dir();
    const file = path.join(d, 'live.sqlite');
    const raw = bigDatabase(file, 2);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    // One page of the table overwritten on disk: its HMAC no longer matches, so reading it fails.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(fs.statSync(file).size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    const db = openKeyed(file, key);
    try {
      await expect(createBackup(db, key, path.join(d, 'backups'))).rejects.toThrow(/damaged.*discarded/s);
      expect(listBackups(path.join(d, 'backups'))).toEqual([]);
      expect(fs.readdirSync(path.join(d, 'backups', 'pages'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('never fills the disk: older generations give way first, then it refuses with what is missing', async () => {
    const d = dir();
    const db = bigDatabase(path.join(d, 'live.sqlite'), 1);
    const out = path.join(d, 'backups');
    try {
      for (let i = 0; i < 5; i++) await createBackup(db, key, out, { now: new Date(Date.UTC(2026, 10, 25, 8, i)) });
      expect(listBackups(out)).toHaveLength(5);
      const bytes = listBackups(out)[0]!.bytes;
      // A small disk: room for the new copy (as large as the live file, the most it can be) only once two old generations are gone.
      const used = () => listBackups(out).reduce((sum, b) => sum + b.bytes, 0);
      const capacity = FREE_SPACE_RESERVE_BYTES + liveBytes(db) + 3.5 * bytes;
      const freeBytes = () => capacity - used();
      await createBackup(db, key, out, { now: new Date(Date.UTC(2026, 10, 25, 9, 0)), freeBytes });
      expect(listBackups(out).map((b) => b.createdAt)).toEqual(['2026-11-25T09-00-00-000Z', '2026-11-25T08-04-00-000Z', '2026-11-25T08-03-00-000Z', '2026-11-25T08-02-00-000Z']);
      // No room even with only the two newest kept: nothing is written and the newest two stay.
      await expect(createBackup(db, key, out, { now: new Date(Date.UTC(2026, 10, 25, 10, 0)), freeBytes: () => bytes })).rejects.toThrow(/not enough free disk space for a backup: it needs \d+ MiB .* No backup was taken/);
      expect(listBackups(out).map((b) => b.createdAt)).toEqual(['2026-11-25T09-00-00-000Z', '2026-11-25T08-04-00-000Z']);
      expect(fs.readdirSync(out).every((f) => f.endsWith(GENERATION_SUFFIX) || f === 'pages')).toBe(true);
    } finally {
      db.close();
    }
  });

  it("counts a killed backup's leftover as free space: it is removed, not an older generation", async () => {
    const d = dir();
    const db = bigDatabase(path.join(d, 'live.sqlite'), 1);
    const out = path.join(d, 'backups');
    try {
      for (let i = 0; i < 3; i++) await createBackup(db, key, out, { now: new Date(Date.UTC(2026, 10, 25, 8, i)) });
      const bytes = listBackups(out)[0]!.bytes;
      // What a process killed mid-copy leaves behind: a temporary file the size of the database, and its journal.
      const leftover = path.join(out, 'proceduredesk-2026-11-25T08-30-00-000Z.backup.sqlite.tmp');
      fs.writeFileSync(leftover, Buffer.alloc(bytes));
      fs.writeFileSync(`${leftover}-journal`, Buffer.alloc(512));
      const used = () => fs.readdirSync(out).reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0);
      // Room for the three backups, the reserve and one more copy: none of it while the leftover is there.
      const freeBytes = () => FREE_SPACE_RESERVE_BYTES + 3 * bytes + liveBytes(db) + 1024 - used();
      await createBackup(db, key, out, { now: new Date(Date.UTC(2026, 10, 25, 9, 0)), freeBytes });
      expect(listBackups(out).map((b) => b.createdAt)).toEqual(['2026-11-25T09-00-00-000Z', '2026-11-25T08-02-00-000Z', '2026-11-25T08-01-00-000Z', '2026-11-25T08-00-00-000Z']);
      expect(fs.readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('scheduled backups', () => {
  it('are skipped while nothing has changed, and taken again after a change', async () => {
    const d = dir();
    const lines: string[] = [];
    const waiting: (() => void)[] = [];
    const log = (line: string) => {
      lines.push(line);
      for (const wake of waiting.splice(0)) wake();
    };
    const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: d, backupEveryMs: 40, log });
    try {
      const core = withAct(runtime.core()!);
      const written = () => lines.filter((l) => l.startsWith('backup written')).length;
      const skipped = () => lines.filter((l) => l.startsWith('backup skipped')).length;
      // Every backup taken or skipped logs a line: look again at each one, however long they take.
      const until = async (condition: () => boolean) => {
        while (!condition()) await new Promise<void>((resolve) => waiting.push(resolve));
      };
      await until(() => written() === 1 && skipped() >= 3);
      expect(listBackups(backupsDir(d))).toHaveLength(1);
      ok(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
      const patientsInNewest = () => verifyBackupFile(listBackups(backupsDir(d))[0]!.file, keyOf(d)).patients;
      await until(() => written() >= 2 && patientsInNewest() === 1);
      // A change made while a copy ran may or may not be in it, so one more copy may follow; then only skips.
      await until(() => lines.length >= 3 && lines.slice(-3).every((l) => l.startsWith('backup skipped')));
      const afterChange = written();
      const skippedBefore = skipped();
      await until(() => skipped() >= skippedBefore + 3);
      expect(written()).toBe(afterChange);
      expect(lines.some((l) => l.startsWith('backup failed'))).toBe(false);
    } finally {
      await runtime.close();
    }
  });
});

describe('closing the app during a backup', () => {
  it('stops the backup, closes the database cleanly, and the next start needs no check', async () => {
    const d = dir();
    const core = openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: d });
    core.db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = core.db.prepare('INSERT INTO bulk (body) VALUES (?)');
    core.db.transaction(() => {
      for (let i = 0; i < (QUICK_CHECK_ALWAYS_BELOW_BYTES * 1.5) / 2048; i++) insert.run(`${i}:${'c'.repeat(2000)}`);
    })();
    core.close();
    const runtime = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: d });
    // Work since the start is in the WAL; the start-up backup is under way on its worker; the app closes.
    runtime.core()!.db.prepare('INSERT INTO bulk (body) VALUES (?)').run('written before closing');
    // Under way: the generation's pack is being written; its manifest comes last.
    const packs = path.join(backupsDir(d), 'pages');
    const copying = () => fs.existsSync(packs) && fs.readdirSync(packs).length > 0;
    // Polled without a deadline (the copy of a 96 MiB file takes far longer than a poll); a copy
    // already finished would never show its temporary file, so say so rather than wait forever.
    while (!copying()) {
      expect(listBackups(backupsDir(d)), 'the start-up backup finished before it was seen under way').toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await runtime.close();
    const file = path.join(d, DATABASE_FILE);
    expect(fs.existsSync(path.join(d, RUNNING_MARKER))).toBe(false);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    expect(needsLongQuickCheck(file)).toBe(false);
    // Whatever the stopped backup left is never listed, and the next start opens at once.
    expect(listBackups(backupsDir(d))).toEqual([]);
    const next = startRuntime({ passwordCost: TEST_PASSWORD_COST, dataDir: d });
    try {
      expect(next.mode()).toBe('ready');
    } finally {
      await next.close();
    }
  });
});
