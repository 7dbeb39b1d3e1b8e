/**
 * The clinic's settings, which an administrator sets: the idle lock, the INR threshold, the time
 * zone, and for the note and its exports which optional fields each template uses, the outbox
 * folder and the identifiers the chart systems need (LOINC document type; HL7 v2.5.1 MSH/PID/TXA).
 */
import { z } from 'zod';
import { pathText, shortText } from './text';
import { ADMIN, ANY_ROLE, Empty, method } from './method-spec';
import { DeliverySettingsSchema } from './delivery-settings';
import { DEFAULT_SITE_MAPPING, SiteMappingFields } from './settings-site-mapping';
import { ScheduleSettingsSchema } from './schedule-settings';

/**
 * Consent-discussion elements a clinic may switch off per template. The rest
 * (patient, procedure, risks, benefits, alternatives, decision, the FDA
 * statement for an epidural steroid, attestation, sources) are always in the note.
 * A switched-off field is never silently dropped: the note lists it as not used.
 */
export const OPTIONAL_NOTE_FIELDS = ['place', 'diagnosis', 'questions', 'teachBack', 'capacity', 'present', 'interpreter', 'participantSignatures'] as const;
export const OptionalNoteFieldSchema = z.enum(OPTIONAL_NOTE_FIELDS);
export type OptionalNoteField = z.infer<typeof OptionalNoteFieldSchema>;

export const NOTE_FIELD_LABELS: Readonly<Record<OptionalNoteField, string>> = {
  place: 'Place of the discussion',
  diagnosis: 'Diagnosis',
  questions: "Patient's questions and answers",
  teachBack: 'Teach-back',
  capacity: 'Decision-making capacity or surrogate',
  present: 'Who was present',
  interpreter: 'Interpreter',
  participantSignatures: 'Patient, witness and interpreter signatures',
};

/** Template id → the optional fields switched off for it. */
export const NoteFieldsOffSchema = z.record(
  z.string().regex(/^[a-z0-9-]{1,80}$/, 'must be a template id'),
  z.array(OptionalNoteFieldSchema).max(OPTIONAL_NOTE_FIELDS.length),
);
export type NoteFieldsOff = z.infer<typeof NoteFieldsOffSchema>;

/**
 * The outbox: an absolute folder the integration engine or records staff pick
 * exports up from. Checked to exist and be writable when set.
 */
export const OutboxFolderSchema = pathText('the outbox folder', { min: 1, max: 500 })
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute folder path');

const hl7Name = (field: string) => shortText(field, { min: 1, max: 40 }).regex(/^[^|^~\\&]*$/, 'must not contain HL7 delimiters (| ^ ~ \\ &)');

/** An identifier system as a URI (urn:oid:…, https://…): FHIR Identifier.system, and the HL7 HD universal id. */
export const identifierSystem = (field: string) => shortText(field, { min: 1, max: 200 }).regex(/^(urn:|https?:\/\/)\S+$/, 'must be a URI (urn:oid:…, https://…)');

/** The installation's Organization: the DocumentReference's custodian and the Provenance agent's onBehalfOf. */
export const OrganizationSchema = z.strictObject({
  name: shortText('the organization name', { min: 1, max: 120 }),
  system: identifierSystem("the organization identifier's system"),
  value: shortText("the organization's identifier", { min: 1, max: 60 }).regex(/^[^|^~\\&]*$/, 'must not contain HL7 delimiters (| ^ ~ \\ &)'),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const InteropSettingsSchema = z.strictObject({
  /**
   * Patient.identifier.system and PID-3's assigning authority: the receiver's own MRN system (an OID or URL
   * its EHR uses). Null until set: there is no default, because a made-up one makes the receiver's
   * conditional create miss its patient and file the note to a duplicate (issue 19). Export waits for it.
   */
  mrnSystem: identifierSystem('the MRN system').nullable(),
  /** The clinic as an Organization; null until set, and export waits for it. */
  organization: OrganizationSchema.nullable(),
  /** The system of the clinic's local provider ids (Practitioner.identifier.system, XCN.9); null when the clinic uses NPIs only. */
  providerIdSystem: identifierSystem('the local provider id system').nullable(),
  /** The system of the EHR's visit (account) numbers: the Encounter the DocumentReference names, PV1-19's authority. */
  visitNumberSystem: identifierSystem('the visit number system').nullable(),
  /** DocumentReference.type and OBX-3: a LOINC document code, configurable, default 59284-0 (LOINC "Consent Document"). */
  documentTypeLoinc: z.string().regex(/^\d{1,7}-\d$/, 'must be a LOINC code like 59284-0'),
  sendingApplication: hl7Name('the sending application'),
  sendingFacility: hl7Name('the sending facility'),
  receivingApplication: hl7Name('the receiving application'),
  receivingFacility: hl7Name('the receiving facility'),
  mrnAssigningAuthority: hl7Name("the MRN's assigning authority"),
  /** OBX-5 ED: application/pdf (mime) or AP/PDF (hl7); the receiving engine decides (HL7 v2.5.1 ED data type). */
  edFormat: z.enum(['mime', 'hl7']),
  ...SiteMappingFields,
});
export type InteropSettings = z.infer<typeof InteropSettingsSchema>;

/**
 * Until an administrator sets the site's values these are used; the export screen says so. The
 * identifier systems and the Organization have no stand-in: exporting is refused until they are set.
 * An installation that stored its interop settings before these keys existed keeps what it stored.
 */
export const DEFAULT_INTEROP_SETTINGS: InteropSettings = {
  mrnSystem: null,
  organization: null,
  providerIdSystem: null,
  visitNumberSystem: null,
  documentTypeLoinc: '59284-0',
  sendingApplication: 'PROCEDUREDESK',
  sendingFacility: 'PAIN-CLINIC',
  receivingApplication: 'EHR',
  receivingFacility: 'HOSPITAL',
  mrnAssigningAuthority: 'MRN',
  edFormat: 'mime',
  ...DEFAULT_SITE_MAPPING,
};

/** A zone this runtime knows, by its IANA name. */
export const TimeZoneSchema = shortText('the time zone', { min: 1, max: 64 }).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'is not a known time zone (IANA name, e.g. America/New_York)');

/** Clinic settings an administrator sets. */
export const SettingsSchema = z.object({
  /** Minutes without activity before the session locks (default 10). */
  idleLockMinutes: z.number().int().min(1).max(120),
  /**
   * The lab-defined INR at or below which a warfarin-type patient counts as
   * "normal INR" (Narouze 2018 gives no number for pain procedures), or null
   * when the clinic has not set it.
   */
  inrThreshold: z.number().min(0.8).max(3).nullable(),
  /**
   * The clinic's usual first follow-up, in days after the procedure, for the list of who is due;
   * null until the clinic sets it. A clinic choice: the library states no follow-up interval.
   */
  followUpAfterDays: z.number().int('is a whole number of days').min(1, 'is at least 1 day').max(365, 'is at most 365 days').nullable(),
  /** The clinic's time zone (IANA), for dose times and intervals across daylight saving. */
  timeZone: shortText('the time zone', { min: 1, max: 64 }),
  /** Optional note fields switched off per template (never silently: the note says so). */
  noteFieldsOff: NoteFieldsOffSchema,
  /** Where exports for the chart are written; null until an administrator sets it. */
  outboxFolder: OutboxFolderSchema.nullable(),
  interop: InteropSettingsSchema,
  /** The delivery channels the worker sends exported notes over (delivery-settings.ts). */
  delivery: DeliverySettingsSchema,
  /** Where the day's appointments come from (schedule-settings.ts). */
  schedule: ScheduleSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const UpdateSettingsInputSchema = z.strictObject({
  idleLockMinutes: SettingsSchema.shape.idleLockMinutes.optional(),
  inrThreshold: SettingsSchema.shape.inrThreshold.optional(),
  followUpAfterDays: SettingsSchema.shape.followUpAfterDays.optional(),
  timeZone: TimeZoneSchema.optional(),
  noteFieldsOff: NoteFieldsOffSchema.optional(),
  outboxFolder: OutboxFolderSchema.nullable().optional(),
  interop: InteropSettingsSchema.optional(),
  delivery: DeliverySettingsSchema.optional(),
  schedule: ScheduleSettingsSchema.optional(),
});

export const SETTINGS_METHODS = {
  'settings.get': method({
    summary: 'The clinic settings: idle lock time, INR threshold, time zone.',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: Empty,
    output: SettingsSchema,
  }),
  'settings.update': method({
    summary: 'Change clinic settings (administrator).',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: UpdateSettingsInputSchema,
    output: SettingsSchema,
  }),
} as const;
