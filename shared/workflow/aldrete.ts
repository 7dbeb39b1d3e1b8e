/**
 * The Aldrete score used to decide discharge after sedation. The fact base (§2.0,
 * post-procedure observation) gives only the five components, each scored 0–2, and the
 * discharge threshold of 9 or more [V2]. It names no original work (Aldrete and Kroulik's
 * score is not in it) and no descriptor for each level, so the words beside each score
 * below are ours, shipped as "needs clinical review", and state no cut-off figure: the
 * blood-pressure and saturation cut-offs stay the clinic's own chart's.
 */
import { z } from 'zod';
import { M, V2 } from '../library/evidence';
import type { SourceRef } from '../library/schema';

export const ALDRETE_COMPONENTS = ['activity', 'respiration', 'circulation', 'consciousness', 'oxygenSaturation'] as const;
export type AldreteComponent = (typeof ALDRETE_COMPONENTS)[number];

export const ALDRETE_COMPONENT_LABELS: Record<AldreteComponent, string> = {
  activity: 'Activity',
  respiration: 'Respiration',
  circulation: 'Circulation',
  consciousness: 'Consciousness',
  oxygenSaturation: 'Oxygen saturation (SpO2)',
};

/** What each score means, in words, per component: highest first (2, 1, 0). Needs clinical review. */
export const ALDRETE_LEVEL_WORDS: Record<AldreteComponent, Readonly<Record<0 | 1 | 2, string>>> = {
  activity: { 2: 'Moves all four limbs, on purpose or when asked', 1: 'Moves two limbs', 0: 'Moves no limbs' },
  respiration: { 2: 'Breathes deeply and coughs freely', 1: 'Short of breath, or shallow breathing', 0: 'Not breathing' },
  circulation: { 2: 'Blood pressure close to its level before sedation', 1: 'Blood pressure moderately changed from its level before sedation', 0: 'Blood pressure far from its level before sedation' },
  consciousness: { 2: 'Fully awake', 1: 'Wakes when called', 0: 'Does not respond' },
  oxygenSaturation: { 2: 'Keeps saturation up on room air', 1: 'Needs oxygen to keep saturation up', 0: 'Saturation low even with oxygen' },
};

/** The words above are not in the reference: [M], "needs clinical review" until the clinic's reviewer accepts them. */
export const ALDRETE_WORDS_SOURCES: readonly SourceRef[] = [M('droracle-aldrete')];

const ComponentScore = z.literal([0, 1, 2]);

export const AldreteScoresSchema = z.strictObject({
  activity: ComponentScore,
  respiration: ComponentScore,
  circulation: ComponentScore,
  consciousness: ComponentScore,
  oxygenSaturation: ComponentScore,
});
export type AldreteScores = z.infer<typeof AldreteScoresSchema>;

/** Discharge after sedation at an Aldrete score of 9 or more (of 10). */
export const ALDRETE_DISCHARGE_MIN = 9;

export const ALDRETE_SOURCES: readonly SourceRef[] = [V2('droracle-aldrete')];

export function aldreteTotal(scores: AldreteScores): number {
  return ALDRETE_COMPONENTS.reduce((sum, c) => sum + scores[c], 0);
}

export function aldreteDischargeReady(scores: AldreteScores): boolean {
  return aldreteTotal(scores) >= ALDRETE_DISCHARGE_MIN;
}
