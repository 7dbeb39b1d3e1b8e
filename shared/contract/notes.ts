/** The consent-discussion note export: one content model, two renderings. */
import { z } from 'zod';
import { PasswordSchema } from './auth';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { longText, shortText, storedText } from './text';

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
