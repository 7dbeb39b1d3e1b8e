// The anticoagulant check drug by drug and class by class against the fact base's intervals, dabigatran's
// renal rule, the INR against the lab's threshold, the result's summary, and restarting after the procedure.
import { describe, expect, it } from 'vitest';
import { ANTICOAGULANT_TABLE, RISK_CLASSES, type RiskClass } from '../clinical/anticoagulant-table';
import {
  NOT_VERIFIED_TEXT,
  SHARED_TEXT,
  checkAnticoagulants,
  restartAt,
  type AnticoagulantEntry,
  type CheckInput,
  type RowResult,
} from './anticoagulant-check';
import { parseInstant } from './zoned-time';

const H = 3_600_000;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function one(entry: AnticoagulantEntry, riskClass: RiskClass, plannedStartAt: string, extra: Partial<CheckInput> = {}): RowResult {
  return checkAnticoagulants({ entries: [entry], riskClass, plannedStartAt, timeZone: 'UTC', ...extra }).rows[0]!;
}

/**
 * Hours from the last dose to the earliest safe start, per class, from fact-reference.md §1.3
 * and §1.3a (ranges at their longer end; dabigatran with normal renal function).
 * null: the fact base gives no time (continue, shared assessment, not retrieved, 5 half-lives,
 * follow the aspirin rows).
 */
const HOURS: Record<string, [low: number | null, intermediate: number | null, high: number | null]> = {
  'aspirin-primary': [null, null, 6 * 24],
  'aspirin-secondary': [null, null, null],
  'aspirin-combination': [null, null, null],
  'nsaid-other': [null, null, null],
  diclofenac: [null, null, 24],
  ketorolac: [null, null, 24],
  ibuprofen: [null, null, 24],
  etodolac: [null, null, 48],
  indomethacin: [null, null, 48],
  naproxen: [null, null, 96],
  meloxicam: [null, null, 96],
  nabumetone: [null, null, 144],
  oxaprozin: [null, null, 240],
  piroxicam: [null, null, 240],
  cilostazol: [null, null, 48],
  dipyridamole: [null, null, 48],
  warfarin: [null, 120, 120],
  acenocoumarol: [null, 72, 72],
  'ufh-iv': [6, 6, 6],
  'ufh-sc': [6, 6, 24],
  'enoxaparin-prophylactic': [12, 12, 12],
  'enoxaparin-therapeutic': [24, 24, 24],
  dalteparin: [24, 24, 24],
  fondaparinux: [null, 96, 96],
  dabigatran: [null, 120, 120],
  rivaroxaban: [null, 72, 72],
  apixaban: [null, 120, 120],
  edoxaban: [null, 72, 72],
  clopidogrel: [null, 168, 168],
  prasugrel: [null, 240, 240],
  ticagrelor: [null, 168, 168],
  cangrelor: [null, 3, 3],
  abciximab: [null, 120, 120],
  'eptifibatide-tirofiban': [null, 24, 24],
  vorapaxar: [null, null, null],
  thrombolytics: [48, 48, 48],
  'ssri-snri': [null, null, null],
  'herbal-supplements': [null, null, null],
};

/** What a timed row says once the interval has passed (before any INR/lab input). */
const PASSED_STATUS: Record<string, RowResult['status']> = { warfarin: 'inr-required', acenocoumarol: 'inr-required', thrombolytics: 'confirm-labs' };

const LAST_DOSE = '2026-06-01T08:00:00.000Z';

describe('anticoagulant check, drug by drug and class by class', () => {
  it('covers every row of the table', () => {
    expect(Object.keys(HOURS).sort()).toEqual(ANTICOAGULANT_TABLE.map((r) => r.id).sort());
  });

  for (const [drugId, hours] of Object.entries(HOURS)) {
    RISK_CLASSES.forEach((riskClass, i) => {
      const expected = hours[i]!;
      if (expected === null) {
        it(`${drugId}, ${riskClass} risk: gives no time and is never clear`, () => {
          const row = one({ drugId, lastDoseAt: LAST_DOSE, renalImpaired: false }, riskClass, '2027-06-01T08:00:00Z');
          expect(row.earliestSafeAt).toBeNull();
          expect(row.earliestSafeLocal).toBeNull();
          expect(row.status).not.toBe('clear');
          expect(row.status).not.toBe('too-recent');
          if (row.status === 'shared-assessment') expect(row.ruleText).toBe(SHARED_TEXT);
          if (row.status === 'shared-assessment' || (row.status === 'unknown' && drugId !== 'nsaid-other')) {
            // No invented number: the rule and status words contain no digit at all.
            expect(row.ruleText + row.statusText).not.toMatch(/\d/);
          }
        });
      } else {
        it(`${drugId}, ${riskClass} risk: clear exactly ${expected} h after the last dose, too recent one minute earlier`, () => {
          const at = parseInstant(LAST_DOSE) + expected * H;
          const onTime = one({ drugId, lastDoseAt: LAST_DOSE, renalImpaired: false }, riskClass, iso(at));
          expect(onTime.earliestSafeAt).toBe(iso(at));
          expect(onTime.status).toBe(PASSED_STATUS[drugId] ?? 'clear');
          const early = one({ drugId, lastDoseAt: LAST_DOSE, renalImpaired: false }, riskClass, iso(at - MIN));
          expect(early.status).toBe('too-recent');
          expect(early.statusText).toMatch(/hard stop/i);
        });
      }
    });
  }

  it('says "needs clinical review" for every [M] row and passes its sources and disagreement through', () => {
    for (const r of ANTICOAGULANT_TABLE) {
      const row = one({ drugId: r.id, lastDoseAt: LAST_DOSE }, 'high', '2026-06-20T08:00:00Z');
      expect(row.needsClinicalReview, r.id).toBe(r.needsClinicalReview);
      expect(row.needsClinicalReview, r.id).toBe(r.sources.some((s) => s.evidence === 'M'));
      expect(row.sources).toEqual(r.sources);
      expect(row.disagreement).toBe(r.disagreement);
    }
  });

  it('words rules plainly', () => {
    const warfarin = one({ drugId: 'warfarin', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE);
    expect(warfarin.ruleText).toBe('Stop 5 days before a high-risk procedure and confirm a normal INR');
    expect(warfarin.restartRule).toBe('Restart no sooner than 6 hours after the procedure');
    expect(one({ drugId: 'diclofenac', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE).ruleText).toBe('Stop 1 day before a high-risk procedure');
    expect(one({ drugId: 'aspirin-primary', lastDoseAt: LAST_DOSE }, 'low', LAST_DOSE).ruleText).toBe('Continue: no hold before a low-risk procedure');
    expect(one({ drugId: 'herbal-supplements', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE).ruleText).toBe(NOT_VERIFIED_TEXT);
    expect(one({ drugId: 'apixaban', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE).ruleText).toBe(
      'Stop 3–5 days before a high-risk procedure; the time shown uses the longer, 5 days',
    );
    expect(one({ drugId: 'thrombolytics', lastDoseAt: LAST_DOSE }, 'low', LAST_DOSE).ruleText).toBe(
      'Stop 48 hours before a low-risk procedure and confirm normal coagulation studies and fibrinogen',
    );
    expect(one({ drugId: 'nsaid-other', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE).ruleText).toMatch(/5 half-lives.*needs clinical review/);
    expect(one({ drugId: 'aspirin-combination', lastDoseAt: LAST_DOSE }, 'high', LAST_DOSE).status).toBe('see-components');
    expect(one({ drugId: 'aspirin-primary', lastDoseAt: LAST_DOSE }, 'low', LAST_DOSE).restartRule).toMatch(/nothing to restart/);
  });

  it('treats a drug not in the table as unknown, never clear', () => {
    const row = one({ drugId: 'not-a-drug', lastDoseAt: LAST_DOSE }, 'low', '2030-01-01T00:00:00Z');
    expect(row).toMatchObject({ status: 'unknown', earliestSafeAt: null, needsClinicalReview: true });
  });
});

describe('dabigatran and renal function (§1.3, §1.3a)', () => {
  const planned = (days: number) => iso(parseInstant(LAST_DOSE) + days * 24 * H);

  it('uses 5 days (the longer of 4–5) with normal renal function', () => {
    expect(one({ drugId: 'dabigatran', lastDoseAt: LAST_DOSE, renalImpaired: false }, 'high', planned(5)).status).toBe('clear');
    expect(one({ drugId: 'dabigatran', lastDoseAt: LAST_DOSE, renalImpaired: false }, 'high', planned(4)).status).toBe('too-recent');
  });

  it('uses 6 days with impaired renal function, and when renal function is not stated', () => {
    const impaired = one({ drugId: 'dabigatran', lastDoseAt: LAST_DOSE, renalImpaired: true }, 'intermediate', planned(5));
    expect(impaired.status).toBe('too-recent');
    expect(impaired.earliestSafeAt).toBe(planned(6));
    expect(impaired.ruleText).toMatch(/impaired renal function/);
    const unstated = one({ drugId: 'dabigatran', lastDoseAt: LAST_DOSE }, 'high', planned(6));
    expect(unstated.status).toBe('clear');
    expect(unstated.ruleText).toMatch(/renal function not stated/);
    expect(unstated.disagreement).toMatch(/CrCl/);
  });

  it('stays a shared assessment before a low-risk procedure, renal function or not', () => {
    expect(one({ drugId: 'dabigatran', lastDoseAt: LAST_DOSE, renalImpaired: true }, 'low', planned(10)).status).toBe('shared-assessment');
  });
});

describe('INR (warfarin, acenocoumarol): "normal INR", threshold set by the lab', () => {
  const passed = iso(parseInstant(LAST_DOSE) + 5 * 24 * H);
  const warfarin = (inr?: CheckInput['inr'], riskClass: RiskClass = 'high', plannedStartAt = passed) =>
    checkAnticoagulants({ entries: [{ drugId: 'warfarin', lastDoseAt: LAST_DOSE }], riskClass, plannedStartAt, timeZone: 'UTC', ...(inr ? { inr } : {}) });

  it('is a hard stop while no threshold is configured', () => {
    for (const inr of [undefined, { value: 1.0, threshold: null }, { value: 1.0, threshold: 0 }, { value: 1.0, threshold: Number.NaN }]) {
      const result = warfarin(inr);
      expect(result.rows[0]).toMatchObject({ status: 'inr-required' });
      expect(result.rows[0]!.statusText).toMatch(/INR threshold not configured/);
      expect(result.hardStop).toBe(true);
    }
  });

  it('is a hard stop without a result, or with a result above the threshold', () => {
    expect(warfarin({ value: null, threshold: 1.3 }).rows[0]!.statusText).toMatch(/INR result needed/);
    const high = warfarin({ value: 1.4, threshold: 1.3 });
    expect(high.rows[0]!.status).toBe('inr-required');
    expect(high.rows[0]!.statusText).toMatch(/1\.4 is above the lab threshold 1\.3/);
    expect(high.hardStop).toBe(true);
  });

  it('is clear at or below the threshold once the interval has passed', () => {
    expect(warfarin({ value: 1.3, threshold: 1.3 }).rows[0]!.status).toBe('clear');
    expect(warfarin({ value: 1.1, threshold: 1.3 }).hardStop).toBe(false);
  });

  it('is too recent before 5 days whatever the INR', () => {
    expect(warfarin({ value: 1.0, threshold: 1.3 }, 'high', iso(parseInstant(passed) - MIN)).rows[0]!.status).toBe('too-recent');
  });

  it('asks for a shared assessment before a low-risk procedure (no INR rule there)', () => {
    expect(warfarin(undefined, 'low').rows[0]!.status).toBe('shared-assessment');
    expect(warfarin(undefined, 'low').hardStop).toBe(false);
  });

  it('applies to acenocoumarol (3 days) too', () => {
    const result = checkAnticoagulants({
      entries: [{ drugId: 'acenocoumarol', lastDoseAt: LAST_DOSE }], riskClass: 'intermediate', timeZone: 'UTC',
      plannedStartAt: iso(parseInstant(LAST_DOSE) + 72 * H), inr: { value: 1.5, threshold: 1.2 },
    });
    expect(result.rows[0]!.status).toBe('inr-required');
  });
});

describe('result summary, hard stop and decisions', () => {
  it('is a hard stop when any drug is too recent, and names it', () => {
    const result = checkAnticoagulants({
      entries: [
        { id: 'a', drugId: 'clopidogrel', lastDoseAt: '2026-06-01T08:00:00Z' },
        { id: 'b', drugId: 'aspirin-primary', lastDoseAt: '2026-06-01T08:00:00Z' },
        { id: 'c', drugId: 'herbal-supplements', lastDoseAt: '2026-06-01T08:00:00Z' },
      ],
      riskClass: 'intermediate',
      plannedStartAt: '2026-06-05T08:00:00Z',
      timeZone: 'UTC',
    });
    expect(result.rows.map((r) => [r.entryId, r.status])).toEqual([['a', 'too-recent'], ['b', 'shared-assessment'], ['c', 'unknown']]);
    expect(result.hardStop).toBe(true);
    expect(result.needsDecision).toBe(true);
    expect(result.needsReview).toBe(true);
    expect(result.summary).toMatch(/^Hard stop: .*Clopidogrel/);
    expect(result.summary).toMatch(/Decision needed .*Aspirin, primary prophylaxis.*Herbal/);
  });

  it('needs a decision, not a hard stop, for shared assessment and unverified rules', () => {
    const result = checkAnticoagulants({
      entries: [{ drugId: 'aspirin-secondary', lastDoseAt: LAST_DOSE }], riskClass: 'high', plannedStartAt: '2026-06-02T08:00:00Z', timeZone: 'UTC',
    });
    expect(result).toMatchObject({ hardStop: false, needsDecision: true, needsReview: false });
    expect(result.rows[0]!.statusText).toBe(SHARED_TEXT);
  });

  it('says so when nothing is entered, and when nothing conflicts', () => {
    expect(checkAnticoagulants({ entries: [], riskClass: 'low', plannedStartAt: LAST_DOSE, timeZone: 'UTC' }).summary).toMatch(/No anticoagulant/);
    const ok = checkAnticoagulants({ entries: [{ drugId: 'ibuprofen', lastDoseAt: LAST_DOSE }], riskClass: 'low', plannedStartAt: LAST_DOSE, timeZone: 'UTC' });
    expect(ok).toMatchObject({ hardStop: false, needsDecision: false });
    expect(ok.summary).toMatch(/No hold conflict for the low-risk procedure/);
  });

  it('refuses an unknown time zone or an instant without a zone', () => {
    expect(() => checkAnticoagulants({ entries: [], riskClass: 'low', plannedStartAt: LAST_DOSE, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => one({ drugId: 'warfarin', lastDoseAt: '2026-06-01T08:00' }, 'low', LAST_DOSE)).toThrow(RangeError);
    expect(() => one({ drugId: 'warfarin', lastDoseAt: LAST_DOSE }, 'low', 'tomorrow')).toThrow(RangeError);
  });
});

describe('restart after the procedure', () => {
  const END = '2026-03-08T01:00:00Z'; // Sat 7 Mar 20:00 EST, just before spring forward

  it('adds hours as an exact duration, and uses the longer end of a range', () => {
    expect(restartAt('warfarin', 'high', END, 'America/New_York')).toEqual({
      at: '2026-03-08T07:00:00.000Z', local: '2026-03-08 03:00 EDT', ruleText: 'Restart no sooner than 6 hours after the procedure',
    });
    const clopidogrel = restartAt('clopidogrel', 'high', END, 'America/New_York');
    expect(clopidogrel.at).toBe('2026-03-09T01:00:00.000Z');
    expect(clopidogrel.ruleText).toMatch(/12–24 hours/);
    expect(restartAt('enoxaparin-prophylactic', 'low', END, 'UTC').at).toBe('2026-03-08T05:00:00.000Z');
    expect(restartAt('ufh-sc', 'high', END, 'UTC').at).toBe('2026-03-08T07:00:00.000Z');
  });

  it('gives no time where the fact base gives none', () => {
    expect(restartAt('dipyridamole', 'high', END, 'UTC')).toMatchObject({ at: null, local: null, ruleText: expect.stringMatching(/not verified/) });
    expect(restartAt('thrombolytics', 'high', END, 'UTC')).toMatchObject({ at: null, ruleText: 'Restart as directed by the specialist' });
    expect(restartAt('aspirin-primary', 'low', END, 'UTC')).toMatchObject({ at: null, ruleText: expect.stringMatching(/nothing to restart/) });
    expect(restartAt('nope', 'low', END, 'UTC').at).toBeNull();
  });
});
