/** A day's signed notes sent to the outbox in a background batch, with progress, and cancelled. */
import { z } from 'zod';
import { ActorSchema, DateSchema, IdSchema, TimestampSchema } from './common';
import { CHART, method } from './method-spec';

/** A day's list (every signed note of encounters planned that day) or named encounters. */
export const StartBatchInputSchema = z.union([
  z.strictObject({ plannedDate: DateSchema }),
  z.strictObject({ encounterIds: z.array(IdSchema).min(1).max(5000) }),
]);
export const BatchIdInputSchema = z.strictObject({ batchId: IdSchema });

export const BatchStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export const BatchStatusSchema = z.object({
  batchId: IdSchema,
  state: BatchStateSchema,
  /** Notes the batch will export. */
  total: z.number().int().min(0),
  /** Exported so far. */
  exported: z.number().int().min(0),
  /** Signed notes left out because the outbox already has them with every addendum. */
  alreadySent: z.number().int().min(0),
  /** Notes that failed (each with its reason in `problems`). */
  failed: z.number().int().min(0),
  /** Encounters left out before starting (no signed note), and failures. */
  problems: z.array(z.object({ encounterId: IdSchema, reason: z.string() })).max(5000),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  startedBy: ActorSchema,
  folder: z.string(),
});
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

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
