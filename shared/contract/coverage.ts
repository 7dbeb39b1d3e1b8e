/**
 * The coverage.* methods (issue 20 point 2): an encounter's payer criteria judged
 * from the intake, the patient's earlier procedures and their outcomes. A read:
 * it never blocks or changes anything.
 */
import { z } from 'zod';
import { EvidenceSchema } from '../library/schema';
import { IdSchema } from './common';
import { PayerSchema } from './patient';
import { CLINICAL, method, onEncounter } from './method-spec';

export const RuleStatusSchema = z.enum(['met', 'not-met', 'unknown', 'not-applicable']);

export const CoverageRuleResultSchema = z.object({
  ruleId: z.string(),
  text: z.string(),
  status: RuleStatusSchema,
  /** What was found, in words. */
  found: z.string(),
  /** What is missing or short, in words; null when met or not applicable. */
  missing: z.string().nullable(),
  sources: z.array(z.object({ sourceId: z.string(), evidence: EvidenceSchema, citation: z.string() })),
  evidence: EvidenceSchema,
  needsClinicalReview: z.boolean(),
});

export const CoverageSetResultSchema = z.object({
  payer: z.string(),
  setId: z.string(),
  title: z.string(),
  policy: z.string(),
  policyKind: z.string(),
  results: z.array(CoverageRuleResultSchema),
});

export const CoverageReadinessSchema = z.object({
  encounterId: IdSchema,
  templateName: z.string(),
  /** Whose rules were read: the patient's recorded payer, or Medicare's when none is recorded (recorded: false). */
  payer: z.object({ id: PayerSchema, label: z.string(), recorded: z.boolean() }),
  /** Whether an intake was found for the patient (until it is, every intake criterion is unknown). */
  hasIntake: z.boolean(),
  sets: z.array(CoverageSetResultSchema),
  /** The documentation summary paragraph for the chart. */
  summary: z.string(),
});
export type CoverageReadiness = z.infer<typeof CoverageReadinessSchema>;
export type CoverageSetResult = z.infer<typeof CoverageSetResultSchema>;

export const COVERAGE_METHODS = {
  'coverage.readiness': method({
    summary: "An encounter's payer coverage criteria (the patient's payer, else Medicare): met, not met, unknown or not applicable, with what is missing and a documentation summary.",
    writes: false,
    access: CLINICAL,
    // It reads the patient's intake and earlier outcomes: a view of their record.
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/coverage`) },
    input: z.strictObject({ encounterId: IdSchema }),
    output: CoverageReadinessSchema,
  }),
} as const;
