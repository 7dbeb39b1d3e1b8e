/** The procedure library as the UI reads it. */
import { z } from 'zod';
import { TemplateSchema } from '../library/schema';
import { SOURCE_RELIABILITY } from '../library/source-schema';
import { shortText } from './text';

export const TemplateSummarySchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  name: z.string(),
  category: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const GetTemplateInputSchema = z.strictObject({
  templateId: shortText('the template id', { min: 1, max: 100 }),
  version: z.number().int().positive(),
});

/** A template as stored, with the sources its facts cite resolved and the clinic's acceptances of its facts. */
export const TemplateWithSourcesSchema = z.object({
  template: TemplateSchema,
  reviews: z.array(z.object({
    factId: z.string(), acceptedAt: z.string(), acceptedBy: z.object({ name: z.string(), role: z.string() }),
    /** Why the reviewer accepted it for this clinic; null for acceptances from before comments (migration 014). */
    comment: z.string().nullable(),
  })),
  sources: z.array(z.object({ id: z.string(), citation: z.string(), url: z.string().optional(), reliability: z.enum(SOURCE_RELIABILITY), note: z.string().optional() })),
});
export type TemplateWithSources = z.infer<typeof TemplateWithSourcesSchema>;
