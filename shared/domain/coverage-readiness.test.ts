import { describe, expect, it } from 'vitest';
import { PAYER_RULE_SETS } from '../clinical/payer-rules';
import { RELIEF_THRESHOLDS } from '../clinical/relief-thresholds';
import { coverageReadiness, type RuleResult } from './coverage-readiness';
import type { CoverageInput, CoverageIntake, EarlierProcedure } from './coverage-input';
import { inWindow, monthsBefore } from './coverage-earlier';

const NOW = '2026-12-05';

function intake(over: Partial<CoverageIntake> = {}): CoverageIntake {
  return {
    symptoms: [{ description: 'Left leg pain', onset: '2026-09-26' }],
    painScore: 7,
    functionMeasure: { name: 'ODI', score: 40, max: 100 },
    therapies: [{ kind: 'physical-therapy', description: 'Physical therapy', weeks: 6, response: 'none' }],
    imaging: [{ modality: 'mri', date: '2026-10-01', findings: 'L4-5 disc protrusion' }],
    neuro: { findings: 'Reduced left ankle reflex', deficit: 'reflex' },
    ...over,
  };
}

function input(over: Partial<CoverageInput> = {}): CoverageInput {
  return { procedure: { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'] }, intake: intake(), earlier: [], now: NOW, ...over };
}

const esi = (date: string, over: Partial<EarlierProcedure> = {}): EarlierProcedure => ({ templateId: 'lumbar-transforaminal-esi', date, from: 'clinic', ...over });

function rule(i: CoverageInput, ruleId: string, setId = 'medicare-esi', payer: 'medicare' | 'evicore' = 'medicare'): RuleResult {
  const set = coverageReadiness(i, payer).find((s) => s.setId === setId);
  const r = set?.results.find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`no rule ${setId}/${ruleId}`);
  return r;
}

describe('the rule data', () => {
  it('cites L33906 as secondary for ESI, and every facet rule is [M] and needs clinical review', () => {
    const [esiSet, facet] = PAYER_RULE_SETS.medicare;
    expect(esiSet!.policy).toBe('L33906');
    for (const r of esiSet!.rules) expect(r.sources).toEqual([{ sourceId: 'lcd-l33906', evidence: 'V2' }]);
    expect(facet!.policy).toBe('L38765');
    const results = coverageReadiness(input({ procedure: { templateId: 'lumbar-medial-branch-rfa' } }))[0]!.results;
    expect(results).toHaveLength(facet!.rules.length);
    for (const r of results) expect([r.evidence, r.needsClinicalReview]).toEqual(['M', true]);
  });

  it('reads its relief numbers from the relief-threshold rows', () => {
    const facet = PAYER_RULE_SETS.medicare[1]!;
    const repeat = facet.rules.find((r) => r.id === 'repeat-relief')!.check;
    const row = RELIEF_THRESHOLDS.find((r) => r.templateId === 'lumbar-medial-branch-rfa' && r.factId === 'repeat-rfa-criteria')!;
    expect(repeat.kind === 'repeat-relief' && repeat.threshold.percent).toBe(row.percent);
    const blocks = facet.rules.find((r) => r.id === 'two-diagnostic-blocks')!.check;
    expect(blocks.kind === 'diagnostic-blocks' && [blocks.count, blocks.threshold.percent]).toEqual([2, 80]);
  });

  it('applies no set to a procedure without payer rules', () => {
    expect(coverageReadiness(input({ procedure: { templateId: 'trigger-point-injection' } }))).toEqual([]);
  });
});

describe('Medicare ESI (L33906)', () => {
  it('pain ≥4 weeks: met at 4 weeks, not met at 27 days, unknown without an onset or an intake', () => {
    expect(rule(input({ intake: intake({ symptoms: [{ description: 'x', onset: '2026-11-07' }] }) }), 'pain-4-weeks').status).toBe('met');
    const short = rule(input({ intake: intake({ symptoms: [{ description: 'x', onset: '2026-11-08' }] }) }), 'pain-4-weeks');
    expect([short.status, short.missing]).toEqual(['not-met', 'Pain for less than 4 weeks.']);
    const noOnset = rule(input({ intake: intake({ symptoms: [{ description: 'x', onset: null }] }) }), 'pain-4-weeks');
    expect([noOnset.status, noOnset.missing]).toEqual(['unknown', 'No pain onset date recorded in the intake.']);
    expect(rule(input({ intake: null }), 'pain-4-weeks')).toMatchObject({ status: 'unknown', missing: 'No intake recorded.' });
  });

  it('conservative care: met when it failed, not met when it helped, unknown when none is recorded or the response is partial', () => {
    expect(rule(input(), 'conservative-care').status).toBe('met');
    const helped = intake({ therapies: [{ kind: 'physical-therapy', description: 'PT', weeks: 6, response: 'good' }] });
    expect(rule(input({ intake: helped }), 'conservative-care').status).toBe('not-met');
    expect(rule(input({ intake: intake({ therapies: [] }) }), 'conservative-care')).toMatchObject({ status: 'unknown', missing: 'No conservative care recorded in the intake.' });
    const partial = intake({ therapies: [{ kind: 'medication', description: 'Gabapentin', weeks: null, response: 'partial' }] });
    expect(rule(input({ intake: partial }), 'conservative-care').status).toBe('unknown');
  });

  it('baseline scales: met with both, unknown naming the one missing (never not met)', () => {
    expect(rule(input(), 'baseline-scales').status).toBe('met');
    const r = rule(input({ intake: intake({ functionMeasure: null }) }), 'baseline-scales');
    expect([r.status, r.missing]).toEqual(['unknown', 'No function measure recorded in the intake.']);
    expect(rule(input({ intake: intake({ painScore: null }) }), 'baseline-scales').missing).toBe('No pain score recorded in the intake.');
  });

  it('history, examination and imaging: met when both are recorded, unknown otherwise', () => {
    expect(rule(input(), 'history-exam-imaging').status).toBe('met');
    expect(rule(input({ intake: intake({ imaging: [] }) }), 'history-exam-imaging')).toMatchObject({ status: 'unknown', missing: 'No imaging findings recorded in the intake.' });
  });

  it('levels: TFESI ≤2, interlaminar 1, unknown before levels are chosen', () => {
    expect(rule(input({ procedure: { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5', 'L5-S1'] } }), 'levels').status).toBe('met');
    expect(rule(input({ procedure: { templateId: 'lumbar-transforaminal-esi', levels: ['L3-L4', 'L4-L5', 'L5-S1'] } }), 'levels').status).toBe('not-met');
    expect(rule(input({ procedure: { templateId: 'lumbar-interlaminar-esi', levels: ['L4-L5', 'L5-S1'] } }), 'levels').status).toBe('not-met');
    expect(rule(input({ procedure: { templateId: 'lumbar-interlaminar-esi', levels: [] } }), 'levels').status).toBe('unknown');
  });

  it('≤4 sessions per region in a rolling 12 months: the window edges, the region and the intake', () => {
    const three = [esi('2026-11-01'), esi('2026-08-01'), esi('2026-04-01')];
    expect(rule(input({ earlier: three }), 'sessions-12-months').status).toBe('met');
    // A fourth earlier session exactly 12 months back is outside the window; one day later is inside.
    expect(rule(input({ earlier: [...three, esi('2025-12-05')] }), 'sessions-12-months').status).toBe('met');
    const over = rule(input({ earlier: [...three, esi('2025-12-06')] }), 'sessions-12-months');
    expect([over.status, over.missing]).toEqual(['not-met', 'More than 4 sessions in this region in 12 months.']);
    // Another region does not count; caudal counts with lumbar.
    expect(rule(input({ earlier: [...three, esi('2026-02-01', { templateId: 'cervical-interlaminar-esi' })] }), 'sessions-12-months').status).toBe('met');
    expect(rule(input({ earlier: [...three, esi('2026-02-01', { templateId: 'caudal-esi' })] }), 'sessions-12-months').status).toBe('not-met');
    // An injection the patient reported without a region: maybe the same region, so unknown.
    const reported = intake({ therapies: [...intake().therapies, { kind: 'injection', description: '', weeks: null, response: 'partial', injection: { procedure: 'Epidural injection', date: '2026-06-01', percentRelief: null, reliefWeeks: null } }] });
    expect(rule(input({ earlier: three, intake: reported }), 'sessions-12-months').status).toBe('unknown');
  });

  it('repeat: picks the most recent earlier ESI; met at ≥50%, unknown below (better function also qualifies), not applicable for a first', () => {
    const older = esi('2026-06-01', { outcome: { percentRelief: 80, reliefWeeks: 12 } });
    const recent = (percentRelief: number | null) => esi('2026-10-01', { outcome: { percentRelief, reliefWeeks: 4 } });
    expect(rule(input({ earlier: [older, recent(60)] }), 'repeat-relief').status).toBe('met');
    const low = rule(input({ earlier: [older, recent(30)] }), 'repeat-relief');
    expect(low.status).toBe('unknown');
    expect(low.found).toContain('2026-10-01');
    expect(rule(input({ earlier: [recent(null), older] }), 'repeat-relief')).toMatchObject({ status: 'unknown' });
    expect(rule(input({ earlier: [esi('2026-10-01', { templateId: 'lumbar-medial-branch-block' })] }), 'repeat-relief').status).toBe('not-applicable');
    // A lumbar injection does not repeat a cervical one; the most recent lumbar one decides.
    const cervical = esi('2026-11-01', { templateId: 'cervical-interlaminar-esi', outcome: { percentRelief: 10, reliefWeeks: 1 } });
    expect(rule(input({ earlier: [cervical] }), 'repeat-relief').status).toBe('not-applicable');
    expect(rule(input({ earlier: [cervical, recent(60)] }), 'repeat-relief')).toMatchObject({ status: 'met', found: expect.stringContaining('2026-10-01') });
  });
});

describe('Medicare facet RFA (L38765)', () => {
  const rfa = (earlier: EarlierProcedure[]) => input({ procedure: { templateId: 'lumbar-medial-branch-rfa', levels: ['L4', 'L5'] }, earlier });
  const mbb = (date: string, percentRelief: number | null): EarlierProcedure => ({ templateId: 'lumbar-medial-branch-block', date, from: 'clinic', outcome: { percentRelief, reliefWeeks: null } });
  const prior = (date: string, percentRelief: number, reliefWeeks: number | null, ongoing = false): EarlierProcedure =>
    ({ templateId: 'lumbar-medial-branch-rfa', date, from: 'clinic', outcome: { percentRelief, reliefWeeks, ongoing } });

  it('two diagnostic blocks ≥80%: met, not met, unknown', () => {
    const both = rule(rfa([mbb('2026-10-01', 85), mbb('2026-10-20', 90)]), 'two-diagnostic-blocks', 'medicare-facet-rfa');
    expect(both.status).toBe('met');
    // Met on the percent; the duration the rule asks is left to the reader, and said.
    expect(both.found).toContain('the local anaesthetic’s expected duration) is not in the library');
    expect(rule(rfa([mbb('2026-10-01', 85), mbb('2026-10-20', 60)]), 'two-diagnostic-blocks', 'medicare-facet-rfa').status).toBe('not-met');
    expect(rule(rfa([mbb('2026-10-01', 85), mbb('2026-10-20', null)]), 'two-diagnostic-blocks', 'medicare-facet-rfa').status).toBe('unknown');
    expect(rule(rfa([]), 'two-diagnostic-blocks', 'medicare-facet-rfa')).toMatchObject({ status: 'unknown', missing: 'No diagnostic blocks on record.' });
    // Cervical blocks do not count for a lumbar RFA.
    const cervical = (date: string): EarlierProcedure => ({ ...mbb(date, 95), templateId: 'cervical-medial-branch-block' });
    expect(rule(rfa([cervical('2026-10-01'), cervical('2026-10-20')]), 'two-diagnostic-blocks', 'medicare-facet-rfa').status).toBe('unknown');
  });

  it('repeat RFA ≥50% for ≥6 months: the most recent RFA decides', () => {
    const r = (earlier: EarlierProcedure[]) => rule(rfa(earlier), 'repeat-relief', 'medicare-facet-rfa').status;
    expect(r([prior('2025-01-10', 20, 4), prior('2026-02-01', 70, 27)])).toBe('met');
    expect(r([prior('2025-01-10', 90, 40), prior('2026-02-01', 40, 27)])).toBe('not-met');
    expect(r([prior('2026-02-01', 70, 20)])).toBe('not-met');
    expect(r([prior('2026-02-01', 70, 20, true)])).toBe('unknown');
    expect(r([prior('2026-02-01', 70, null)])).toBe('unknown');
    expect(r([])).toBe('not-applicable');
  });

  it('the session cap is never met: its number is not in the library', () => {
    const r = rule(rfa([prior('2026-02-01', 70, 27)]), 'sessions-12-months', 'medicare-facet-rfa');
    expect([r.status, r.missing]).toEqual(['unknown', 'The cap’s number is not in the library: check the policy.']);
    expect(r.found).toContain('1 earlier session in the last 12 months');
  });
});

describe('eviCore ESI (CMM-200), another payer', () => {
  it('≥14 days between injections and ≤3 in 6 months', () => {
    expect(rule(input({ earlier: [esi('2026-11-21')] }), 'interval-14-days', 'evicore-esi', 'evicore').status).toBe('met');
    expect(rule(input({ earlier: [esi('2026-11-22')] }), 'interval-14-days', 'evicore-esi', 'evicore').status).toBe('not-met');
    const three = [esi('2026-11-01'), esi('2026-09-01'), esi('2026-07-01')];
    expect(rule(input({ earlier: three }), 'sessions-6-months', 'evicore-esi', 'evicore').status).toBe('not-met');
    expect(rule(input({ earlier: three.slice(0, 2) }), 'sessions-6-months', 'evicore-esi', 'evicore').status).toBe('met');
  });

  it('repeat: relief alone is never enough (function or medication is asked besides), below 50% is not met', () => {
    const r = (p: number) => rule(input({ earlier: [esi('2026-10-01', { outcome: { percentRelief: p, reliefWeeks: 3 } })] }), 'repeat-relief', 'evicore-esi', 'evicore');
    expect(r(60)).toMatchObject({ status: 'unknown', missing: 'Not recorded here: better function or less medication.' });
    expect(r(40).status).toBe('not-met');
  });
});

describe('the rolling window', () => {
  it('counts back calendar months, clamping to the month end', () => {
    expect(monthsBefore('2026-12-05', 12)).toBe('2025-12-05');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(inWindow('2025-12-05', '2026-12-05', 12)).toBe(false);
    expect(inWindow('2025-12-06', '2026-12-05', 12)).toBe(true);
    expect(inWindow('2026-12-06', '2026-12-05', 12)).toBe(false);
  });
});
