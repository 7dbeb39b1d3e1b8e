/**
 * The records desk: a day's encounters with whether each note is signed and
 * whether the outbox already has it as it stands, and sending one note. Reads
 * only what a records account may read (encounter.list, note.get,
 * note.outboxExports, delivery.list); the batch runs through the chart-exports store.
 * Each latest document's deliveries to the chart are shown, and a failed one sent again.
 */
import { create } from 'zustand';
import type { WorklistRow } from '#shared/contract/encounter';
import type { Delivery } from '#shared/contract/delivery';
import type { OutboxExport } from '#shared/contract/note';
import { api } from '../api/client';
import { localIsoDate } from '../time/local-date';

export interface RecordsRow {
  row: WorklistRow;
  /** When the note was signed and how many addenda it has now; null while unsigned. */
  signed: { at: string; addenda: number } | null;
  /** The latest export to the outbox, if any. */
  lastSent: OutboxExport | null;
  /** The deliveries of the latest document queued for delivery, one per channel set up when it was exported. */
  deliveries: Delivery[];
}

interface RecordsOutboxState {
  date: string;
  rows: RecordsRow[];
  /** The clinic's time zone, for the times shown. */
  timeZone: string;
  loading: boolean;
  error: string | null;
  sending: string | null;
  setDate: (date: string) => void;
  /** Reads the list; `quiet` (a re-read while deliveries are under way) leaves the "Loading…" line alone. */
  load: (quiet?: boolean) => Promise<void>;
  send: (encounterId: string) => Promise<void>;
  retry: (encounterId: string, deliveryId: string) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
let loadSeq = 0;

async function rowOf(row: WorklistRow): Promise<RecordsRow> {
  const [note, exports, deliveries] = await Promise.all([
    api().call('note.get', { encounterId: row.encounter.id }),
    api().call('note.outboxExports', { encounterId: row.encounter.id }),
    api().call('delivery.list', { encounterId: row.encounter.id }),
  ]);
  const lastSent = exports.at(-1) ?? null;
  return {
    row,
    signed: note.note ? { at: note.note.signedAt, addenda: note.addenda.length } : null,
    lastSent,
    // The latest document with deliveries: an unchanged resend queues nothing new, so its status is the earlier one's.
    deliveries: [...exports].reverse().map((e) => deliveries.filter((d) => d.documentId === e.documentId)).find((ds) => ds.length > 0) ?? [],
  };
}

/**
 * Whether a delivery shown is being sent or due within moments: the worker settles it in the background,
 * so the screen reads the list again until none is (a retry due later shows its next try instead).
 */
export function deliveriesUnderWay(rows: RecordsRow[], now: number): boolean {
  return rows.some((r) => r.deliveries.some((d) => d.state === 'sending'
    || (d.state === 'queued' && (d.nextAttemptAt === null || Date.parse(d.nextAttemptAt) <= now + 5_000))));
}

export const useRecordsOutbox = create<RecordsOutboxState>((set, get) => ({
  date: localIsoDate(),
  rows: [],
  timeZone: 'UTC',
  loading: false,
  error: null,
  sending: null,
  setDate(date) {
    set({ date });
    void get().load();
  },
  async load(quiet = false) {
    const seq = ++loadSeq;
    if (!quiet) set({ loading: true, error: null });
    try {
      const [settings, list] = await Promise.all([api().call('settings.get', {}), api().call('encounter.list', { date: get().date })]);
      const rows = await Promise.all(list.map(rowOf));
      if (seq === loadSeq) set({ rows, timeZone: settings.timeZone, loading: false });
    } catch (error) {
      if (seq === loadSeq) set({ error: message(error), loading: false });
    }
  },
  async send(encounterId) {
    set({ sending: encounterId, error: null });
    try {
      await api().call('note.exportToOutbox', { encounterId });
      await get().load();
    } catch (error) {
      set({ error: message(error) });
    } finally {
      set({ sending: null });
    }
  },
  async retry(encounterId, deliveryId) {
    set({ error: null });
    try {
      await api().call('delivery.retry', { encounterId, deliveryId });
      await get().load();
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));
