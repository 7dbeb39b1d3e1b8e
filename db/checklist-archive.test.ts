// A closed encounter's checklist packed at start (migration 024, issue 21): every read gives the same
// items, history and worklist progress as before; an open encounter's rows stay as they are; nothing
// is written to a packed checklist, and history is deleted only once its archive holds it. Packed in
// format 2, against the encounter's template version (db/packed-text.ts), and refused against another.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { archiveClosedChecklists, createChecklistArchiveReader } from './checklist-archive';
import { createChecklistRepository } from './repositories/checklist';
import { doneBeforeMoving, physicianAct } from './testing/consent-given';
import { advanceOverridingOpen } from './testing/override-open';
import { newEncounter } from './testing/signed-encounter';
import { NURSE, ok, openTempCore, PHYSICIAN, tempDir, type TempCore } from './testing/temp-core';

let core: TempCore | null = null;

/** The first pre-procedure items of the encounter's checklist (a lumbar TFESI, newEncounter's). */
async function firstItems(c: TempCore, encounterId: string, n: number): Promise<string[]> {
  const { encounter } = ok<EncounterDetail>(await c.as(NURSE)('encounter.get', { encounterId }));
  const template = LIBRARY.find((t) => t.id === encounter.templateId)!;
  const plan = { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality };
  return encounterItems(template, plan).phaseItems.filter((i) => i.phase === 'pre-procedure').slice(0, n).map((i) => i.id);
}
afterEach(() => core?.cleanup());

describe('closed checklists packed (024)', () => {
  it('a cancelled encounter is packed at the next start and reads the same everywhere; the open one is left in rows', async () => {
    const dataDir = tempDir();
    // No background steps in this session: packing is left to the next start, whatever the timing.
    core = openTempCore({ dataDir, storageCompaction: false });
    const closed = await newEncounter(core, 'PACK-1');
    const open = await newEncounter(core, 'PACK-2');
    const nurse = core.as(NURSE);
    const items = await firstItems(core, closed.encounterId, 3);
    expect(items).toHaveLength(3);
    for (const itemId of items) ok(await nurse('checklist.setItem', { encounterId: closed.encounterId, itemId, status: 'checked' }));
    ok(await nurse('checklist.setItem', { encounterId: closed.encounterId, itemId: items[0], status: 'unchecked' }));
    ok(await nurse('checklist.setItem', { encounterId: open.encounterId, itemId: items[1], status: 'checked' }));
    ok(await nurse('encounter.cancel', { encounterId: closed.encounterId, reason: 'Patient unwell today.' }));
    const read = async (c: TempCore) => {
      const repo = createChecklistRepository(c.db);
      return {
        get: await c.as(NURSE)('encounter.get', { encounterId: closed.encounterId }),
        list: await c.as(NURSE)('encounter.list', { query: '' }),
        items: repo.list(closed.encounterId),
        history: repo.history(closed.encounterId),
        openItems: repo.list(open.encounterId),
      };
    };
    const before = await read(core);
    expect(before.history).toHaveLength(4);
    core.close();

    const logs: string[] = [];
    core = openTempCore({ dataDir, log: (line) => logs.push(line) });
    // Packed in the background after the start: wait on the archive row, then on the totals logged.
    const c = core;
    await expect.poll(() => c.db.prepare('SELECT count(*) FROM checklist_archives').pluck().get()).toBe(1);
    await expect.poll(() => logs).toContain("1 closed encounters' checklists packed (migration 024)");
    const count = (table: string, id: string) => core!.db.prepare(`SELECT count(*) FROM ${table} WHERE encounter_id = ?`).pluck().get(id);
    expect([count('checklist_items', closed.encounterId), count('checklist_item_events', closed.encounterId), count('checklist_archives', closed.encounterId)]).toEqual([0, 0, 1]);
    expect([count('checklist_items', open.encounterId), count('checklist_item_events', open.encounterId), count('checklist_archives', open.encounterId)]).toEqual([1, 1, 0]);
    expect(core.db.prepare('SELECT hex(substr(packed, 1, 1)) FROM checklist_archives').pluck().get()).toBe('02');
    expect(createChecklistArchiveReader(core.db)(closed.encounterId)?.events.map((e) => e.to_status)).toEqual(['checked', 'checked', 'checked', 'unchecked']);
    expect(await read(core)).toEqual(before);
    // Nothing more to do at the next start.
    expect(archiveClosedChecklists(core.db, 'now')).toBe(0);
  });

  it('refuses writes to a packed checklist and deletes of history not yet packed', async () => {
    // The test packs by hand; no background step may get there first.
    core = openTempCore({ storageCompaction: false });
    const closed = await newEncounter(core, 'PACK-3');
    const open = await newEncounter(core, 'PACK-4');
    const nurse = core.as(NURSE);
    const [itemId] = await firstItems(core, closed.encounterId, 1);
    ok(await nurse('checklist.setItem', { encounterId: closed.encounterId, itemId, status: 'checked' }));
    ok(await nurse('checklist.setItem', { encounterId: open.encounterId, itemId, status: 'checked' }));
    ok(await nurse('encounter.cancel', { encounterId: closed.encounterId, reason: 'Rescheduled.' }));
    const db = core.db;
    expect(() => db.prepare('DELETE FROM checklist_item_events WHERE encounter_id = ?').run(closed.encounterId)).toThrow(/append-only/);
    expect(archiveClosedChecklists(db, 'now', 1)).toBe(1);
    expect(() => db.prepare("INSERT INTO checklist_items VALUES (?, 'x', 'checked', NULL, 'now', 'N', 'nurse')").run(closed.encounterId)).toThrow(/archived/);
    expect(() => db.prepare("INSERT INTO checklist_item_events (encounter_id, item_id, to_status, at, by_name, by_role) VALUES (?, 'x', 'checked', 'now', 'N', 'nurse')").run(closed.encounterId)).toThrow(/archived/);
    for (const sql of ["UPDATE checklist_archives SET packed = x'0100'", 'DELETE FROM checklist_archives']) expect(() => db.prepare(sql).run(), sql).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM checklist_item_events WHERE encounter_id = ?').run(open.encounterId)).toThrow(/append-only/);
    expect(await nurse('checklist.setItem', { encounterId: closed.encounterId, itemId, status: 'unchecked' })).toMatchObject({ ok: false });
  });

  it('a checklist archived after discharge is format 2 against its template version and reads back as the tables held it; against another it is refused', async () => {
    core = openTempCore({ storageCompaction: false });
    const c = core;
    const { encounterId } = await newEncounter(c, 'PACK-5');
    for (const itemId of await firstItems(c, encounterId, 4)) ok(await c.as(NURSE)('checklist.setItem', { encounterId, itemId, status: 'checked' }));
    for (const to of ['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged']) {
      await doneBeforeMoving(physicianAct(c), encounterId, to);
      ok(await advanceOverridingOpen(c.as(PHYSICIAN), encounterId, to, 'test set-up'));
    }
    const db = c.db;
    const tables = {
      items: db.prepare('SELECT item_id, status, reason, updated_at, updated_by_name, updated_by_role FROM checklist_items WHERE encounter_id = ? ORDER BY item_id').all(encounterId),
      events: db.prepare('SELECT seq, item_id, from_status, to_status, reason, at, by_name, by_role FROM checklist_item_events WHERE encounter_id = ? ORDER BY seq').all(encounterId),
    };
    expect(tables.events.length).toBeGreaterThanOrEqual(4);
    const detail = ok<EncounterDetail>(await c.as(NURSE)('encounter.get', { encounterId }));
    expect(detail.encounter.state).toBe('discharged');

    expect(archiveClosedChecklists(db, 'now')).toBe(1);
    const row = db.prepare(`SELECT a.packed, t.content_json FROM checklist_archives a JOIN encounters e ON e.id = a.encounter_id
      JOIN templates t ON t.id = e.template_id AND t.version = e.template_version WHERE a.encounter_id = ?`).get(encounterId) as { packed: Uint8Array; content_json: string };
    expect(row.packed[0]).toBe(2);
    expect(Buffer.from(row.packed.subarray(1, 9))).toEqual(createHash('sha256').update(Buffer.from(row.content_json, 'utf8')).digest().subarray(0, 8));
    expect(createChecklistArchiveReader(db)(encounterId)).toEqual(tables);
    expect(ok<EncounterDetail>(await c.as(NURSE)('encounter.get', { encounterId }))).toEqual(detail);

    // The encounter pointed at another template version by hand: refused by name, never read as garbage.
    const other = db.prepare("SELECT id, version FROM templates WHERE id <> 'lumbar-transforaminal-esi' ORDER BY id LIMIT 1").get() as { id: string; version: number };
    db.prepare('UPDATE encounters SET template_id = ?, template_version = ? WHERE id = ?').run(other.id, other.version, encounterId);
    expect(() => createChecklistArchiveReader(db)(encounterId)).toThrow(
      `the archived checklist of ${encounterId} cannot be read: the template version it was compressed against is not the same as the one at hand`,
    );
  });
});
