// Patient factors raise the procedure's bleeding-risk class by one step (§1.2), carry their
// sources, and so change what the anticoagulant check asks for.
import { describe, expect, it } from 'vitest';
import { checkAnticoagulants } from './anticoagulant-check';
import { NO_RISK_FACTORS, effectiveRiskClass } from './patient-risk-factors';

const LAST_DOSE = '2026-06-01T08:00:00.000Z';

describe('patient factors raise the procedure class (§1.2)', () => {
  it('leaves the class alone without factors', () => {
    expect(effectiveRiskClass('low', NO_RISK_FACTORS)).toEqual({
      riskClass: 'low', raisedFrom: null, factors: [], sources: [], needsClinicalReview: false, text: 'Low-risk procedure',
    });
  });

  it('raises low to intermediate and intermediate to high, saying which factors and carrying the sources', () => {
    const low = effectiveRiskClass('low', { ...NO_RISK_FACTORS, olderAge: true });
    expect(low).toMatchObject({ riskClass: 'intermediate', raisedFrom: 'low', factors: ['Older age'], needsClinicalReview: true });
    expect(low.sources).toEqual([
      { sourceId: 'uptodate-bleeding-risk-mirror', evidence: 'V2' },
      { sourceId: 'narouze-2018-asra', evidence: 'M' },
    ]);
    expect(low.text).toMatch(/raised from low.*older age/);
    const mid = effectiveRiskClass('intermediate', { ...NO_RISK_FACTORS, coagulopathy: true, priorSurgeryAtSite: true });
    expect(mid).toMatchObject({ riskClass: 'high', raisedFrom: 'intermediate', factors: ['Coagulopathy', 'Prior surgery or radiation at the procedure site'] });
  });

  it('raises by one class only, however many factors', () => {
    const all = { olderAge: true, liverDisease: true, kidneyDisease: true, bleedingHistory: true, coagulopathy: true, priorSurgeryAtSite: true, concurrentAntithrombotics: true };
    expect(effectiveRiskClass('low', all).riskClass).toBe('intermediate');
    expect(effectiveRiskClass('low', all).factors).toHaveLength(7);
  });

  it('keeps high as high, still listing the factors and their sources', () => {
    const high = effectiveRiskClass('high', { ...NO_RISK_FACTORS, kidneyDisease: true });
    expect(high).toMatchObject({ riskClass: 'high', raisedFrom: null, factors: ['Severe kidney dysfunction'], needsClinicalReview: false });
    expect(high.sources).toEqual([{ sourceId: 'uptodate-bleeding-risk-mirror', evidence: 'V2' }]);
  });

  it('marks factors only in the recalled wording [M] for review', () => {
    const r = effectiveRiskClass('intermediate', { ...NO_RISK_FACTORS, bleedingHistory: true });
    expect(r.sources).toEqual([{ sourceId: 'narouze-2018-asra', evidence: 'M' }]);
    expect(r.needsClinicalReview).toBe(true);
  });

  it('changes the check: a drug that may continue for low risk needs a decision once raised to intermediate', () => {
    const risk = effectiveRiskClass('low', { ...NO_RISK_FACTORS, olderAge: true });
    const result = checkAnticoagulants({ entries: [{ drugId: 'aspirin-primary', lastDoseAt: LAST_DOSE }], riskClass: risk.riskClass, plannedStartAt: LAST_DOSE, timeZone: 'UTC' });
    expect(result.rows[0]!.status).toBe('shared-assessment');
  });
});
