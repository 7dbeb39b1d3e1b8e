/**
 * The encounter's bleeding-risk class: a physician may raise it above the
 * procedure template's class, with a reason; a raise is kept insert-only
 * (migration 011) and one recorded in error is voided with a reason, never
 * deleted. The class the anticoagulant check uses is computed from the
 * template, the patient factors and the raises (shared/domain/bleeding-risk.ts).
 */
import { z } from 'zod';
import { BleedingRiskClassSchema } from '../library/schema';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { shortText, storedText } from './text';

/** Why a physician raises the class. */
export const RAISE_REASONS = ['deep-or-paravertebral-block', 'asipp-class', 'patient-factors', 'other'] as const;
export const RaiseReasonSchema = z.enum(RAISE_REASONS);
export type RaiseReason = z.infer<typeof RaiseReasonSchema>;

const text = shortText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' });

export const RaiseBleedingRiskInputSchema = z.strictObject({
  encounterId: IdSchema,
  /**
   * The class asked for. Any of the three is accepted here so that a request
   * for a class below the template's, or not above the current one, gets its
   * own specific refusal from the core rather than a bare enum error.
   */
  toClass: BleedingRiskClassSchema,
  reasonCategory: RaiseReasonSchema,
  reason: text,
});
export type RaiseBleedingRiskInput = z.infer<typeof RaiseBleedingRiskInputSchema>;

export const VoidBleedingRiskRaiseInputSchema = z.strictObject({ encounterId: IdSchema, raiseId: IdSchema, reason: text });

export const BleedingRiskRaiseSchema = z.object({
  id: IdSchema,
  encounterId: IdSchema,
  /** The class in force when the physician raised it. */
  fromClass: BleedingRiskClassSchema,
  toClass: BleedingRiskClassSchema,
  reasonCategory: RaiseReasonSchema,
  reason: storedText,
  at: TimestampSchema,
  by: ActorSchema,
  /** Set when the raise was voided as recorded in error: by whom, when and why. */
  voided: z.object({ at: TimestampSchema, by: ActorSchema, reason: storedText }).nullable(),
});
export type BleedingRiskRaise = z.infer<typeof BleedingRiskRaiseSchema>;
