/**
 * "Did it help?": percent relief from a pain diary against its baseline, and
 * whether a diary or a follow-up meets the relief thresholds the library's
 * follow-up facts state (shared/clinical/relief-thresholds.ts). Pure: the
 * core computes the verdicts it returns with these, and the screen's text
 * alternatives read the same results.
 *
 * Choices made here, not clinical facts:
 * - A diary is judged on its peak relief (the best of its scores against the
 *   baseline); the hours at or above each threshold are listed beside it so
 *   the reader can judge how long it held.
 * - Percentages are shown rounded down, so a shown value never overstates relief;
 *   comparisons use the exact value.
 * - A month is 365.25 / 12 days when a duration in another unit is compared with
 *   one in months.
 */
import type {
  DiaryPoint,
  DiaryResult,
  FollowUp,
  PainDiary,
  ReliefDuration,
  ReliefThreshold,
  TimelinePoint,
  Verdict,
} from '../contract/follow-up';

/** Relief of a score against a baseline, in percent (negative: worse); null when the baseline is 0. */
export function reliefPercent(baseline: number, score: number): number | null {
  if (baseline <= 0) return null;
  return ((baseline - score) / baseline) * 100;
}

/** For display: rounded down, so it never overstates relief. */
export function shownPercent(percent: number): number {
  return Math.floor(percent + 1e-9);
}

/** "30 min", "1 h", "24 h". */
export function formatHours(hours: number): string {
  return hours < 1 ? `${Math.round(hours * 60)} min` : `${hours} h`;
}

export function formatDuration(d: ReliefDuration): string {
  const unit = d.value === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return `${d.value} ${unit}`;
}

const DAYS_PER: Record<ReliefDuration['unit'], number> = { hours: 1 / 24, days: 1, weeks: 7, months: 365.25 / 12 };

export function durationInDays(d: ReliefDuration): number {
  return d.value * DAYS_PER[d.unit];
}

/** The diary's scores in time order, each with its relief against the baseline. */
export function diaryPoints(diary: Pick<PainDiary, 'baseline' | 'entries'>): DiaryPoint[] {
  return [...diary.entries]
    .sort((a, b) => a.hours - b.hours)
    .map((e) => ({ hours: e.hours, score: e.score, relief: reliefPercent(diary.baseline, e.score) }));
}

/** The best relief of the diary and when; null when the baseline is 0 (nothing to compare with). */
export function peakRelief(points: readonly DiaryPoint[]): { relief: number; hours: number } | null {
  let best: { relief: number; hours: number } | null = null;
  for (const p of points) {
    if (p.relief !== null && (best === null || p.relief > best.relief)) best = { relief: p.relief, hours: p.hours };
  }
  return best;
}

/** The pain score at which relief reaches the threshold (for the chart's reference line). */
export function scoreAtThreshold(baseline: number, percent: number): number {
  return Math.round(baseline * (1 - percent / 100) * 100) / 100;
}

const REVIEW_TEXT = 'needs clinical review';

/** The rule named as the fact names it, with how firm its evidence is. */
export function ruleName(t: ReliefThreshold): string {
  const tags = [...new Set(t.sources.map((s) => s.evidence))].join(', ');
  const firmness = t.needsReview ? ` [${tags}: ${REVIEW_TEXT}]` : t.sources.some((s) => s.evidence === 'V2') ? ` [${tags}: secondary source]` : ` [${tags}]`;
  return `the ≥${t.percent}% threshold ${t.purpose} (source: ${t.label})${firmness}`;
}

/** The fact asks relief to last the local anaesthetic's expected duration, which the library does not give. */
function durationCaveat(t: ReliefThreshold): string {
  return /expected duration of the local anesthetic/i.test(t.factText)
    ? ' How long relief must last (the local anaesthetic’s expected duration) is not in the library: judge it from the diary and the anaesthetic used.'
    : '';
}

/**
 * One diary against the diary thresholds. `qualifyingBlocks(t)` counts this
 * patient's diaries for the same procedure, up to and including this one,
 * whose peak meets t (for rules that ask for two blocks).
 */
export function judgeDiary(diary: PainDiary, thresholds: readonly ReliefThreshold[], qualifyingBlocks: (t: ReliefThreshold) => number): DiaryResult {
  const points = diaryPoints(diary);
  const peak = peakRelief(points);
  const verdicts = thresholds.filter((t) => t.appliesTo === 'diary').map((t): Verdict => {
    const rule = ruleName(t);
    if (!peak) return { factId: t.factId, status: 'not-evaluable', sentence: `Cannot be judged against ${rule}: the baseline score is 0, so relief cannot be computed.` };
    const peakText = `peak relief ${shownPercent(peak.relief)}% at ${formatHours(peak.hours)}`;
    if (peak.relief < t.percent) return { factId: t.factId, status: 'does-not-meet', sentence: `Does not meet ${rule}: ${peakText}.` };
    const at = points.filter((p) => p.relief !== null && p.relief >= t.percent).map((p) => formatHours(p.hours));
    const held = ` At or above ${t.percent}% at ${at.join(', ')}.`;
    if (t.blocksRequired && t.blocksRequired > 1) {
      const n = qualifyingBlocks(t);
      const count = ` The rule asks for ${t.blocksRequired} blocks each meeting it: ${Math.min(n, t.blocksRequired)} of ${t.blocksRequired} recorded for this patient.`;
      const status = n >= t.blocksRequired ? 'meets' : 'pending';
      const verb = status === 'meets' ? 'Meets' : 'Not yet met: this block meets';
      return { factId: t.factId, status, sentence: `${verb} ${rule}: ${peakText}.${held}${count}${durationCaveat(t)}` };
    }
    return { factId: t.factId, status: 'meets', sentence: `Meets ${rule}: ${peakText}.${held}${durationCaveat(t)}` };
  });
  return {
    diaryId: diary.id,
    baseline: diary.baseline,
    points,
    peakRelief: peak ? shownPercent(peak.relief) : null,
    peakAtHours: peak?.hours ?? null,
    verdicts,
  };
}

/** Whether a diary's peak relief meets a threshold's percent (used to count qualifying blocks). */
export function diaryMeets(diary: Pick<PainDiary, 'baseline' | 'entries'>, percent: number): boolean {
  const peak = peakRelief(diaryPoints(diary));
  return peak !== null && peak.relief >= percent;
}

/** One follow-up's reported relief (and how long it lasted) against the follow-up thresholds. */
export function judgeFollowUp(followUp: FollowUp, thresholds: readonly ReliefThreshold[]): Verdict[] {
  return thresholds.filter((t) => t.appliesTo === 'follow-up').map((t): Verdict => {
    const rule = ruleName(t);
    const relief = followUp.percentRelief;
    const instead = t.alternative ? ` The rule also accepts ${t.alternative}, which is not computed here: judge it from the function scores.` : '';
    if (relief === null) return { factId: t.factId, status: 'not-evaluable', sentence: `Cannot be judged against ${rule}: no percent relief was recorded.${instead}` };
    if (relief < t.percent && t.alternative) {
      return { factId: t.factId, status: 'not-evaluable', sentence: `Relief alone does not meet ${rule}: ${relief}% relief reported.${instead}` };
    }
    if (relief < t.percent) return { factId: t.factId, status: 'does-not-meet', sentence: `Does not meet ${rule}: ${relief}% relief reported.` };
    const min = t.minDuration;
    if (!min) return { factId: t.factId, status: 'meets', sentence: `Meets ${rule}: ${relief}% relief reported.` };
    const asked = `the rule asks for at least ${formatDuration(min)}`;
    const d = followUp.reliefDuration;
    if (!d) return { factId: t.factId, status: 'not-evaluable', sentence: `Cannot be judged against ${rule}: ${relief}% relief reported, but how long it lasted was not recorded (${asked}).` };
    const lasted = `${relief}% relief ${followUp.reliefOngoing ? 'ongoing after' : 'lasting'} ${formatDuration(d)}`;
    if (durationInDays(d) >= durationInDays(min)) return { factId: t.factId, status: 'meets', sentence: `Meets ${rule}: ${lasted}.` };
    if (followUp.reliefOngoing) return { factId: t.factId, status: 'pending', sentence: `Not yet known against ${rule}: ${lasted}; ${asked}.` };
    return { factId: t.factId, status: 'does-not-meet', sentence: `Does not meet ${rule}: ${lasted}; ${asked}.` };
  });
}

/** The procedure as the timeline needs it. */
export interface TimelineProcedure {
  encounterId: string;
  procedure: string;
  baseline: { score: number; at: string } | null;
  followUps: readonly FollowUp[];
}

/** Every pain score of the patient over time: each procedure's baseline and its follow-ups (voided ones left out). */
export function painTimeline(procedures: readonly TimelineProcedure[]): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (const p of procedures) {
    if (p.baseline) points.push({ at: p.baseline.at, score: p.baseline.score, kind: 'baseline', encounterId: p.encounterId, procedure: p.procedure });
    for (const f of p.followUps) {
      if (!f.voided) points.push({ at: f.seenAt, score: f.painScore, kind: 'follow-up', encounterId: p.encounterId, procedure: p.procedure });
    }
  }
  return points.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.kind !== 'baseline') - Number(b.kind !== 'baseline'));
}
