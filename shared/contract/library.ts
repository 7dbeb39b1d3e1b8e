/** The procedure library as the UI reads it. */
import { z } from 'zod';
import { TemplateSchema } from '../library/schema';
import { SOURCE_RELIABILITY } from '../library/source-schema';
import { shortText } from './text';
import { AcceptFactInputSchema, ChangeSchema, DiffInputSchema, ExportLibraryInputSchema, FactReviewSchema, ImportLibraryInputSchema, ImportResultSchema, PublishInputSchema, QuestionnaireInputSchema, TemplateOverviewSchema } from './library-admin';
import { ANY_ROLE, Empty, PHYSICIAN, method } from './method-spec';

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

export const LIBRARY_METHODS = {
  'library.list': method({
    summary: 'The procedure templates available for new encounters (newest version of each).',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: Empty,
    output: z.array(TemplateSummarySchema),
  }),
  'library.get': method({
    summary: 'One template version with the sources its facts cite.',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: GetTemplateInputSchema,
    output: TemplateWithSourcesSchema,
  }),
  'library.overview': method({
    summary: "Every template with its versions and its latest version's review backlog (verified, secondary, awaiting review, accepted).",
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: Empty,
    output: z.array(TemplateOverviewSchema),
  }),
  'library.acceptFact': method({
    summary: "Record a physician reviewer's acceptance, with why, of one needs-review or secondary-source fact of one template version.",
    writes: true,
    access: PHYSICIAN,
    audit: { entry: 'with-change', describe: (i) => ({ patientId: null, target: `template:${String(i.templateId)}@${String(i.version)}/fact:${String(i.factId)}` }) },
    input: AcceptFactInputSchema,
    output: FactReviewSchema,
  }),
  'library.publish': method({
    summary: 'Publish edited content as the next version of a template; earlier versions never change.',
    writes: true,
    access: PHYSICIAN,
    audit: { entry: 'with-change', describe: (_i, o) => ({ patientId: null, target: `template:${String(o.id)}@${String(o.version)}` }) },
    input: PublishInputSchema,
    output: TemplateSummarySchema,
  }),
  'library.diff': method({
    summary: 'What changed between two versions of a template.',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: DiffInputSchema,
    output: z.array(ChangeSchema),
  }),
  'library.export': method({
    summary: 'The library (or some templates) as a JSON document to share between rooms.',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: ExportLibraryInputSchema,
    output: z.object({ document: z.string(), fileBaseName: z.string() }),
  }),
  'library.import': method({
    summary: 'Import a library document: everything is validated before anything is written.',
    writes: true,
    access: PHYSICIAN,
    audit: { entry: 'with-change', describe: () => ({ patientId: null, target: 'library' }) },
    input: ImportLibraryInputSchema,
    output: ImportResultSchema,
  }),
  'library.questionnaire': method({
    summary: "A template version's checklist as a FHIR R4 Questionnaire.",
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: QuestionnaireInputSchema,
    output: z.record(z.string(), z.unknown()),
  }),
} as const;
