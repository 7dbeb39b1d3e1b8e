/**
 * Signatures of the people in the consent discussion other than the physician:
 * the patient (or the surrogate who decided), a witness and the interpreter.
 * Each is drawn on screen (a PNG) or marked as signed on paper, and appears on
 * the note and its PDF. Captured ones never change: one taken in error is
 * voided with a reason and stays in the history.
 */
import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { personName, shortText, storedLine, storedText } from './text';

export const SignerSchema = z.enum(['patient', 'surrogate', 'witness', 'interpreter']);
export type Signer = z.infer<typeof SignerSchema>;

export const SIGNER_LABELS: Readonly<Record<Signer, string>> = {
  patient: 'Patient',
  surrogate: 'Surrogate',
  witness: 'Witness',
  interpreter: 'Interpreter',
};

/** A PNG's base64 starts with the PNG signature (89 50 4E 47 0D 0A 1A 0A). */
const PNG_BASE64_PREFIX = 'iVBORw0KGgo';
/** About 225 KB of image: a signature pad at screen resolution is far below this. */
export const MAX_SIGNATURE_BASE64 = 300_000;

export const SignatureImageSchema = z
  .string()
  .max(MAX_SIGNATURE_BASE64, 'the drawn signature is too large')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 without a data: prefix')
  .refine((s) => s.length % 4 === 0, 'must be padded base64')
  .refine((s) => s.startsWith(PNG_BASE64_PREFIX), 'must be a PNG image');

export const CaptureSignatureInputSchema = z.discriminatedUnion('method', [
  z.strictObject({
    encounterId: IdSchema,
    signer: SignerSchema,
    signerName: personName("the signer's name", { max: 80 }),
    method: z.literal('drawn'),
    imagePngBase64: SignatureImageSchema,
  }),
  z.strictObject({
    encounterId: IdSchema,
    signer: SignerSchema,
    signerName: personName("the signer's name", { max: 80 }),
    method: z.literal('paper'),
  }),
]);
export type CaptureSignatureInput = z.infer<typeof CaptureSignatureInputSchema>;

export const VoidSignatureInputSchema = z.strictObject({
  encounterId: IdSchema,
  signatureId: IdSchema,
  reason: shortText('the reason', { min: 3, max: 500, required: 'give the reason (at least 3 characters)' }),
});

export const ParticipantSignatureSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  signer: SignerSchema,
  signerName: storedLine,
  method: z.enum(['drawn', 'paper']),
  imagePngBase64: z.string().nullable(),
  at: TimestampSchema,
  by: ActorSchema,
  voided: z.object({ reason: storedText, at: TimestampSchema, by: ActorSchema }).nullable(),
});
export type ParticipantSignature = z.infer<typeof ParticipantSignatureSchema>;
