import { describe, expect, it } from 'vitest';
import { copyHostIn } from '../library/source-schema';
import { coverageReadiness } from './coverage-readiness';
import type { CoverageInput } from './coverage-input';
import { documentationSummary } from './coverage-summary';

const input: CoverageInput = {
  procedure: { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'] },
  intake: {
    symptoms: [{ description: 'Left leg pain', onset: '2026-09-26' }],
    painScore: 7,
    functionMeasure: null,
    therapies: [{ kind: 'physical-therapy', description: 'Physical therapy', weeks: 6, response: 'none' }],
    imaging: [],
    neuro: { findings: '', deficit: null },
  },
  earlier: [],
  now: '2026-12-05',
};

describe('documentation summary', () => {
  it('is one paragraph of prose: what the intake documents, then the LCD number with counts and what is missing', () => {
    const text = documentationSummary(input.intake, coverageReadiness(input), input.now);
    expect(text).toBe(
      'Pain for 10 weeks; Physical therapy 6 weeks without relief; pain score 7/10. '
      + 'Medicare LCD L33906: 4 of 6 criteria documented; missing: no function measure recorded in the intake; '
      + 'no imaging findings recorded in the intake; no neurological examination recorded in the intake.',
    );
  });

  it('names the policy number only: no citation, no address, no evidence tag', () => {
    const text = documentationSummary(input.intake, coverageReadiness(input), input.now);
    expect(text).not.toMatch(/A56651|Centers for Medicare|http|\[V2\]|secondary/);
    expect(copyHostIn(text)).toBeNull();
  });

  it('says what is not met, and that facet criteria need clinical review', () => {
    const rfa: CoverageInput = {
      ...input,
      procedure: { templateId: 'lumbar-medial-branch-rfa' },
      earlier: [{ templateId: 'lumbar-medial-branch-rfa', date: '2026-02-01', from: 'clinic', outcome: { percentRelief: 30, reliefWeeks: 10 } }],
    };
    const text = documentationSummary(rfa.intake, coverageReadiness(rfa), rfa.now);
    expect(text).toContain('Medicare LCD L38765: 0 of 3 criteria documented; not met: relief below 50%;');
    expect(text).toContain('These criteria need clinical review before they are relied on.');
  });

  it('without an intake says so once', () => {
    const text = documentationSummary(null, coverageReadiness({ ...input, intake: null }), input.now);
    expect(text.match(/no intake recorded/gi)).toHaveLength(2);
    expect(text).toBe('No intake recorded. Medicare LCD L33906: 2 of 6 criteria documented; missing: no intake recorded.');
  });
});
