/**
 * The note's shape, once: the schema a stored note is read back through, and the types the
 * builders and renderings use, inferred from it so the two cannot drift apart.
 */
import { z } from 'zod';

export const NoteBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fields'), rows: z.array(z.tuple([z.string(), z.string()])) }),
  z.strictObject({ kind: z.literal('paragraph'), text: z.string() }),
  z.strictObject({ kind: z.literal('list'), items: z.array(z.string()) }),
  // A participant's signature: drawn on screen (PNG) or signed on paper (no image).
  z.strictObject({ kind: z.literal('signature'), label: z.string(), caption: z.string(), imagePngBase64: z.string().nullable() }),
]);

export const NoteSectionSchema = z.strictObject({ heading: z.string(), blocks: z.array(NoteBlockSchema) });

/** The stored content of a signed note, read back: refused unless it is exactly a NoteContent. */
export const NoteContentSchema = z.strictObject({
  title: z.string(),
  /** Repeated on every page of the PDF. */
  runningHeader: z.strictObject({ patientName: z.string(), mrn: z.string(), birthDate: z.string() }),
  sections: z.array(NoteSectionSchema),
});

export type NoteBlock = z.infer<typeof NoteBlockSchema>;
export type NoteSection = z.infer<typeof NoteSectionSchema>;
export type NoteContent = z.infer<typeof NoteContentSchema>;
