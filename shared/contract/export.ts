/** The export.* methods. */
import { CHART, method } from './method-spec';
import { BatchIdInputSchema, BatchStatusSchema, StartBatchInputSchema } from './outbox';

export const EXPORT_METHODS = {
  'export.startBatch': method({
    summary: "Start exporting a day's signed notes (or the named encounters) to the outbox in the background.",
    writes: true,
    access: CHART,
    // Each note of the batch records itself like note.exportToOutbox (db/export/batch.ts).
    audit: 'self',
    input: StartBatchInputSchema,
    output: BatchStatusSchema,
  }),
  'export.batchStatus': method({
    summary: 'Progress of a batch export: exported, failed, problems, state.',
    writes: false,
    access: CHART,
    audit: 'none',
    input: BatchIdInputSchema,
    output: BatchStatusSchema,
  }),
  'export.cancelBatch': method({
    summary: 'Cancel a running batch export; notes already exported stay exported.',
    writes: true,
    access: CHART,
    audit: 'self',
    input: BatchIdInputSchema,
    output: BatchStatusSchema,
  }),
} as const;
