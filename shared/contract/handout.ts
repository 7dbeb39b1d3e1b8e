/**
 * The printable patient handout (issue 20 point 4): one sheet per procedure in the
 * patient's language, made as a PDF in the core for the screen to open and print.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CLINICAL, method, onEncounter } from './method-spec';

/** A BCP 47 language tag ("en", "es", "es-US"); the language list itself is the clinic's (shared/domain). */
export const LanguageTagSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 language tag such as "en" or "es"' });

export const HandoutInputSchema = z.strictObject({
  encounterId: IdSchema,
  lang: LanguageTagSchema,
});

export const HandoutPdfSchema = z.object({
  /** File name without extension, e.g. "patient-handout_MRN123_2026-11-24_es". */
  fileBaseName: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  lang: LanguageTagSchema,
  pdfBase64: z.string().min(1),
  generatedAt: TimestampSchema,
});
export type HandoutPdf = z.infer<typeof HandoutPdfSchema>;

export const HANDOUT_METHODS = {
  'handout.pdf': method({
    summary: "The patient handout for an encounter as a PDF in the patient's language (what it is, what happens, risks, other choices, after, red flags, blood thinner restart, follow-up); recorded in the audit trail as a print.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'after-success', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/handout:${String(i.lang)}`) },
    input: HandoutInputSchema,
    output: HandoutPdfSchema,
  }),
} as const;
