/** The audit trail as the admin screen reads it. */
import { z } from 'zod';
import { IdSchema } from './common';
import { longText, shortText } from './text';
import { ADMIN, Empty, OVERSIGHT, method } from './method-spec';

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
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    /** The seal in the key folder the trail was checked against (write the counter down to notice a rollback of both). */
    sealed: z.object({ counter: z.number().int(), seq: z.number().int(), hash: z.string() }).optional(),
    /** Entries before this one predate an acknowledged break and cannot be verified. */
    unverifiedBefore: z.number().int().optional(),
  }),
  z.object({ ok: z.literal(false), firstBrokenSeq: z.number().int(), reason: z.string() }),
]);

/** A page of the trail, always with a check: the seal against the trail's head, and every entry on the page (audit.verify walks the whole chain). */
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), verdict: AuditVerdictSchema });

/**
 * The audit trail and its seal (kept outside the database) disagree: entries were removed, an
 * older copy was put back, the seal or the key is missing. Shown to everyone until an
 * administrator acknowledges it (audit.acknowledgeAlarm), which is itself recorded.
 */
export const AuditAlarmSchema = z.object({
  reason: z.string(),
  firstBrokenSeq: z.number().int().nonnegative(),
  detectedAt: z.string(),
});
export type AuditAlarm = z.infer<typeof AuditAlarmSchema>;

export const AcknowledgeAlarmInputSchema = z.strictObject({
  /** Why the administrator accepts the break (what was found, who was told); recorded in the trail. */
  reason: longText('the reason', { min: 10, max: 500, required: 'say in a sentence what was found and what was done' }),
  password: z.string().min(1, 'the password is required').max(200),
});

export const AUDIT_METHODS = {
  'audit.list': method({
    summary: 'The audit trail, newest first, filtered by patient, action or user, with a check of its seal against the head and of every entry returned.',
    writes: false,
    access: OVERSIGHT,
    audit: 'none',
    input: AuditListInputSchema,
    output: AuditPageSchema,
  }),
  'audit.verify': method({
    summary: 'Check the audit chain end to end, and its head against the seal kept outside the database; report the first broken link.',
    writes: false,
    access: OVERSIGHT,
    audit: 'none',
    input: Empty,
    output: AuditVerdictSchema,
  }),
  'audit.acknowledgeAlarm': method({
    summary: 'An administrator, with the password and a reason, acknowledges an audit trail alarm; recorded, and the seal starts again.',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: AcknowledgeAlarmInputSchema,
    output: AuditVerdictSchema,
  }),
} as const;
