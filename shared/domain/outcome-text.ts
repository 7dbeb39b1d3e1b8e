/**
 * The words beside the outcome charts: one summary sentence per chart (its
 * text alternative, with the data table under it) and the dates as the clinic
 * reads them. Pure, so the screen, a print and the tests say the same thing.
 */
import type { DiaryResult, PainDiary, ReliefThreshold, TimelinePoint } from '../contract/follow-up';
import { formatHours, scoreAtThreshold } from './outcomes';
import { clinicDate, clinicDateTime } from './clinic-time';

/** The one time formatter (shared/domain/clinic-time.ts), where the outcome screens have always found it. */
export { clinicDate, clinicDateTime };

/** "Pain scores … across N procedures: …" for the timeline chart. */
export function timelineSummary(points: readonly TimelinePoint[], timeZone: string): string {
  if (points.length === 0) return 'No pain scores recorded yet: the timeline shows each procedure\'s baseline and its follow-ups once they are recorded.';
  const byProcedure = new Map<string, TimelinePoint[]>();
  for (const p of points) byProcedure.set(p.encounterId, [...(byProcedure.get(p.encounterId) ?? []), p]);
  const parts = [...byProcedure.values()].map((ps) => {
    const baseline = ps.find((p) => p.kind === 'baseline');
    const follow = ps.filter((p) => p.kind === 'follow-up').map((p) => `${p.score} on ${clinicDate(p.at, timeZone)}`);
    const b = baseline ? `baseline ${baseline.score}` : 'no baseline';
    return `${ps[0]!.procedure}: ${b}${follow.length ? `; follow-up ${follow.join(', ')}` : '; no follow-up yet'}`;
  });
  const first = clinicDate(points[0]!.at, timeZone);
  const last = clinicDate(points.at(-1)!.at, timeZone);
  const n = byProcedure.size;
  return `Pain scores (0–10) from ${first} to ${last} across ${n} procedure${n === 1 ? '' : 's'}. ${parts.join('. ')}.`;
}

/** "Pain diary after the block on …" for the diary chart, ending with each verdict. */
export function diarySummary(diary: PainDiary, result: DiaryResult, thresholds: readonly ReliefThreshold[], timeZone: string): string {
  const scores = result.points.map((p) => `${p.score} at ${formatHours(p.hours)}`).join(', ');
  const la = diary.localAnaesthetic ? ` (${diary.localAnaesthetic})` : '';
  const lines = thresholds
    .filter((t) => t.appliesTo === 'diary')
    .map((t) => `The ≥${t.percent}% line is at a score of ${scoreAtThreshold(diary.baseline, t.percent)}.`);
  const peak = result.peakRelief === null ? 'Relief cannot be computed from a baseline of 0.' : `Peak relief ${result.peakRelief}% at ${formatHours(result.peakAtHours!)}.`;
  return [
    `Pain diary after the block on ${clinicDateTime(diary.blockAt, timeZone)}${la}: baseline ${diary.baseline}; then ${scores}.`,
    peak,
    ...lines,
    ...result.verdicts.map((v) => v.sentence),
  ].join(' ');
}
