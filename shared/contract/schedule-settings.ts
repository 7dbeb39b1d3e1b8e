/**
 * Where the day's appointments come from (issue 19, point 6): a FHIR server's Appointment search,
 * and/or HL7 v2 SIU^S12 and ADT^A04/A08 dropped in an inbox folder or sent to a small MLLP listener.
 * Each is off (null) until an administrator sets it; walk-ins are registered by hand either way.
 */
import { z } from 'zod';
import { FhirAuthSchema as DeliveryFhirAuthSchema } from './delivery-settings';
import { pathText, shortText } from './text';

const absoluteFolder = (field: string) => pathText(field, { min: 1, max: 500 })
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

/**
 * How the app authenticates to the FHIR server: the delivery channel's schema, narrowed to none and bearer
 * (db/schedule/fhir-pull.ts sends no SMART token yet). The bearer token is read from an owner-only file at
 * each pull, never stored in the database nor shown by settings.get.
 */
const [noAuth, bearerAuth] = DeliveryFhirAuthSchema.options;
export const FhirAuthSchema = z.discriminatedUnion('kind', [noAuth, bearerAuth]);
export type FhirAuth = z.infer<typeof FhirAuthSchema>;

export const FhirScheduleSettingsSchema = z.strictObject({
  /** The FHIR R4 base, e.g. https://ehr.example.org/fhir/r4 (no trailing slash needed). */
  baseUrl: shortText('the FHIR base URL', { min: 1, max: 300 }).regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  /** The Location searched for (Appointment?location=…): its id as the server knows it, e.g. Location/123. */
  location: shortText('the location', { min: 1, max: 120 }).regex(/^[A-Za-z0-9\-./:|]+$/, 'must be a Location reference or id'),
  auth: FhirAuthSchema,
  timeoutSeconds: z.number().int('is a whole number of seconds').min(1).max(120),
});

export const MllpListenerSettingsSchema = z.strictObject({
  /** 127.0.0.1 unless the interface engine is on another machine (then this machine's own address). */
  host: shortText('the listen address', { min: 1, max: 64 }).regex(/^[0-9.]+$|^[0-9A-Fa-f:]+$|^localhost$/, 'must be an IP address'),
  port: z.number().int('is a whole number').min(1024, 'is a port from 1024 to 65535').max(65535, 'is a port from 1024 to 65535'),
});

export const ScheduleSettingsSchema = z.strictObject({
  fhir: FhirScheduleSettingsSchema.nullable(),
  /** A folder the engine drops .hl7 files in; each is imported and moved to done/ or refused/ beside it. */
  hl7Inbox: absoluteFolder('the HL7 inbox folder').nullable(),
  mllp: MllpListenerSettingsSchema.nullable(),
  /** The largest inbound message taken, in bytes (a schedule message is a few kilobytes). */
  maxMessageBytes: z.number().int().min(1024).max(10_000_000),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = { fhir: null, hl7Inbox: null, mllp: null, maxMessageBytes: 1_000_000 };
