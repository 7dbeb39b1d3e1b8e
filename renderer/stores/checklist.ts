/**
 * The open encounter's checklist. Each item change is sent at once; the UI
 * shows it saved only after the core confirms the write is on disk.
 */
import { create } from 'zustand';
import type { ChecklistItemState, ItemChange, ItemStatus } from '#shared/contract/checklist';
import { progress, resolvedIdsOf, type ChecklistSection } from '#shared/domain/checklist';
import { api } from '../api/client';
import { useEncounter } from './encounter';

/**
 * Where one change stands. While saving, the control shows the intended state
 * beside "Saving…"; only an acknowledged write shows "Saved"; a failure reverts.
 */
export type SaveState =
  | { kind: 'saving'; status: ItemStatus }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

interface ChecklistState {
  sections: ChecklistSection[];
  items: Record<string, ChecklistItemState>;
  /** Each item's history of changes, oldest first (absent: none yet). */
  itemHistory: Record<string, readonly ItemChange[]>;
  saves: Record<string, SaveState>;
  setItem: (itemId: string, status: ItemStatus, reason?: string) => Promise<boolean>;
  /** Checks several items in one write (a group confirmation): all saved, or none. Resolves to why not, or null once saved. */
  checkAll: (itemIds: readonly string[]) => Promise<string | null>;
}

export const EMPTY_CHECKLIST = { sections: [], items: {}, itemHistory: {}, saves: {} } satisfies Partial<ChecklistState>;

/** Each item's changes, oldest first, grouped from the encounter's history. */
export function historyByItem(changes: readonly ItemChange[]): Record<string, readonly ItemChange[]> {
  const byItem: Record<string, ItemChange[]> = {};
  for (const change of changes) (byItem[change.itemId] ??= []).push(change);
  return byItem;
}

export const useChecklist = create<ChecklistState>((set) => ({
  ...EMPTY_CHECKLIST,

  async setItem(itemId, status, reason) {
    const encounterId = useEncounter.getState().encounterId;
    if (!encounterId) return false;
    set((s) => ({ saves: { ...s.saves, [itemId]: { kind: 'saving', status } } }));
    try {
      const state = await api().call('checklist.setItem', {
        encounterId,
        itemId,
        status,
        ...(status === 'not-applicable' ? { reason } : {}),
      });
      // Only this item's entries are replaced: every other row selects the same objects as before and does not render again.
      set((s) => ({
        items: { ...s.items, [itemId]: state },
        saves: { ...s.saves, [itemId]: { kind: 'saved', at: state.updatedAt } },
        // The core appended the same change to the item's history; show it without re-reading the record.
        itemHistory: {
          ...s.itemHistory,
          [itemId]: [...(s.itemHistory[itemId] ?? []), { itemId, from: s.items[itemId]?.status ?? null, to: state.status, reason: state.reason, at: state.updatedAt, by: state.updatedBy }],
        },
      }));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set((s) => ({ saves: { ...s.saves, [itemId]: { kind: 'failed', message } } }));
      return false;
    }
  },

  async checkAll(itemIds) {
    const encounterId = useEncounter.getState().encounterId;
    if (!encounterId || itemIds.length === 0) return 'nothing to confirm';
    const before = useChecklist.getState().saves;
    set((s) => ({ saves: { ...s.saves, ...Object.fromEntries(itemIds.map((id) => [id, { kind: 'saving', status: 'checked' } as const])) } }));
    try {
      const states = await api().call('checklist.setItems', { encounterId, itemIds: [...itemIds], status: 'checked' });
      set((s) => {
        const items = { ...s.items };
        const saves = { ...s.saves };
        const itemHistory = { ...s.itemHistory };
        for (const state of states) {
          const change = { itemId: state.itemId, from: s.items[state.itemId]?.status ?? null, to: state.status, reason: state.reason, at: state.updatedAt, by: state.updatedBy };
          items[state.itemId] = state;
          saves[state.itemId] = { kind: 'saved', at: state.updatedAt };
          itemHistory[state.itemId] = [...(s.itemHistory[state.itemId] ?? []), change];
        }
        return { items, saves, itemHistory };
      });
      return null;
    } catch (error) {
      // Nothing was saved: each row shows what it showed before, and the group's button says why.
      set((s) => {
        const saves = { ...s.saves };
        for (const id of itemIds) {
          const was = before[id];
          if (was) saves[id] = was; else delete saves[id];
        }
        return { saves };
      });
      return error instanceof Error ? error.message : String(error);
    }
  },
}));

/**
 * How many of these items are resolved, by the shared rule (shared/domain/checklist.ts).
 * A number, so a component using it renders again only when its own count
 * changes, not on every save elsewhere in the checklist.
 */
export function useResolvedCount(items: readonly { id: string }[]): number {
  return useChecklist((s) => progress(items, resolvedIdsOf(Object.values(s.items))).done);
}
