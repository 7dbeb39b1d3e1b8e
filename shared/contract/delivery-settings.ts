/**
 * The site's delivery channels (issue 19, point 5): where the worker sends each exported note.
 * Off (null) until an administrator sets them; the outbox folder export works either way.
 */
import { z } from 'zod';
import { pathText, shortText } from './text';

/** An absolute folder path, as the outbox folder is (settings.ts). */
const DropFolderSchema = pathText('the delivery folder', { min: 1, max: 500 })
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute folder path');

/** HL7 v2 over MLLP to the interface engine: one message per connection, answered by an ACK. */
export const MllpSettingsSchema = z.strictObject({
  host: shortText('the MLLP host', { min: 1, max: 253 }).regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:]+\]?$/, 'must be a host name or IP address'),
  port: z.number().int('is a whole number').min(1, 'is a port from 1 to 65535').max(65535, 'is a port from 1 to 65535'),
  /** How long to wait for the connection and the ACK before retrying later. */
  timeoutSeconds: z.number().int('is a whole number of seconds').min(1, 'is at least 1 second').max(300, 'is at most 300 seconds'),
});
export type MllpSettings = z.infer<typeof MllpSettingsSchema>;

export const DeliverySettingsSchema = z.strictObject({
  /** A folder an engine polls for .hl7 files (often a share); null: no folder channel. */
  folder: DropFolderSchema.nullable(),
  mllp: MllpSettingsSchema.nullable(),
  /** Retries wait base × 2^(attempt−1) seconds, never more than the cap. */
  retryBaseSeconds: z.number().int().min(1).max(3600),
  retryCapSeconds: z.number().int().min(1).max(86_400),
}).refine((d) => d.retryCapSeconds >= d.retryBaseSeconds, { message: 'the retry cap is at least the first wait', path: ['retryCapSeconds'] });
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { folder: null, mllp: null, retryBaseSeconds: 30, retryCapSeconds: 3600 };
