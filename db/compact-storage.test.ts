// Migration 024's conversion in the background (issue 21 point 1, without undoing point 3's quick start):
// openCore returns with the work still to do, the core reads both forms identically and takes writes
// meanwhile, the work finishes on its own, and a close midway stops it cleanly for the next start to finish.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TODAY } from '../bench/data/dataset';
import { generate } from '../bench/data/generate';
import { checklistPacker } from './checklist-archive';
import { compactStorageNow, STEP_INTERVAL_MS } from './compact-storage';
import { openDatabase, type Db } from './connection';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { noteCompactor } from './note-storage';
import { DATABASE_FILE } from './paths';
import { defaultKeyDir } from './core';
import { keyOf, NURSE, ok, openTempCore, tempDir, type TempCore } from './testing/temp-core';

let core: TempCore | null = null;
afterEach(() => core?.cleanup());

const pendingNotes = (db: Db) => db.prepare('SELECT count(*) FROM signed_notes WHERE content IS NULL').pluck().get() as number;
const pendingChecklists = (db: Db) => db.prepare(`SELECT count(DISTINCT x.encounter_id) FROM checklist_item_events x
  JOIN encounters e ON e.id = x.encounter_id WHERE e.state IN ('discharged', 'cancelled')`).pluck().get() as number;
const archived = (db: Db, encounterId: string) => db.prepare('SELECT count(*) FROM checklist_archives WHERE encounter_id = ?').pluck().get(encounterId) as number;
const noteStoredAsText = (db: Db, encounterId: string) => db.prepare('SELECT content IS NULL FROM signed_notes WHERE encounter_id = ?').pluck().get(encounterId) === 1;

/**
 * A file as a clinic's is at its first start after the upgrade (the benchmark generator's rows, notes
 * as text, checklists in rows), with one batch of each already done by an earlier start: half converted.
 */
let generated: Promise<{ dir: string; info: Awaited<ReturnType<typeof generate>> }> | null = null;
async function halfConvertedFile() {
  // Generated once (seconds), copied with its key folder for each test.
  generated ??= (async () => {
    const dir = tempDir();
    return { dir, info: await generate({ dataDir: dir, patients: 250, documentedShare: 1, today: TODAY, legacyStorage: true }) };
  })();
  const { dir, info } = await generated;
  const dataDir = tempDir();
  fs.cpSync(dir, dataDir, { recursive: true });
  fs.cpSync(defaultKeyDir(dir), defaultKeyDir(dataDir), { recursive: true });
  const c = openTempCore({ dataDir, storageCompaction: false });
  try {
    noteCompactor(c.db)(50);
    checklistPacker(c.db)(new Date().toISOString(), 10);
    const ids = (sql: string) => c.db.prepare(sql).pluck().all() as string[];
    const converted = ids('SELECT encounter_id FROM signed_notes WHERE content IS NOT NULL ORDER BY rowid LIMIT 1')[0]!;
    // Converted last: the steps take notes and encounters in the order they were written.
    const unconverted = ids('SELECT encounter_id FROM signed_notes WHERE content IS NULL ORDER BY rowid DESC LIMIT 1')[0]!;
    const packed = ids('SELECT encounter_id FROM checklist_archives LIMIT 1')[0]!;
    const unpacked = ids(`SELECT e.id FROM encounters e WHERE e.state = 'discharged' AND EXISTS (SELECT 1 FROM checklist_item_events x WHERE x.encounter_id = e.id) ORDER BY e.rowid DESC LIMIT 1`)[0]!;
    const read = async (t: TempCore) => {
      const nurse = t.as(NURSE);
      const out: unknown[] = [];
      for (const encounterId of [converted, unconverted]) out.push(ok(await nurse('note.get', { encounterId })));
      for (const encounterId of [packed, unpacked]) out.push(ok(await nurse('encounter.get', { encounterId })));
      return out;
    };
    const before = await read(c);
    return { dataDir, info, converted, unconverted, packed, unpacked, read, before, pending: { notes: pendingNotes(c.db), checklists: pendingChecklists(c.db) } };
  } finally {
    c.close();
  }
}

describe('storage compaction in the background (024)', () => {
  it('openCore returns before the work is done; reads of both forms and a write are answered meanwhile; the work then finishes', async () => {
    const file = await halfConvertedFile();
    expect(file.pending.notes).toBeGreaterThan(500);
    expect(file.pending.checklists).toBeGreaterThan(500);
    const logs: string[] = [];
    core = openTempCore({ dataDir: file.dataDir, log: (line) => logs.push(line) });
    const db = core.db;
    // Returned with nothing done yet: the first step comes after.
    expect([pendingNotes(db), pendingChecklists(db)]).toEqual([file.pending.notes, file.pending.checklists]);

    // Read while a converted and an unconverted note, a packed and an unpacked checklist sit side by side.
    expect(await file.read(core)).toEqual(file.before);
    expect(noteStoredAsText(db, file.unconverted)).toBe(true);
    expect(archived(db, file.unpacked)).toBe(0);
    // A write meanwhile, answered and durable, with the work still pending.
    const [itemId] = file.info.openItemIds;
    ok(await core.as(NURSE)('checklist.setItem', { encounterId: file.info.openEncounterId, itemId, status: 'checked' }));
    expect(pendingChecklists(db)).toBeGreaterThan(0);
    expect(pendingNotes(db) + pendingChecklists(db)).toBeGreaterThan(0);

    await expect.poll(() => pendingNotes(db) + pendingChecklists(db), { timeout: 60_000, interval: 100 }).toBe(0);
    expect(noteStoredAsText(db, file.unconverted)).toBe(false);
    expect(archived(db, file.unpacked)).toBe(1);
    expect(await file.read(core)).toEqual(file.before);
    // The open encounter's rows stay as they are, with the write in them.
    expect(archived(db, file.info.openEncounterId)).toBe(0);
    await expect.poll(() => logs).toContain(`${file.pending.notes} signed notes stored compressed (migration 024)`);
    expect(logs).toContain(`${file.pending.checklists} closed encounters' checklists packed (migration 024)`);
    expect(logs.filter((l) => l.includes('compaction stopped'))).toEqual([]);
  }, 120_000);

  it('a close midway stops the steps (none after it, no error) and the next start finishes the rest', async () => {
    const file = await halfConvertedFile();
    const logs: string[] = [];
    core = openTempCore({ dataDir: file.dataDir, log: (line) => logs.push(line) });
    const db = core.db;
    // Some steps done, not all.
    await expect.poll(() => pendingNotes(db), { timeout: 30_000, interval: 20 }).toBeLessThan(file.pending.notes);
    core.close();
    const dbFile = path.join(file.dataDir, DATABASE_FILE);
    const left = () => {
      const check = openDatabase(dbFile, LATEST_SCHEMA_VERSION, keyOf(file.dataDir));
      try {
        return [pendingNotes(check), pendingChecklists(check)];
      } finally {
        check.close();
      }
    };
    const atClose = left();
    expect(atClose[0]! + atClose[1]!).toBeGreaterThan(0);
    // Several step intervals later nothing has moved: no step ran after the close (one would also have thrown on a closed connection).
    await new Promise((resolve) => setTimeout(resolve, STEP_INTERVAL_MS * 4));
    expect(left()).toEqual(atClose);
    expect(logs.filter((l) => l.includes('compaction'))).toEqual([]);

    core = openTempCore({ dataDir: file.dataDir });
    const reopened = core.db;
    await expect.poll(() => pendingNotes(reopened) + pendingChecklists(reopened), { timeout: 60_000, interval: 100 }).toBe(0);
    expect(await file.read(core)).toEqual(file.before);
  }, 120_000);

  it('a step that finds a transaction open on the connection waits for its end rather than nest inside it', async () => {
    const file = await halfConvertedFile();
    core = openTempCore({ dataDir: file.dataDir });
    const db = core.db;
    db.exec('BEGIN');
    // Several step intervals with the transaction open: a nested step would have converted rows inside it.
    await new Promise((resolve) => setTimeout(resolve, STEP_INTERVAL_MS * 4));
    expect(pendingNotes(db)).toBe(file.pending.notes);
    db.exec('ROLLBACK');
    await expect.poll(() => pendingNotes(db), { timeout: 30_000, interval: 20 }).toBeLessThan(file.pending.notes);
  }, 120_000);

  it('compactStorageNow does it all at once for benchmarks and tests, and finds nothing left after', async () => {
    const file = await halfConvertedFile();
    core = openTempCore({ dataDir: file.dataDir, storageCompaction: false });
    const logs: string[] = [];
    expect(compactStorageNow(core.db, new Date().toISOString(), (l) => logs.push(l))).toEqual({ notes: file.pending.notes, checklists: file.pending.checklists });
    expect([pendingNotes(core.db), pendingChecklists(core.db)]).toEqual([0, 0]);
    expect(logs).toHaveLength(2);
    expect(compactStorageNow(core.db, new Date().toISOString(), () => undefined)).toEqual({ notes: 0, checklists: 0 });
    expect(await file.read(core)).toEqual(file.before);
  }, 120_000);
});
