/**
 * Checklist item state and its append-only history, written together. A closed
 * encounter's are read from its archive once packed (db/checklist-archive.ts).
 */
import type { ChecklistItemState } from '#shared/contract/checklist';
import { createChecklistArchiveReader, type ItemRow } from '../checklist-archive';
import type { Db } from '../connection';

function toState(row: ItemRow): ChecklistItemState {
  return {
    itemId: row.item_id,
    status: row.status,
    reason: row.reason,
    updatedAt: row.updated_at,
    updatedBy: { name: row.updated_by_name, role: row.updated_by_role },
  };
}

export interface ItemEvent {
  itemId: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  at: string;
  byName: string;
  byRole: string;
}

export function createChecklistRepository(db: Db) {
  const current = db.prepare<[string, string], { status: string }>(
    'SELECT status FROM checklist_items WHERE encounter_id = ? AND item_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO checklist_items (encounter_id, item_id, status, reason, updated_at, updated_by_name, updated_by_role)
     VALUES (@encounterId, @itemId, @status, @reason, @at, @byName, @byRole)
     ON CONFLICT (encounter_id, item_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name, updated_by_role = excluded.updated_by_role`,
  );
  const event = db.prepare(
    `INSERT INTO checklist_item_events (encounter_id, item_id, from_status, to_status, reason, at, by_name, by_role)
     VALUES (@encounterId, @itemId, @fromStatus, @status, @reason, @at, @byName, @byRole)`,
  );
  const forEncounter = db.prepare<[string], ItemRow>(
    `SELECT item_id, status, reason, updated_at, updated_by_name, updated_by_role
     FROM checklist_items WHERE encounter_id = ? ORDER BY item_id`,
  );
  const history = db.prepare<[string], Record<string, string | null>>(
    `SELECT item_id AS itemId, from_status AS fromStatus, to_status AS toStatus, reason, at, by_name AS byName, by_role AS byRole
     FROM checklist_item_events WHERE encounter_id = ? ORDER BY seq`,
  );

  const archived = createChecklistArchiveReader(db);

  /** State and history in one transaction: both are on disk, or neither. */
  const set = db.transaction((encounterId: string, state: ChecklistItemState) => {
    const from = current.get(encounterId, state.itemId)?.status ?? null;
    const params = {
      encounterId,
      itemId: state.itemId,
      status: state.status,
      reason: state.reason,
      at: state.updatedAt,
      byName: state.updatedBy.name,
      byRole: state.updatedBy.role,
      fromStatus: from,
    };
    upsert.run(params);
    event.run(params);
  });

  /** Several states in one transaction (a group confirmation): all on disk with their history, or none. */
  const setMany = db.transaction((encounterId: string, states: readonly ChecklistItemState[]) => {
    for (const state of states) set(encounterId, state);
  });

  return {
    set(encounterId: string, state: ChecklistItemState): void {
      set.immediate(encounterId, state);
    },
    setMany(encounterId: string, states: readonly ChecklistItemState[]): void {
      setMany.immediate(encounterId, states);
    },
    list(encounterId: string): ChecklistItemState[] {
      const rows = forEncounter.all(encounterId);
      return (rows.length ? rows : archived(encounterId)?.items ?? []).map(toState);
    },
    history(encounterId: string): ItemEvent[] {
      const rows = history.all(encounterId) as unknown as ItemEvent[];
      if (rows.length) return rows;
      return (archived(encounterId)?.events ?? []).map((e) => ({
        itemId: e.item_id, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, at: e.at, byName: e.by_name, byRole: e.by_role,
      }));
    },
  };
}
export type ChecklistRepository = ReturnType<typeof createChecklistRepository>;
