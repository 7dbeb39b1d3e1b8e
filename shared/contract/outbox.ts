/**
 * Exports for the chart: a signed note written to the installation's outbox
 * folder as PDF, plain text, a FHIR R4 Bundle and an HL7 v2 MDM message, each
 * file atomically, with a record of what left, when and by whom. A batch (a
 * day's list) runs in the background with progress and can be cancelled.
 */
import { z } from 'zod';
import { ActorSchema, DateSchema, IdSchema, TimestampSchema } from './common';

export const OutboxFormatSchema = z.enum(['pdf', 'text', 'fhir', 'hl7']);
export type OutboxFormat = z.infer<typeof OutboxFormatSchema>;

export const OutboxFileSchema = z.object({
  format: OutboxFormatSchema,
  /** The file's name inside the outbox folder. */
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type OutboxFile = z.infer<typeof OutboxFileSchema>;

export const OutboxExportSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  /** DocumentReference identifier (urn:uuid:…) and HL7 TXA-12. */
  documentId: IdSchema,
  /** The earlier export this one replaces (FHIR relatesTo replaces, HL7 MDM^T10); null for the first. */
  replacesDocumentId: IdSchema.nullable(),
  noteId: IdSchema.nullable(),
  addendaCount: z.number().int().min(0),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.array(OutboxFileSchema),
  folder: z.string(),
  batchId: IdSchema.nullable(),
  at: TimestampSchema,
  by: ActorSchema,
});
export type OutboxExport = z.infer<typeof OutboxExportSchema>;

export const ExportToOutboxInputSchema = z.strictObject({ encounterId: IdSchema });
export const ListOutboxExportsInputSchema = z.strictObject({ encounterId: IdSchema });

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

export const PrintNoteInputSchema = z.strictObject({ encounterId: IdSchema });
