/**
 * The consent discussion the physician records. Which risks were discussed lives
 * in the checklist's risk items; this holds the rest of the conversation.
 */
import { z } from 'zod';
import { ActorSchema, IdSchema, NoteTextSchema, TimestampSchema } from './common';

export const DecisionSchema = z.enum(['consents', 'declines', 'defers']);
export type Decision = z.infer<typeof DecisionSchema>;

export const QuestionSchema = z.strictObject({
  question: NoteTextSchema.pipe(z.string().min(1, 'the question is empty')),
  answer: NoteTextSchema,
});

export const InterpreterSchema = z.discriminatedUnion('used', [
  z.strictObject({ used: z.literal(false) }),
  z.strictObject({
    used: z.literal(true),
    language: z.string().trim().min(1, 'the language is required').max(60),
    interpreterId: z.string().trim().min(1, 'the interpreter id is required').max(60),
  }),
]);

const ConsentFields = {
  benefitsDiscussed: z.boolean(),
  benefitsNote: NoteTextSchema,
  alternativesDiscussed: z.boolean(),
  alternativesNote: NoteTextSchema,
  questions: z.array(QuestionSchema).max(50),
  interpreter: InterpreterSchema,
  decision: DecisionSchema.nullable(),
};

export const SaveConsentInputSchema = z.strictObject({
  encounterId: IdSchema,
  ...ConsentFields,
});
export type SaveConsentInput = z.infer<typeof SaveConsentInputSchema>;

export const ConsentDiscussionSchema = z.object({
  ...ConsentFields,
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
});
export type ConsentDiscussion = z.infer<typeof ConsentDiscussionSchema>;
