/** The consent-discussion note export: one content model, two renderings. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

export const ExportNoteInputSchema = z.strictObject({
  encounterId: IdSchema,
});

export const ExportedNoteSchema = z.object({
  /** File name without extension, e.g. "consent-note_MRN123_2026-11-24". */
  fileBaseName: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  text: z.string().min(1),
  pdfBase64: z.string().min(1),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
  generatedAt: TimestampSchema,
});
export type ExportedNote = z.infer<typeof ExportedNoteSchema>;
