import { describe, expect, it } from 'vitest';
import type { EncounterRecord } from '../contract/encounter-records';
import { doseInMg, givenSteroids, ledgerLine, NO_EQUIVALENT_LINE, NO_LIMIT_LINE, plannedSteroid, steroidLedger, windowStart, type GivenSteroid } from './steroid-ledger';

const TZ = 'America/Chicago';
// 2026-12-05 08:00 in Chicago (CST, UTC-6).
const NOW = '2026-12-05T14:00:00.000Z';
const given = (encounterId: string, at: string, name: string, dose: string): GivenSteroid => ({ encounterId, at, name, dose });
const ledger = (g: GivenSteroid[], planned: { name: string; dose: string } | null = null) => steroidLedger({ given: g, planned, now: NOW, timeZone: TZ });

describe('the rolling 12 months', () => {
  it('are the 365 clinic days ending today: exactly a year ago has left, the day after still counts', () => {
    expect(windowStart('2026-12-05')).toBe('2025-12-06');
    const l = ledger([
      given('e1', '2025-12-05T20:00:00.000Z', 'dexamethasone', '10 mg'), // 2025-12-05 14:00 Chicago: exactly 12 months ago
      given('e2', '2025-12-06T06:30:00.000Z', 'dexamethasone', '8 mg'), // 2025-12-06 00:30 Chicago: the first day counted
    ]);
    expect(l.from).toBe('2025-12-06');
    expect(l.to).toBe('2026-12-05');
    expect(l.drugs).toEqual([expect.objectContaining({ drug: 'dexamethasone', totalMg: 8, procedures: 1 })]);
  });

  it("reads the date in the clinic's zone, not UTC: 05:30 UTC on the 6th is still the 5th in Chicago", () => {
    const l = ledger([given('e1', '2025-12-06T05:30:00.000Z', 'dexamethasone', '10 mg')]);
    expect(l.drugs).toEqual([]);
  });

  it('counts calendar days across a leap day: on 2028-03-01 (after 2028-02-29) the window starts 2027-03-03', () => {
    expect(windowStart('2028-03-01')).toBe('2027-03-03');
    expect(windowStart('2027-03-01')).toBe('2026-03-02');
  });
});

describe('totals per drug, never converted', () => {
  it('sums brand and generic names of one generic; keeps others apart; counts procedures, not entries', () => {
    const l = ledger([
      given('e1', '2026-03-01T15:00:00.000Z', 'Kenalog-40', '40 mg'),
      given('e2', '2026-06-01T15:00:00.000Z', 'triamcinolone acetonide', '20 mg'),
      given('e2', '2026-06-01T15:00:00.000Z', 'KENALOG 40', '20mg'),
      given('e3', '2026-09-01T15:00:00.000Z', 'Dexamethasone', '10 mg'),
    ]);
    expect(l.drugs.map((d) => [d.drug, d.totalMg, d.procedures, d.entries.length])).toEqual([
      ['triamcinolone acetonide', 80, 2, 3],
      ['dexamethasone', 10, 1, 1],
    ]);
    expect(l.reviewLines).toEqual([NO_EQUIVALENT_LINE, NO_LIMIT_LINE]);
    expect(ledgerLine(l)).toBe('triamcinolone acetonide 80 mg (2 procedures) · dexamethasone 10 mg (1 procedure)');
  });

  it('converts mcg and g to mg, adds decimals without noise', () => {
    const l = ledger([
      given('e1', '2026-03-01T15:00:00.000Z', 'dexamethasone', '4000 mcg'),
      given('e2', '2026-04-01T15:00:00.000Z', 'dexamethasone', '0.1 mg'),
      given('e3', '2026-05-01T15:00:00.000Z', 'dexamethasone', '0.2 mg'),
      given('e4', '2026-05-02T15:00:00.000Z', 'dexamethasone', '500 µg'),
    ]);
    expect(l.drugs[0]!.totalMg).toBe(4.8);
    expect(l.drugs[0]!.entries.map((e) => e.mg)).toEqual([4, 0.1, 0.2, 0.5]);
  });

  it('lists a dose in mL, a blank dose and a concentration apart, never summed or guessed', () => {
    const l = ledger([
      given('e1', '2026-03-01T15:00:00.000Z', 'Kenalog-40', '1 mL'),
      given('e2', '2026-04-01T15:00:00.000Z', 'dexamethasone', ''),
      given('e3', '2026-05-01T15:00:00.000Z', 'dexamethasone', '10 mg/mL'),
      given('e4', '2026-05-02T15:00:00.000Z', 'dexamethasone', '6 mg'),
    ]);
    expect(l.drugs.map((d) => [d.drug, d.totalMg])).toEqual([['dexamethasone', 6]]);
    expect(l.unsummed.map((u) => [u.drug, u.dose, u.why])).toEqual([
      ['triamcinolone acetonide', '1 mL', 'dose in mL, not summed'],
      ['dexamethasone', '', 'no dose recorded, not summed'],
      ['dexamethasone', '10 mg/mL', 'not an amount with its unit, not summed'],
    ]);
    expect(ledgerLine(l)).toBe('dexamethasone 6 mg (1 procedure) · 3 doses not summed');
  });

  it('keeps a name the table does not classify by its entered name, apart from the generic it resembles', () => {
    const l = ledger([
      given('e1', '2026-03-01T15:00:00.000Z', 'Solu-Cortef', '100 mg'),
      given('e2', '2026-04-01T15:00:00.000Z', 'dexamethasone acetate', '8 mg'),
      given('e3', '2026-05-01T15:00:00.000Z', 'dexamethasone', '4 mg'),
    ]);
    expect(l.drugs.map((d) => [d.drug, d.recognised, d.totalMg])).toEqual([
      ['Solu-Cortef', false, 100],
      ['dexamethasone acetate', false, 8],
      ['dexamethasone', true, 4],
    ]);
  });

  it("shows today's plan apart from the given total", () => {
    const l = ledger([given('e1', '2026-03-01T15:00:00.000Z', 'dexamethasone', '10 mg')], { name: 'Dexamethasone', dose: '10 mg' });
    expect(l.drugs[0]!.totalMg).toBe(10);
    expect(l.planned).toEqual({ drug: 'dexamethasone', name: 'Dexamethasone', dose: '10 mg', mg: 10 });
    expect(ledgerLine(l)).toBe('dexamethasone 10 mg (1 procedure) · + today 10 mg planned');
    expect(ledgerLine(ledger([], { name: 'Kenalog-40', dose: '1 mL' }))).toBe('none recorded · + today 1 mL triamcinolone acetonide planned');
    // Another drug given before: today's is named.
    expect(ledgerLine(ledger([given('e1', '2026-03-01T15:00:00.000Z', 'Kenalog-40', '40 mg')], { name: 'Dexamethasone', dose: '10 mg' })))
      .toBe('triamcinolone acetonide 40 mg (1 procedure) · + today 10 mg dexamethasone planned');
  });
});

describe('doseInMg', () => {
  it.each([
    ['40 mg', { mg: 40 }],
    ['40mg', { mg: 40 }],
    ['1 g', { mg: 1000 }],
    ['250 micrograms', { mg: 0.25 }],
    ['2 mL of 1%', { why: 'dose in mL, not summed' }],
    ['forty mg', { why: 'not an amount with its unit, not summed' }],
    ['10', { why: 'not an amount with its unit, not summed' }],
  ])('%s', (dose, expected) => expect(doseInMg(dose)).toEqual(expected));
});

describe('what an encounter says was given', () => {
  const rec = (id: string, entry: EncounterRecord['entry'], voided = false): EncounterRecord => ({
    id,
    at: `2026-12-05T1${id.length}:00:00.000Z`,
    by: { name: 'N', role: 'nurse' },
    voided: voided ? { at: '2026-12-05T16:00:00.000Z', by: { name: 'N', role: 'nurse' }, reason: 'entered in error' } : null,
    entry,
  });
  const procedure = (meds: { name: string; dose: string }[]): EncounterRecord['entry'] => ({
    kind: 'procedure',
    data: { imagingUsed: 'fluoroscopy', contrastUsed: false, contrastAgent: '', fluoroscopyTimeSeconds: null, radiationDose: '', medications: meds.map((m) => ({ ...m, route: '' })), levelsTreated: [], complications: '' },
  });
  const plan: EncounterRecord['entry'] = { kind: 'injectate-plan', data: { steroid: { name: 'Dexamethasone', dose: '10 mg' }, localAnaesthetic: null, contrast: null, nonParticulateConfirmed: false } };

  it('counts the latest standing procedure record, its steroids only; a voided one does not count; the plan does not count as given', () => {
    const records = [
      rec('p', plan),
      rec('pr', procedure([{ name: 'Dexamethasone', dose: '10 mg' }, { name: 'Lidocaine 1%', dose: '2 mL' }])),
      rec('pr2', procedure([{ name: 'Dexamethasone', dose: '4 mg' }])),
      rec('pr33', procedure([{ name: 'Dexamethasone', dose: '99 mg' }]), true),
    ];
    expect(givenSteroids('e1', records)).toEqual([{ encounterId: 'e1', at: '2026-12-05T13:00:00.000Z', name: 'Dexamethasone', dose: '4 mg' }]);
    expect(plannedSteroid(records)).toBeNull();
    expect(givenSteroids('e1', [rec('p', plan)])).toEqual([]);
    expect(plannedSteroid([rec('p', plan)])).toEqual({ name: 'Dexamethasone', dose: '10 mg' });
    // Its only procedure record voided: nothing given, and the plan is today's again.
    const voided = [rec('p', plan), rec('pr', procedure([{ name: 'Dexamethasone', dose: '10 mg' }]), true)];
    expect(givenSteroids('e1', voided)).toEqual([]);
    expect(plannedSteroid(voided)).toEqual({ name: 'Dexamethasone', dose: '10 mg' });
  });
});
