// Killing the app while it encrypts an older install's plaintext data loses
// nothing: at any kill point the database is either the untouched plaintext or
// the complete encrypted copy, and the next start finishes the job.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlaintextDatabase, openKeyed, openUnencrypted } from './connection';
import { defaultKeyDir, openCore } from './core';
import { loadDatabaseKey } from './keys/database-key';
import { DATABASE_FILE } from './paths';
import { filesLeakingSentinel, filesUnder, SENTINEL } from './testing/at-rest';
import { bundleScript } from './testing/crash-harness';
import { keyOf, NURSE, ok, TEST_PASSWORD_COST, withAct } from './testing/temp-core';
import { tempDirsPerTest } from './testing/temp-dirs';

const dir = tempDirsPerTest();
const BULK_ROWS = 2000;

/** A data folder as an unencrypted version left it: the sentinel patient, bulk rows, a backup; no key. */
async function plaintextInstall(): Promise<string> {
  const data = dir();
  const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: data }));
  ok(await core.act('patient.create', { actor: NURSE, ...SENTINEL }));
  core.db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = core.db.prepare('INSERT INTO bulk (body) VALUES (?)');
  core.db.transaction(() => {
    for (let i = 0; i < BULK_ROWS; i++) insert.run(`${SENTINEL.familyName} ${i} ${'x'.repeat(2000)}`);
  })();
  core.close();
  const file = path.join(data, DATABASE_FILE);
  const db = openKeyed(file, keyOf(data), { fileMustExist: true });
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  fs.mkdirSync(path.join(data, 'backups'));
  fs.copyFileSync(file, path.join(data, 'backups', 'proceduredesk-2026-01-01T00-00-00-000Z.backup.sqlite'));
  fs.rmSync(defaultKeyDir(data), { recursive: true });
  expect(isPlaintextDatabase(file)).toBe(true);
  return data;
}

/** Runs the child; kills it `killAfterMs` after it starts (never, if null). Resolves with how long it ran and whether it finished. */
function runChild(script: string, data: string, killAfterMs: number | null): Promise<{ ms: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let started = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!started && out.includes('starting\n')) {
        started = performance.now();
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`the child failed (${code}): ${err}`));
      else resolve({ ms: performance.now() - started, finished: out.includes('open\n') });
    });
  });
}

/** The bulk rows the live database holds, read from a copy (the state after a kill is not touched). */
function bulkRows(data: string, scratch: string): number {
  const file = path.join(data, DATABASE_FILE);
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch);
  for (const suffix of ['', '-wal']) if (fs.existsSync(`${file}${suffix}`)) fs.copyFileSync(`${file}${suffix}`, path.join(scratch, `${DATABASE_FILE}${suffix}`));
  const copy = path.join(scratch, DATABASE_FILE);
  // Encrypted only once its key is durably in the key folder: the key is made before anything is encrypted.
  const db = isPlaintextDatabase(copy) ? openUnencrypted(copy) : openKeyed(copy, loadDatabaseKey(defaultKeyDir(data), null, { mayCreate: false }));
  try {
    return db.prepare('SELECT count(*) FROM bulk').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('encrypting an older install under SIGKILL', () => {
  it('every kill leaves the plaintext untouched or the encrypted copy complete; the next start finishes it', async () => {
    const script = await bundleScript('encrypt-writer');
    const template = await plaintextInstall();
    // One run to the end on a copy: how long the encryption takes on this machine, now.
    const timing = dir();
    fs.cpSync(template, timing, { recursive: true });
    const full = await runChild(script, timing, null);
    expect(full.finished).toBe(true);
    for (let cycle = 0; cycle < 10; cycle++) {
      const data = dir();
      fs.cpSync(template, data, { recursive: true });
      await runChild(script, data, Math.random() * full.ms * 1.2);
      expect(bulkRows(data, dir()), `cycle ${cycle}: after the kill`).toBe(BULK_ROWS);
      expect((await runChild(script, data, null)).finished).toBe(true);
      expect(isPlaintextDatabase(path.join(data, DATABASE_FILE))).toBe(false);
      expect(bulkRows(data, dir()), `cycle ${cycle}: after the next start`).toBe(BULK_ROWS);
      expect(filesLeakingSentinel(data), `cycle ${cycle}`).toEqual([]);
      expect(filesUnder(data).filter(isPlaintextDatabase)).toEqual([]);
    }
  }, 180_000);
});
