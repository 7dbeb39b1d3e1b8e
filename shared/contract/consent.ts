/**
 * The consent discussion the physician records. Which risks were discussed lives
 * in the checklist's risk items; this holds the rest of the conversation: the
 * elements fact-reference.md §5 lists for the note (AMA Opinion 2.1.1 and the
 * sources there).
 *
 * Fields added after the first release default when absent, so discussions
 * saved before them still read, and a caller that does not know them still saves.
 */
import { z } from 'zod';
import { ActorSchema, IdSchema, noteText, TimestampSchema } from './common';
import { LanguageTagSchema } from './language';
import { longText, personName, shortText, storedLine, storedText } from './text';
import { CLINICAL, byEncounter, method, onEncounter } from './method-spec';

export const DecisionSchema = z.enum(['consents', 'declines', 'defers']);
export type Decision = z.infer<typeof DecisionSchema>;

export const QuestionSchema = z.strictObject({
  question: longText('the question', { min: 1, max: 4000, required: 'the question is empty' }),
  answer: noteText('the answer'),
});

/** How the interpreter took part (fact-reference.md §5: evidence of interpretation). */
export const InterpreterModeSchema = z.enum(['in-person', 'phone', 'video']);
export type InterpreterMode = z.infer<typeof InterpreterModeSchema>;

const ShortText = (what: string) => shortText(what, { min: 1, max: 80 });

const interpreterSchema = (language: z.ZodType<string, string>) => z.discriminatedUnion('used', [
  z.strictObject({ used: z.literal(false) }),
  z.strictObject({
    used: z.literal(true),
    language,
    interpreterId: shortText('the interpreter id', { min: 1, max: 60 }),
    /** null only on discussions saved before the mode was recorded. */
    mode: InterpreterModeSchema.nullable().default(null),
  }),
]);

/**
 * As stored: discussions saved before the language list hold the language as typed ("Spanish"),
 * and still read, shown as entered. A save names a tag from the list (shared/domain/languages.ts).
 */
export const InterpreterSchema = interpreterSchema(shortText('the language', { min: 1, max: 60 }));
export const InterpreterInputSchema = interpreterSchema(LanguageTagSchema);

/**
 * Decision-making capacity (AMA 2.1.1), or the surrogate who decided for a
 * patient without it (AMA 2.1.2): name, relationship, and why a surrogate.
 */
export const CapacitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('not-recorded') }),
  z.strictObject({ kind: z.literal('patient-has-capacity') }),
  z.strictObject({
    kind: z.literal('surrogate'),
    name: personName("the surrogate's name", { max: 80 }),
    relationship: ShortText("the surrogate's relationship to the patient"),
    reason: shortText('the reason for a surrogate', { min: 1, max: 500, required: 'say why the patient could not decide' }),
  }),
]);
export type Capacity = z.infer<typeof CapacitySchema>;

/** Someone present for the discussion (fact-reference.md §5 "who was present", [M]). */
export const PresentPersonSchema = z.strictObject({
  name: personName('the name of a person present', { max: 80 }),
  role: ShortText('the role (e.g. nurse, daughter, interpreter)'),
});

const ConsentFields = {
  /** When the discussion took place; null until recorded. */
  discussedAt: TimestampSchema.nullable().default(null),
  /** Where it took place (room, clinic). */
  place: shortText('the place', { max: 120 }).default(''),
  /** The diagnosis, when known (AMA 2.1.1); the indication is on the encounter. */
  diagnosis: noteText('the diagnosis').default(''),
  benefitsDiscussed: z.boolean(),
  benefitsNote: noteText('the note on benefits'),
  alternativesDiscussed: z.boolean(),
  alternativesNote: noteText('the note on alternatives'),
  questions: z.array(QuestionSchema).max(50),
  /** The patient's own words restating the key points (teach-back). */
  teachBack: noteText('the teach-back').default(''),
  capacity: CapacitySchema.default({ kind: 'not-recorded' }),
  present: z.array(PresentPersonSchema).max(20).default([]),
  interpreter: InterpreterSchema,
  decision: DecisionSchema.nullable(),
};

export const SaveConsentInputSchema = z.strictObject({
  encounterId: IdSchema,
  ...ConsentFields,
  interpreter: InterpreterInputSchema,
});
export type SaveConsentInput = z.input<typeof SaveConsentInputSchema>;

export const ConsentDiscussionSchema = z.object({
  ...ConsentFields,
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
});
export type ConsentDiscussion = z.infer<typeof ConsentDiscussionSchema>;

// The signatures of the patient (or surrogate), a witness and the interpreter: drawn on screen or
// signed on paper, on the note and its PDF; never changed, one taken in error is voided with a reason.
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

export const CONSENT_METHODS = {
  'consent.save': method({
    summary: 'Record the consent discussion: benefits, alternatives, questions, interpreter, decision.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: byEncounter },
    input: SaveConsentInputSchema,
    output: ConsentDiscussionSchema,
  }),
  'consent.captureSignature': method({
    summary: "Capture the patient's, surrogate's, witness's or interpreter's signature: drawn on screen (PNG) or marked as signed on paper.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i, o) => `encounter:${String(i.encounterId)}/signature:${String(o.id)}:${String(i.signer)}:${String(i.method)}`) },
    input: CaptureSignatureInputSchema,
    output: ParticipantSignatureSchema,
  }),
  'consent.voidSignature': method({
    summary: 'Void a signature captured in error, with the reason; it stays in the history.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/signature:${String(i.signatureId)}/void`) },
    input: VoidSignatureInputSchema,
    output: ParticipantSignatureSchema,
  }),
} as const;
