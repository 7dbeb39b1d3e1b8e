/**
 * The consent-discussion note: one content model, rendered as text and PDF, signed,
 * amended by addenda, and written to the installation's outbox folder as PDF, text,
 * a FHIR R4 Bundle and an HL7 v2 MDM message, with a record of what left, when and by whom.
 */
import { z } from 'zod';
import { PasswordSchema } from './auth';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { longText, shortText, storedText } from './text';
import { NoteContentSchema } from '../note/model';
import { CHART, CLINICAL, PHYSICIAN, byEncounter, method, onEncounter } from './method-spec';

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

/**
 * Signing: the physician re-enters the password and attests; the core builds
 * the note from the encounter as it stands, fixes its canonical content,
 * records its SHA-256 and signs it with the physician's Ed25519 key. A signed
 * note never changes; corrections are addenda, each signed in turn.
 */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** Offered by the screen; the physician may change it. It states what was done, not a clinical finding. */
export const DEFAULT_ATTESTATION =
  'I personally held the consent discussion recorded in this note with the patient (and any interpreter, surrogate or others named), and this note is an accurate record of that discussion.';

export const SignNoteInputSchema = z.strictObject({
  encounterId: IdSchema,
  password: PasswordSchema,
  attestation: longText("the physician's attestation", { min: 1, max: 2000 }),
});

export const AddAddendumInputSchema = z.strictObject({
  noteId: IdSchema,
  reason: shortText('the reason for the addendum', { min: 5, max: 500, required: 'give the reason for the addendum (at least 5 characters)' }),
  text: longText('the addendum', { min: 1, max: 4000, required: 'the addendum is empty' }),
  password: PasswordSchema,
});

export const GetNoteInputSchema = z.strictObject({ encounterId: IdSchema });

/**
 * How a signature was verified on this read (a note or addendum that fails is
 * never returned: the read is refused). "ed25519": the signer's key signed it,
 * keyId naming the key (SHA-256 of its public key). "hash-only": signed before
 * cryptographic signatures existed; only its SHA-256 was checked, and every
 * screen and export says so.
 */
export const SignatureVerificationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('ed25519'), keyId: Sha256Schema }),
  z.object({ method: z.literal('hash-only') }),
]);
export type SignatureVerification = z.infer<typeof SignatureVerificationSchema>;

/** How every refusal of a signed note that fails verification begins, on every surface. */
export const SIGNATURE_FAILED = 'Signature does not verify: this note was changed after signing';

export const SignedNoteSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  contentSha256: Sha256Schema,
  signedAt: TimestampSchema,
  signedBy: ActorSchema,
  attestation: storedText,
  verification: SignatureVerificationSchema,
});
export type SignedNote = z.infer<typeof SignedNoteSchema>;

export const AddendumSchema = z.object({
  id: IdSchema,
  noteId: IdSchema,
  /** 1, 2, 3… in the order they were signed. */
  seq: z.number().int().min(1),
  reason: storedText,
  text: storedText,
  contentSha256: Sha256Schema,
  signedAt: TimestampSchema,
  signedBy: ActorSchema,
  verification: SignatureVerificationSchema,
});
export type Addendum = z.infer<typeof AddendumSchema>;

export const NoteSignatureSchema = z.object({
  note: SignedNoteSchema.nullable(),
  addenda: z.array(AddendumSchema),
});
export type NoteSignature = z.infer<typeof NoteSignatureSchema>;

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

export const PrintNoteInputSchema = z.strictObject({ encounterId: IdSchema });

export const NOTE_METHODS = {
  'note.export': method({
    summary: 'Render the consent-discussion note as PDF and plain text from one content model.',
    writes: true,
    access: CHART,
    audit: { entry: 'after-success', describe: byEncounter },
    input: ExportNoteInputSchema,
    output: ExportedNoteSchema,
  }),
  'note.sign': method({
    summary: "Sign the consent-discussion note (physician, password again, attestation): its content is fixed with a SHA-256, signed with the physician's Ed25519 key, and never changes.",
    writes: true,
    access: PHYSICIAN,
    // Signing commits with its entry; a wrong password is an audited refusal (db/audited-refusal.ts).
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/note${typeof o.id === 'string' ? `:${o.id}` : ''}/sign`) },
    input: SignNoteInputSchema,
    output: SignedNoteSchema,
  }),
  'note.addAddendum': method({
    summary: 'Add a signed addendum (reason, text, password again) to a signed note; the original stays as it was.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: (i, o, look) => {
        const encounterId = look.encounterOfNote(i.noteId);
        return { patientId: look.patientOfEncounter(encounterId), target: `encounter:${String(encounterId)}/note:${String(i.noteId)}/addendum${typeof o.seq === 'number' ? `:${o.seq}` : ''}` };
      } },
    input: AddAddendumInputSchema,
    output: AddendumSchema,
  }),
  'note.get': method({
    summary: "An encounter's signed note (or null) and its addenda in order, each signature verified (refused if any fails).",
    writes: false,
    access: CHART,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/note`) },
    input: GetNoteInputSchema,
    output: NoteSignatureSchema,
  }),
  'note.exportToOutbox': method({
    summary: 'Write the signed note to the outbox folder as PDF, text, FHIR R4 Bundle and HL7 MDM (atomically), and record the export; a later export replaces the earlier one.',
    writes: true,
    access: CHART,
    // One entry per note, in the same transaction as its export record (db/export/outbox.ts).
    audit: 'self',
    input: ExportToOutboxInputSchema,
    output: OutboxExportSchema,
  }),
  'note.outboxExports': method({
    summary: "List an encounter's exports to the outbox, oldest first.",
    writes: false,
    access: CHART,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/outbox`) },
    input: ListOutboxExportsInputSchema,
    output: z.array(OutboxExportSchema),
  }),
  'note.print': method({
    summary: 'The note as it prints (the signed copy with its addenda, or the draft marked unsigned); the print is recorded in the audit trail.',
    writes: true,
    access: CHART,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/note/print`) },
    input: PrintNoteInputSchema,
    output: NoteContentSchema,
  }),
} as const;
