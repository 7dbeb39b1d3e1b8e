/**
 * Installation settings for the note and its exports: which optional note
 * fields each procedure template uses, the outbox folder, and the identifiers
 * the chart systems need (LOINC document type; HL7 v2.5.1 MSH/PID/TXA fields). An administrator sets them.
 */
import { z } from 'zod';
import { pathText, shortText } from './text';

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

export const InteropSettingsSchema = z.strictObject({
  /** Patient.identifier.system: the MRN's assigning authority as a URI. */
  mrnSystem: shortText('the MRN system', { min: 1, max: 200 }).regex(/^(urn:|https?:\/\/)\S+$/, 'must be a URI (urn:oid:…, https://…)'),
  /** DocumentReference.type and OBX-3: a LOINC document code, configurable, default 59284-0 (LOINC "Consent Document"). */
  documentTypeLoinc: z.string().regex(/^\d{1,7}-\d$/, 'must be a LOINC code like 59284-0'),
  sendingApplication: hl7Name('the sending application'),
  sendingFacility: hl7Name('the sending facility'),
  receivingApplication: hl7Name('the receiving application'),
  receivingFacility: hl7Name('the receiving facility'),
  mrnAssigningAuthority: hl7Name("the MRN's assigning authority"),
  /** OBX-5 ED: application/pdf (mime) or AP/PDF (hl7); the receiving engine decides (HL7 v2.5.1 ED data type). */
  edFormat: z.enum(['mime', 'hl7']),
});
export type InteropSettings = z.infer<typeof InteropSettingsSchema>;

/**
 * Until an administrator sets the site's values these placeholders are used;
 * the export screen says so, because a receiving system may match on them.
 */
export const DEFAULT_INTEROP_SETTINGS: InteropSettings = {
  mrnSystem: 'urn:proceduredesk:mrn',
  documentTypeLoinc: '59284-0',
  sendingApplication: 'PROCEDUREDESK',
  sendingFacility: 'PAIN-CLINIC',
  receivingApplication: 'EHR',
  receivingFacility: 'HOSPITAL',
  mrnAssigningAuthority: 'MRN',
  edFormat: 'mime',
};
