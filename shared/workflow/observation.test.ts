import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../library/index';
import { SOURCES } from '../library/sources';
import { OBSERVATION_BY_TEMPLATE, SEDATION_REMARK, observationBlocker, observationFor } from './observation';

const known = new Set(SOURCES.map((s) => s.id));

describe('minimum observation time per template (fact base §2.0)', () => {
  it('every template in the library has its entry, and the table names no template the library lacks', () => {
    const ids = [...new Set(LIBRARY.map((t) => t.id))].sort();
    expect(Object.keys(OBSERVATION_BY_TEMPLATE).sort()).toEqual(ids);
  });

  it('each minimum is the 15 min low end of common practice, tagged [M] (needs clinical review), every source in the registry', () => {
    for (const [id, facts] of Object.entries(OBSERVATION_BY_TEMPLATE)) {
      expect(facts.minimumMinutes, id).toBe(15);
      expect(facts.sources.map((s) => s.evidence), id).toEqual(['M']);
      for (const s of [...facts.sources, ...facts.remarks.flatMap((r) => r.sources), ...SEDATION_REMARK.sources]) expect(known.has(s.sourceId), s.sourceId).toBe(true);
    }
    expect(SEDATION_REMARK.sources.every((s) => s.evidence === 'M')).toBe(true);
  });

  it('only the SCS templates carry the NANS "observe overnight" remark [V]', () => {
    const withRemark = Object.entries(OBSERVATION_BY_TEMPLATE).filter(([, f]) => f.remarks.length).map(([id]) => id).sort();
    expect(withRemark).toEqual(['scs-permanent-implant', 'scs-trial']);
    expect(observationFor('scs-trial').remarks[0]!.sources).toEqual([{ sourceId: 'nans-epidural-hematoma', evidence: 'V' }]);
  });

  it('blocks discharge until the minimum has passed, counting whole minutes', () => {
    const since = '2026-11-24T15:00:00.000Z';
    expect(observationBlocker('lumbar-transforaminal-esi', since, '2026-11-24T15:00:41.000Z')?.label).toBe('Minimum observation time: 0 of 15 min in recovery (discharge before it needs a reason)');
    expect(observationBlocker('lumbar-transforaminal-esi', since, '2026-11-24T15:14:59.000Z')).not.toBeNull();
    expect(observationBlocker('lumbar-transforaminal-esi', since, '2026-11-24T15:15:00.000Z')).toBeNull();
    expect(observationBlocker('a-clinic-template', since, '2026-11-24T15:05:00.000Z')?.hardStop).toBe(false);
  });
});
