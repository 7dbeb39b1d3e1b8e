import { describe, expect, it } from 'vitest';
import { ALDRETE_COMPONENTS, ALDRETE_LEVEL_WORDS, ALDRETE_SOURCES, ALDRETE_WORDS_SOURCES, AldreteScoresSchema, aldreteDischargeReady, aldreteTotal, type AldreteScores } from './aldrete';
import { SOURCES } from '../library/sources';

const full: AldreteScores = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 };

describe('Aldrete score', () => {
  it('has the five components of the fact base', () => {
    expect([...ALDRETE_COMPONENTS].sort()).toEqual(['activity', 'circulation', 'consciousness', 'oxygenSaturation', 'respiration']);
  });

  it('sums the components', () => {
    expect(aldreteTotal(full)).toBe(10);
    expect(aldreteTotal({ activity: 0, respiration: 0, circulation: 0, consciousness: 0, oxygenSaturation: 0 })).toBe(0);
    expect(aldreteTotal({ ...full, activity: 1, consciousness: 0 })).toBe(7);
  });

  it('is discharge-ready at 9 and not at 8', () => {
    expect(aldreteDischargeReady({ ...full, activity: 1 })).toBe(true);
    expect(aldreteTotal({ ...full, activity: 1 })).toBe(9);
    expect(aldreteDischargeReady({ ...full, activity: 1, respiration: 1 })).toBe(false);
    expect(aldreteDischargeReady({ ...full, activity: 0 })).toBe(false);
    expect(aldreteDischargeReady(full)).toBe(true);
  });

  it('accepts only whole scores 0, 1 or 2 for each of the five components', () => {
    expect(AldreteScoresSchema.safeParse(full).success).toBe(true);
    for (const bad of [3, -1, 1.5, '2', null]) {
      expect(AldreteScoresSchema.safeParse({ ...full, circulation: bad }).success, String(bad)).toBe(false);
    }
    const { oxygenSaturation: _omit, ...missing } = full;
    expect(AldreteScoresSchema.safeParse(missing).success).toBe(false);
    expect(AldreteScoresSchema.safeParse({ ...full, colour: 2 }).success).toBe(false);
  });

  it('cites a registered source with the fact base tag [V2]', () => {
    const ids = new Set(SOURCES.map((s) => s.id));
    expect(ALDRETE_SOURCES.length).toBeGreaterThan(0);
    for (const s of ALDRETE_SOURCES) expect(ids.has(s.sourceId)).toBe(true);
    expect(ALDRETE_SOURCES).toContainEqual({ sourceId: 'droracle-aldrete', evidence: 'V2' });
  });
});

describe('Aldrete words beside each score', () => {
  it('every component has words for 2, 1 and 0, none stating a figure the reference lacks, marked needs clinical review', () => {
    for (const c of ALDRETE_COMPONENTS) {
      for (const n of [0, 1, 2] as const) {
        expect(ALDRETE_LEVEL_WORDS[c][n].length, `${c} ${n}`).toBeGreaterThan(5);
        expect(ALDRETE_LEVEL_WORDS[c][n], `${c} ${n}`).not.toMatch(/\d/);
      }
    }
    expect(ALDRETE_WORDS_SOURCES.map((s) => s.evidence)).toEqual(['M']);
  });
});
