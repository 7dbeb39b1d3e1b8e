/** The audit trail as the admin screen reads it. */
import { z } from 'zod';
import { IdSchema } from './common';
import { shortText } from './text';

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  user: z.object({ name: z.string(), role: z.string() }),
  patientId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditListInputSchema = z.strictObject({
  patientId: IdSchema.optional(),
  action: shortText('the action', { min: 1, max: 60 }).optional(),
  user: shortText('the user', { min: 1, max: 80 }).optional(),
  /** Entries older than this sequence number (paging backwards). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const AuditVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({ ok: z.literal(false), firstBrokenSeq: z.number().int(), reason: z.string() }),
]);
