/** The marks the note puts after a statement whose evidence is not firm, and when it does. */
import { needsClinicalReview } from '../library/reliability';
import type { SourceRef } from '../library/schema';

export const REVIEW_MARK = '[needs clinical review]';
/** A statement known only from a secondary summary ([V2]); the note names no citation for it (citing rule 3). */
export const SECONDARY_MARK = '[secondary source]';

/** Unverified ([M]) facts, inferences, and facts resting on low-reliability sources only await a clinician's review (reliability.ts). */
export function needsReview(sources: readonly SourceRef[]): boolean {
  return needsClinicalReview(sources);
}
