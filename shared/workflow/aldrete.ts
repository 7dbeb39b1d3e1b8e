/**
 * The Aldrete score used to decide discharge after sedation. The fact base (§2.0,
 * post-procedure observation) gives only the five components, each scored 0–2, and the
 * discharge threshold of 9 or more [V2]. It gives no descriptor for each level, so none
 * is shown here: the nurse scores each component 0, 1 or 2 by the clinic's own chart.
 */
import { z } from 'zod';
import { V2 } from '../library/evidence';
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
