/**
 * The note on its way to the chart: signatures of the patient and others,
 * exports to the outbox, printing, and the background batch export. Each
 * write merges its acknowledged result; nothing shows as done before the core
 * has it on disk.
 */
import { create } from 'zustand';
import type { OutboxExport } from '#shared/contract/note';
import type { BatchStatus } from '#shared/contract/export';
import type { CaptureSignatureInput } from '#shared/contract/consent';
import type { NoteContent } from '#shared/note/model';
import { api, type FormResult } from '../api/client';
import { useEncounter, writeToOpen } from './encounter';

const POLL_MS = 300;

/** The capture input without the encounter (the open one), per method. */
type SignatureDraft = CaptureSignatureInput extends infer T ? (T extends unknown ? Omit<T, 'encounterId'> : never) : never;

interface ChartExportsState {
  outbox: { encounterId: string; exports: OutboxExport[] } | null;
  sending: boolean;
  outboxError: string | null;
  /** The note laid out for the printer while the print dialog is open. */
  printing: NoteContent | null;
  printError: string | null;
  batch: BatchStatus | null;
  batchError: string | null;
  captureSignature: (input: SignatureDraft) => Promise<FormResult>;
  voidSignature: (signatureId: string, reason: string) => Promise<FormResult>;
  loadOutbox: (encounterId: string) => Promise<void>;
  sendToOutbox: () => Promise<void>;
  print: () => Promise<void>;
  donePrinting: () => void;
  startBatch: (plannedDate: string) => Promise<void>;
  cancelBatch: () => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Replaces (or appends) a signature in the open encounter. */
function mergeSignature(signature: NonNullable<ReturnType<typeof useEncounter.getState>['detail']>['signatures'][number]) {
  useEncounter.setState((s) => (s.detail && s.detail.encounter.id === signature.encounterId
    ? { detail: { ...s.detail, signatures: [...s.detail.signatures.filter((x) => x.id !== signature.id), signature] } }
    : {}));
}

export const useChartExports = create<ChartExportsState>((set, get) => {
  let poll: ReturnType<typeof setTimeout> | null = null;
  const watch = (batchId: string) => {
    if (poll) clearTimeout(poll);
    poll = setTimeout(() => {
      void api().call('export.batchStatus', { batchId }).then((batch) => {
        set({ batch });
        if (batch.state === 'running') watch(batchId);
      }, (error: unknown) => set({ batchError: message(error) }));
    }, POLL_MS);
  };

  return {
    outbox: null,
    sending: false,
    outboxError: null,
    printing: null,
    printError: null,
    batch: null,
    batchError: null,

    captureSignature: (input) => writeToOpen(async (encounterId) => {
      mergeSignature(await api().call('consent.captureSignature', { ...input, encounterId }));
    }),

    voidSignature: (signatureId, reason) => writeToOpen(async (encounterId) => {
      mergeSignature(await api().call('consent.voidSignature', { encounterId, signatureId, reason }));
    }),

    async loadOutbox(encounterId) {
      try {
        const exports = await api().call('note.outboxExports', { encounterId });
        set({ outbox: { encounterId, exports }, outboxError: null });
      } catch (error) {
        set({ outboxError: message(error) });
      }
    },

    async sendToOutbox() {
      const encounterId = useEncounter.getState().encounterId;
      if (!encounterId) return;
      set({ sending: true, outboxError: null });
      try {
        const sent = await api().call('note.exportToOutbox', { encounterId });
        const previous = get().outbox?.encounterId === encounterId ? get().outbox!.exports : [];
        set({ sending: false, outbox: { encounterId, exports: [...previous, sent] } });
      } catch (error) {
        set({ sending: false, outboxError: message(error) });
      }
    },

    async print() {
      const encounterId = useEncounter.getState().encounterId;
      if (!encounterId) return;
      try {
        set({ printing: await api().call('note.print', { encounterId }), printError: null });
      } catch (error) {
        set({ printError: message(error) });
      }
    },
    donePrinting: () => set({ printing: null }),

    async startBatch(plannedDate) {
      set({ batchError: null });
      try {
        const batch = await api().call('export.startBatch', { plannedDate });
        set({ batch });
        if (batch.state === 'running') watch(batch.batchId);
      } catch (error) {
        set({ batchError: message(error) });
      }
    },

    async cancelBatch() {
      const batch = get().batch;
      if (!batch) return;
      try {
        set({ batch: await api().call('export.cancelBatch', { batchId: batch.batchId }) });
      } catch (error) {
        set({ batchError: message(error) });
      }
    },
  };
});
