/** The procedure library: as the UI reads it, and its review, versions and moves between rooms. */
import { z } from 'zod';
import { TemplateSchema } from '../library/schema';
import { SOURCE_RELIABILITY } from '../library/source-schema';
import { ActorSchema, TimestampSchema } from './common';
import { longText, shortText, storedText } from './text';
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

const TemplateId = shortText('the template id', { min: 1, max: 100 });
const Version = z.number().int().positive();

/** Why the reviewer accepts a fact for this clinic: required, short, never blank. */
export const MAX_REVIEW_COMMENT = 1000;
export const ReviewCommentSchema = longText('the review comment', {
  min: 1,
  max: MAX_REVIEW_COMMENT,
  required: 'say why this fact is acceptable for this clinic',
  tooLong: `keep the comment to ${MAX_REVIEW_COMMENT} characters`,
});

export const FactReviewSchema = z.object({
  factId: z.string(),
  acceptedAt: TimestampSchema,
  acceptedBy: ActorSchema,
  /** null: accepted before comments were asked for (migration 014). */
  comment: storedText.nullable(),
});
export type FactReview = z.infer<typeof FactReviewSchema>;

export const AcceptFactInputSchema = z.strictObject({
  templateId: TemplateId,
  version: Version,
  factId: shortText('the fact id', { min: 1, max: 100 }),
  comment: ReviewCommentSchema,
});

const Count = z.number().int().nonnegative();

/** shared/library/review-backlog.ts: every fact of a version once, by where its review stands. */
export const ReviewBacklogSchema = z.object({
  verified: Count,
  secondary: Count,
  awaitingReview: Count,
  accepted: Count,
  total: Count,
  reviewed: z.boolean(),
  reviewedBy: z.object({ names: z.array(z.string()), lastAt: TimestampSchema }).nullable(),
});

export const TemplateOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  latestVersion: Version,
  versions: z.array(z.object({ version: Version, createdAt: TimestampSchema })),
  /** The review backlog of the latest version. */
  backlog: ReviewBacklogSchema,
});
export type TemplateOverview = z.infer<typeof TemplateOverviewSchema>;

export const PublishInputSchema = z.strictObject({
  /** The version the edit started from; publishing fails if another version was published since. */
  basedOnVersion: Version,
  /** The edited content; its version is assigned on publishing (basedOnVersion + 1). */
  template: TemplateSchema,
});

export const ChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const DiffInputSchema = z.strictObject({ templateId: TemplateId, from: Version, to: Version });

export const ExportLibraryInputSchema = z.strictObject({
  /** Omit for the whole library. */
  templateIds: z.array(TemplateId).min(1).max(200).optional(),
  /** Every stored version rather than the latest of each. */
  allVersions: z.boolean().default(false),
});

/** Largest import document accepted, in characters of JSON: the whole library with every version is about 1.5 M characters (25 templates × 2 versions) and grows with each release. */
export const MAX_IMPORT_CHARS = 6_000_000;

export const ImportLibraryInputSchema = z.strictObject({
  document: z.string().min(1).max(MAX_IMPORT_CHARS, `the document is larger than ${MAX_IMPORT_CHARS} characters`),
});

export const ImportResultSchema = z.object({
  inserted: z.array(z.object({ id: z.string(), version: Version })),
  unchanged: z.array(z.object({ id: z.string(), version: Version })),
});

export const QuestionnaireInputSchema = z.strictObject({ templateId: TemplateId, version: Version });

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
