/**
 * How long a patient is observed in recovery before discharge, per template (fact base §2.0,
 * "Observation after the procedure"). Kept here, keyed by template id, rather than in the
 * published template versions, which never change (shared/library/library-lock.test.ts).
 *
 * What the fact base gives: after sedation, observe until the discharge criteria are met
 * (Aldrete 9 or more, aldrete.ts), longer (up to about 2 h) after naloxone or flumazenil;
 * without sedation no authoritative time was found and 15–30 min is common practice [M].
 * So every template's minimum is the low end of that common practice, 15 min, shipped as
 * "needs clinical review"; a sedated patient also needs the Aldrete score. The SCS templates
 * add the NANS remark that some clinicians observe overnight for epidural hematoma (§2.9).
 */
import { M, V } from '../library/evidence';
import type { SourceRef } from '../library/schema';

const CONSENSUS = 'fact-base-consensus';

export interface ObservationRemark {
  text: string;
  sources: readonly SourceRef[];
}

export interface ObservationFacts {
  /** The least time in recovery before discharge without a recorded reason. */
  minimumMinutes: number;
  /** Where the minimum comes from, in words, for the screen. */
  basis: string;
  sources: readonly SourceRef[];
  /** Template-specific facts about observing longer. */
  remarks: readonly ObservationRemark[];
}

/** §2.0: not sedated, 15–30 min is common practice, no authoritative time [M]. */
const COMMON_PRACTICE: Omit<ObservationFacts, 'remarks'> = {
  minimumMinutes: 15,
  basis: 'No authoritative observation time is known; 15 to 30 minutes is common practice.',
  sources: [M(CONSENSUS)],
};

/** §2.9 (epidural hematoma after SCS): "some clinicians observe overnight" [V] NANS. */
const SCS_OVERNIGHT: ObservationRemark = {
  text: 'Epidural hematoma can start minutes to days later; some clinicians keep patients in overnight.',
  sources: [V('nans-epidural-hematoma')],
};

const common = (...remarks: ObservationRemark[]): ObservationFacts => ({ ...COMMON_PRACTICE, remarks });

/** One entry per template id of the library (observation.test.ts holds every template to it). */
export const OBSERVATION_BY_TEMPLATE: Readonly<Record<string, ObservationFacts>> = {
  'cervical-interlaminar-esi': common(),
  'thoracic-interlaminar-esi': common(),
  'lumbar-interlaminar-esi': common(),
  'cervical-transforaminal-esi': common(),
  'lumbar-transforaminal-esi': common(),
  'caudal-esi': common(),
  'epidural-adhesiolysis': common(),
  'lumbar-facet-intra-articular': common(),
  'cervical-facet-intra-articular': common(),
  'lumbar-medial-branch-block': common(),
  'cervical-medial-branch-block': common(),
  'lumbar-medial-branch-rfa': common(),
  'cervical-medial-branch-rfa': common(),
  'genicular-rfa': common(),
  'sacroiliac-joint-injection': common(),
  'vertebral-augmentation': common(),
  'stellate-ganglion-block': common(),
  'lumbar-sympathetic-block': common(),
  'greater-occipital-nerve-block': common(),
  'peripheral-nerve-block': common(),
  'trigger-point-injection': common(),
  'scs-trial': common(SCS_OVERNIGHT),
  'scs-permanent-implant': common(SCS_OVERNIGHT),
  'intrathecal-drug-delivery-trial': common(),
  'intrathecal-pump-implant': common(),
};

/** §2.0: after sedation, discharge by criteria; watch longer after reversal drugs [V2 from an AI summary, so M]. */
export const SEDATION_REMARK: ObservationRemark = {
  text: 'After sedation: until the Aldrete score is 9 or more. Observe longer, up to about 2 hours, if naloxone or flumazenil was given.',
  sources: [M('droracle-aldrete'), M('asa-2018-moderate-sedation')],
};

/** A template the table does not know (a clinic's own) gets the common-practice minimum. */
export function observationFor(templateId: string): ObservationFacts {
  return OBSERVATION_BY_TEMPLATE[templateId] ?? common();
}

/** When the encounter last entered recovery (its transitions, oldest first), or null: observation runs from there. */
export function recoveryStartedAt(transitions: readonly { to: string; at: string }[]): string | null {
  return transitions.filter((t) => t.to === 'recovery').at(-1)?.at ?? null;
}

/** Whole minutes from `since` to `now` (never negative). */
export function minutesBetween(since: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / 60_000));
}

export const OBSERVATION_BLOCKER_ID = 'observation-minimum';

/** The blocker of discharge while the minimum has not passed, or null once it has. */
export function observationBlocker(templateId: string, recoveryStartedAt: string, now: string): { id: string; label: string; hardStop: false; sources: SourceRef[] } | null {
  const facts = observationFor(templateId);
  const minutes = minutesBetween(recoveryStartedAt, now);
  if (minutes >= facts.minimumMinutes) return null;
  return {
    id: OBSERVATION_BLOCKER_ID,
    label: `Minimum observation time: ${minutes} of ${facts.minimumMinutes} min in recovery (discharge before it needs a reason)`,
    hardStop: false,
    sources: [...facts.sources],
  };
}
