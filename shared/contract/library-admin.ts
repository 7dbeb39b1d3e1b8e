/** Reviewing, versioning, and moving the procedure library between rooms. */
import { z } from 'zod';
import { TemplateSchema } from '../library/schema';
import { ActorSchema, TimestampSchema } from './common';
import { shortText } from './text';

const TemplateId = shortText('the template id', { min: 1, max: 100 });
const Version = z.number().int().positive();

export const FactReviewSchema = z.object({
  factId: z.string(),
  acceptedAt: TimestampSchema,
  acceptedBy: ActorSchema,
});
export type FactReview = z.infer<typeof FactReviewSchema>;

export const AcceptFactInputSchema = z.strictObject({
  templateId: TemplateId,
  version: Version,
  factId: shortText('the fact id', { min: 1, max: 100 }),
});

const EvidenceCountsSchema = z.object({ V: z.number().int(), V2: z.number().int(), M: z.number().int(), inference: z.number().int() });

export const TemplateOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  latestVersion: Version,
  versions: z.array(z.object({ version: Version, createdAt: TimestampSchema })),
  evidence: EvidenceCountsSchema,
  awaitingReview: z.number().int(),
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

/** Largest import document accepted, in characters of JSON. */
export const MAX_IMPORT_CHARS = 900_000;

export const ImportLibraryInputSchema = z.strictObject({
  document: z.string().min(1).max(MAX_IMPORT_CHARS, `the document is larger than ${MAX_IMPORT_CHARS} characters`),
});

export const ImportResultSchema = z.object({
  inserted: z.array(z.object({ id: z.string(), version: Version })),
  unchanged: z.array(z.object({ id: z.string(), version: Version })),
});

export const QuestionnaireInputSchema = z.strictObject({ templateId: TemplateId, version: Version });
