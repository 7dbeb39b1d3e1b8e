import { describe, expect, it } from 'vitest';
import type { FollowUp, PainDiary, ReliefThreshold } from '../contract/follow-up';
import {
  diaryMeets,
  diaryPoints,
  durationInDays,
  formatHours,
  judgeDiary,
  judgeFollowUp,
  painTimeline,
  peakRelief,
  reliefPercent,
  scoreAtThreshold,
  shownPercent,
} from './outcomes';
import { clinicDate, diarySummary, timelineSummary } from './outcome-text';

const ID = '00000000-0000-4000-8000-000000000001';
const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;

const threshold = (over: Partial<ReliefThreshold>): ReliefThreshold => ({
  factId: 'rfa-threshold-consensus',
  purpose: 'before RFA',
  label: 'lumbar facet consensus, Cohen 2020',
  percent: 50,
  alternative: null,
  appliesTo: 'diary',
  blocksRequired: null,
  minDuration: null,
  factText: 'Threshold before RFA … ≥50% pain relief on a prognostic MBB',
  sources: [{ sourceId: 'cohen-2020-lumbar-facet', evidence: 'M', citation: 'Cohen SP, et al. 2020' }],
  needsReview: true,
  reviewedBy: null,
  ...over,
});
const CONSENSUS = threshold({});
const PAYER = threshold({
  factId: 'rfa-threshold-payer',
  label: 'payer/SIS-style criterion',
  percent: 80,
  blocksRequired: 2,
  factText: 'two diagnostic MBBs, each with ≥80% relief lasting at least the expected duration of the local anesthetic',
  sources: [{ sourceId: 'droracle-facet-payer-criteria', evidence: 'V2', citation: 'droracle' }],
  needsReview: false,
});
const REPEAT_RFA = threshold({
  factId: 'repeat-rfa-criteria', purpose: 'for a repeat RFA', label: 'Medicare facet LCDs', appliesTo: 'follow-up', minDuration: { value: 6, unit: 'months' },
});

const diary = (baseline: number, entries: [number, number][]): PainDiary => ({
  id: ID, encounterId: ID, blockAt: '2026-10-27T14:00:00.000Z', baseline, localAnaesthetic: 'bupivacaine 0.5%',
  entries: entries.map(([hours, score]) => ({ hours, score })), notes: '', at: '2026-10-29T10:00:00.000Z', by: NURSE, voided: null,
});
const followUp = (over: Partial<FollowUp>): FollowUp => ({
  id: ID, encounterId: ID, seenAt: '2026-11-01T10:00:00.000Z', painScore: 3, function: { work: null, sleep: null, dailyActivities: null },
  percentRelief: 60, reliefDuration: null, reliefOngoing: false, notes: '', at: '2026-11-01T10:00:00.000Z', by: NURSE, voided: null, ...over,
});

describe('relief arithmetic', () => {
  it('percent relief against the baseline; none from a baseline of 0; worse is negative', () => {
    expect(reliefPercent(8, 4)).toBe(50);
    expect(reliefPercent(7, 1)).toBeCloseTo(85.714, 3);
    expect(reliefPercent(0, 0)).toBeNull();
    expect(reliefPercent(5, 6)).toBe(-20);
    expect(shownPercent(85.714)).toBe(85);
    expect(shownPercent(50)).toBe(50);
    expect(scoreAtThreshold(7, 50)).toBe(3.5);
    expect(scoreAtThreshold(7, 80)).toBe(1.4);
  });

  it('diary points are in time order and the peak is the best relief', () => {
    const points = diaryPoints(diary(7, [[2, 1], [0.5, 2], [1, 1]]));
    expect(points.map((p) => p.hours)).toEqual([0.5, 1, 2]);
    expect(peakRelief(points)).toEqual({ relief: (6 / 7) * 100, hours: 1 });
    expect(peakRelief(diaryPoints(diary(0, [[1, 0]])))).toBeNull();
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(24)).toBe('24 h');
  });

  it('durations compare across units (a month is 365.25/12 days)', () => {
    expect(durationInDays({ value: 2, unit: 'weeks' })).toBe(14);
    expect(durationInDays({ value: 48, unit: 'hours' })).toBe(2);
    expect(durationInDays({ value: 6, unit: 'months' })).toBeCloseTo(182.625);
  });
});

describe('a diary against the thresholds', () => {
  const good = diary(7, [[0.5, 2], [1, 1], [2, 1], [4, 2], [6, 3], [8, 5]]);

  it('meets ≥50% and says so plainly, naming the rule, its evidence and the hours at or above it', () => {
    const result = judgeDiary(good, [CONSENSUS], () => 1);
    expect(result).toMatchObject({ peakRelief: 85, peakAtHours: 1, baseline: 7 });
    expect(result.verdicts).toEqual([{
      factId: 'rfa-threshold-consensus',
      status: 'meets',
      sentence: 'Meets the ≥50% threshold before RFA (source: lumbar facet consensus, Cohen 2020) [M: needs clinical review]: peak relief 85% at 1 h. At or above 50% at 30 min, 1 h, 2 h, 4 h, 6 h.',
    }]);
  });

  it('a rule asking for two blocks: one qualifying block is pending, two meet; the duration is left to the clinician', () => {
    const one = judgeDiary(good, [PAYER], () => 1).verdicts[0]!;
    expect(one.status).toBe('pending');
    expect(one.sentence).toMatch(/^Not yet met: this block meets the ≥80% threshold before RFA \(source: payer\/SIS-style criterion\) \[V2: secondary source\]: peak relief 85% at 1 h\./);
    expect(one.sentence).toContain('1 of 2 recorded for this patient');
    expect(one.sentence).toContain('is not in the library');
    expect(judgeDiary(good, [PAYER], () => 2).verdicts[0]!.status).toBe('meets');
  });

  it('does not meet when the peak falls short, and cannot be judged from a baseline of 0', () => {
    const weak = diary(8, [[1, 5], [2, 6]]);
    expect(judgeDiary(weak, [CONSENSUS, PAYER], () => 0).verdicts.map((v) => [v.status, v.sentence.slice(0, 40)])).toEqual([
      ['does-not-meet', 'Does not meet the ≥50% threshold before '],
      ['does-not-meet', 'Does not meet the ≥80% threshold before '],
    ]);
    expect(judgeDiary(weak, [CONSENSUS], () => 0).verdicts[0]!.sentence).toContain('peak relief 37% at 1 h');
    expect(judgeDiary(diary(0, [[1, 0]]), [CONSENSUS], () => 0).verdicts[0]).toMatchObject({ status: 'not-evaluable', sentence: expect.stringContaining('baseline score is 0') });
    expect(diaryMeets(good, 80)).toBe(true);
    expect(diaryMeets(weak, 50)).toBe(false);
  });

  it('follow-up thresholds are not applied to a diary', () => {
    expect(judgeDiary(good, [REPEAT_RFA], () => 0).verdicts).toEqual([]);
  });
});

describe('a follow-up against the thresholds', () => {
  it('repeat RFA: ≥50% for ≥6 months meets; shorter and over does not; shorter and ongoing is not yet known', () => {
    const judge = (over: Partial<FollowUp>) => judgeFollowUp(followUp(over), [REPEAT_RFA, CONSENSUS])[0]!;
    expect(judge({ percentRelief: 60, reliefDuration: { value: 7, unit: 'months' }, reliefOngoing: true })).toMatchObject({
      status: 'meets', sentence: 'Meets the ≥50% threshold for a repeat RFA (source: Medicare facet LCDs) [M: needs clinical review]: 60% relief ongoing after 7 months.',
    });
    expect(judge({ percentRelief: 60, reliefDuration: { value: 26, unit: 'weeks' } })).toMatchObject({ status: 'does-not-meet', sentence: expect.stringContaining('the rule asks for at least 6 months') });
    expect(judge({ percentRelief: 60, reliefDuration: { value: 3, unit: 'months' }, reliefOngoing: true }).status).toBe('pending');
    expect(judge({ percentRelief: 40, reliefDuration: { value: 7, unit: 'months' } }).status).toBe('does-not-meet');
    expect(judge({ percentRelief: null }).status).toBe('not-evaluable');
    expect(judge({ percentRelief: 70, reliefDuration: null }).sentence).toContain('how long it lasted was not recorded');
    expect(judgeFollowUp(followUp({}), [CONSENSUS])).toEqual([]);
  });
});

describe('the pain timeline', () => {
  it('baselines and follow-ups across procedures in time order; voided follow-ups left out', () => {
    const points = painTimeline([
      {
        encounterId: ID, procedure: 'MBB (2026-10-27)', baseline: { score: 7, at: '2026-10-27T13:00:00.000Z' },
        followUps: [followUp({ seenAt: '2026-10-29T10:00:00.000Z', painScore: 6 }), followUp({ seenAt: '2026-10-30T10:00:00.000Z', voided: { at: 'x', by: NURSE, reason: 'wrong' } })],
      },
      { encounterId: ID, procedure: 'ESI (2026-08-18)', baseline: { score: 8, at: '2026-08-18T13:00:00.000Z' }, followUps: [followUp({ seenAt: '2026-09-01T10:00:00.000Z', painScore: 5 })] },
    ]);
    expect(points.map((p) => [p.at.slice(0, 10), p.kind, p.score])).toEqual([
      ['2026-08-18', 'baseline', 8],
      ['2026-09-01', 'follow-up', 5],
      ['2026-10-27', 'baseline', 7],
      ['2026-10-29', 'follow-up', 6],
    ]);
  });
});

describe('the charts\' text alternatives', () => {
  it('the timeline summary names each procedure, its baseline and follow-ups, in the clinic\'s dates', () => {
    const points = painTimeline([
      { encounterId: 'a', procedure: 'ESI (2026-08-18)', baseline: { score: 8, at: '2026-08-18T13:00:00.000Z' }, followUps: [followUp({ seenAt: '2026-09-01T02:00:00.000Z', painScore: 5 })] },
      { encounterId: 'b', procedure: 'MBB (2026-10-27)', baseline: { score: 7, at: '2026-10-27T13:00:00.000Z' }, followUps: [] },
    ]);
    expect(timelineSummary(points, 'America/New_York')).toBe(
      'Pain scores (0–10) from 2026-08-18 to 2026-10-27 across 2 procedures. ESI (2026-08-18): baseline 8; follow-up 5 on 2026-08-31. MBB (2026-10-27): baseline 7; no follow-up yet.',
    );
    expect(timelineSummary([], 'UTC')).toMatch(/^No pain scores recorded yet/);
  });

  it('the diary summary gives the scores, the peak, where each threshold line lies, and each verdict', () => {
    const d = diary(7, [[0.5, 2], [1, 1]]);
    const result = judgeDiary(d, [CONSENSUS, PAYER], () => 1);
    const text = diarySummary(d, result, [CONSENSUS, PAYER], 'UTC');
    expect(text).toMatch(/^Pain diary after the block on 2026-10-27 14:00 \(bupivacaine 0\.5%\): baseline 7; then 2 at 30 min, 1 at 1 h\. Peak relief 85% at 1 h\. The ≥50% line is at a score of 3\.5\. The ≥80% line is at a score of 1\.4\. Meets the ≥50% threshold/);
    expect(text).toContain('Not yet met: this block meets the ≥80% threshold');
    expect(clinicDate('2026-10-27T02:00:00.000Z', 'America/New_York')).toBe('2026-10-26');
  });
});
