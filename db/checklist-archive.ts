/**
 * A closed encounter's checklist, packed (migration 024, issue 21): its item
 * rows and history rows as the tables held them, in one compressed row, format 2
 * (db/packed-text.ts): raw DEFLATE against the encounter's template version as
 * a preset dictionary (its item ids and wording are that version's, and a
 * stored version never changes); archives written before in format 1 are read
 * as they are. Closed
 * encounters refuse checklist changes (requireOpenEncounter), so packing them
 * loses nothing and the repositories read either form. Packed in the background
 * after a start, a batch of encounters per transaction; each archive is checked to give back
 * the same rows before the rows are removed, so a stop anywhere leaves either
 * the rows or their archive, never neither.
 */
import type { Db } from './connection';
import { packTextChecked, unpackText } from './packed-text';
import { templateDictionary } from './template-dictionary';

export interface ItemRow {
  item_id: string;
  status: 'checked' | 'not-applicable' | 'unchecked';
  reason: string | null;
  updated_at: string;
  updated_by_name: string;
  updated_by_role: 'nurse' | 'physician' | 'admin' | 'records';
}
export interface EventRow {
  seq: number;
  item_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  at: string;
  by_name: string;
  by_role: string;
}
export interface ArchivedChecklist {
  items: ItemRow[];
  events: EventRow[];
}

const ITEM_COLUMNS = 'item_id, status, reason, updated_at, updated_by_name, updated_by_role';
const EVENT_COLUMNS = 'seq, item_id, from_status, to_status, reason, at, by_name, by_role';

/** Reads an encounter's archived checklist; null when it is not archived. */
export function createChecklistArchiveReader(db: Db): (encounterId: string) => ArchivedChecklist | null {
  // With the encounter's template version (by the encounter's primary key): the archive's dictionary.
  const byEncounter = db.prepare<[string], { packed: Uint8Array; template_id: string | null; template_version: number | null }>(
    'SELECT a.packed, e.template_id, e.template_version FROM checklist_archives a LEFT JOIN encounters e ON e.id = a.encounter_id WHERE a.encounter_id = ?',
  );
  const dictionary = templateDictionary(db);
  return (encounterId) => {
    const row = byEncounter.get(encounterId);
    if (!row) return null;
    const text = unpackText(row.packed, `the archived checklist of ${encounterId}`, dictionary(row.template_id, row.template_version));
    return JSON.parse(text) as ArchivedChecklist;
  };
}

/**
 * One batch: packs up to `batch` closed encounters' checklists still in rows in one immediate
 * transaction; returns how many. Statements prepared once for the background steps (db/compact-storage.ts).
 */
export function checklistPacker(db: Db): (now: string, batch: number) => number {
  // From the history rows still in the table (open encounters and those closed since the last start), so a
  // start reads only those, not every closed encounter; distinct by the history's encounter index, walked
  // forward from the last batch: open encounters are passed over once per sweep, not once per batch
  // (each batch starting over made a 100k clinic's first sweep quadratic: hours).
  // CROSS JOIN keeps the history outermost: left to itself the planner walks every closed encounter by
  // its state index instead, archived ones included, on every batch.
  const pending = db.prepare<[string, number], string>(`SELECT DISTINCT x.encounter_id FROM checklist_item_events x
    CROSS JOIN encounters e ON e.id = x.encounter_id WHERE x.encounter_id > ? AND e.state IN ('discharged', 'cancelled')
    ORDER BY x.encounter_id LIMIT ?`).pluck();
  let after = '';
  const items = db.prepare<[string], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM checklist_items WHERE encounter_id = ? ORDER BY item_id`);
  const events = db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM checklist_item_events WHERE encounter_id = ? ORDER BY seq`);
  const templateOf = db.prepare<[string], { template_id: string; template_version: number }>('SELECT template_id, template_version FROM encounters WHERE id = ?');
  const dictionary = templateDictionary(db);
  const insert = db.prepare('INSERT INTO checklist_archives (encounter_id, packed, packed_at) VALUES (?, ?, ?)');
  const dropEvents = db.prepare('DELETE FROM checklist_item_events WHERE encounter_id = ?');
  const dropItems = db.prepare('DELETE FROM checklist_items WHERE encounter_id = ?');
  // The encounter's state is read inside this transaction, so only an encounter already closed is packed.
  const step = db.transaction((now: string, batch: number) => {
    const ids = pending.all(after, batch);
    // A short batch ends the sweep: the next one starts again from the first encounter.
    after = ids.length === batch ? ids.at(-1)! : '';
    for (const id of ids) {
      const rows: ArchivedChecklist = { items: items.all(id), events: events.all(id) };
      const template = templateOf.get(id)!;
      insert.run(id, packTextChecked(JSON.stringify(rows), `the checklist of ${id}`, dictionary(template.template_id, template.template_version) ?? undefined), now);
      dropEvents.run(id);
      dropItems.run(id);
    }
    return ids.length;
  });
  return (now, batch) => step.immediate(now, batch);
}

/** Packs every closed encounter's checklist still in rows, `batch` encounters per transaction; returns how many. */
export function archiveClosedChecklists(db: Db, now: string, batch = 200): number {
  const step = checklistPacker(db);
  let done = 0;
  for (let n = step(now, batch); n > 0; n = step(now, batch)) done += n;
  return done;
}
