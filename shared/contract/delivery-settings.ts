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

/** A file the app reads a secret from (a bearer token, a PEM private key): absolute, and owner-only (checked when used). */
const SecretFileSchema = pathText('the secret file', { min: 1, max: 500 })
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute file path');

/**
 * How the FHIR server is told who is writing. Secrets are not kept in the settings (every role may read
 * them): each is a file path, and the file must be owner-only. SMART Backend Services: client credentials
 * with a private-key JWT signed RS384 or ES384 (hl7.org/fhir/smart-app-launch/backend-services.html).
 */
export const FhirAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('bearer'), tokenFile: SecretFileSchema }),
  z.strictObject({
    kind: z.literal('smart'),
    clientId: shortText('the SMART client id', { min: 1, max: 200 }),
    privateKeyFile: SecretFileSchema,
    algorithm: z.enum(['RS384', 'ES384']),
    /** The JWT header's kid: which of the client's published keys signed it. */
    keyId: shortText('the key id', { min: 1, max: 200 }).nullable(),
    scope: shortText('the scope', { min: 1, max: 1000 }).regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'is scopes separated by single spaces'),
  }),
]);
export type FhirAuth = z.infer<typeof FhirAuthSchema>;

/** FHIR R4 REST: the server's base URL (where [base]/metadata is), how to authenticate, how long to wait. */
export const FhirDeliverySettingsSchema = z.strictObject({
  base: shortText('the FHIR base URL', { min: 1, max: 500 })
    .regex(/^https?:\/\/[A-Za-z0-9.\-[\]:]+(\/[\x21-\x7e]*)?$/, 'must be an http(s) URL')
    .transform((u) => u.replace(/\/+$/, '')),
  auth: FhirAuthSchema,
  timeoutSeconds: z.number().int('is a whole number of seconds').min(1, 'is at least 1 second').max(300, 'is at most 300 seconds'),
});
export type FhirDeliverySettings = z.infer<typeof FhirDeliverySettingsSchema>;

export const DeliverySettingsSchema = z.strictObject({
  /** A folder an engine polls for .hl7 files (often a share); null: no folder channel. */
  folder: DropFolderSchema.nullable(),
  mllp: MllpSettingsSchema.nullable(),
  /** Unset in settings stored before the FHIR channel: off. */
  fhir: FhirDeliverySettingsSchema.nullable().default(null),
  /** Retries wait base × 2^(attempt−1) seconds, never more than the cap. */
  retryBaseSeconds: z.number().int().min(1).max(3600),
  retryCapSeconds: z.number().int().min(1).max(86_400),
}).refine((d) => d.retryCapSeconds >= d.retryBaseSeconds, { message: 'the retry cap is at least the first wait', path: ['retryCapSeconds'] });
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { folder: null, mllp: null, fhir: null, retryBaseSeconds: 30, retryCapSeconds: 3600 };
