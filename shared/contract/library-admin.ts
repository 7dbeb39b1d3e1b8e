/** Reviewing, versioning, and moving the procedure library between rooms. */
import { z } from 'zod';
import { TemplateSchema } from '../library/schema';
import { ActorSchema, TimestampSchema } from './common';
import { longText, shortText, storedText } from './text';

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
