import { describe, expect, it } from 'vitest';
import type { BleedingRiskRaise } from '../contract/encounter-bleeding-risk';
import type { EncounterRecord } from '../contract/encounter-records';
import { LIBRARY } from '../library/index';
import { NO_RISK_FACTORS } from './anticoagulant-check';
import { basisText, DEEP_BLOCK_EXCEPTION, encounterBleedingRisk, raiseOptions, raiseProblem } from './bleeding-risk';
import { anticoagulantCheck, encounterRisk } from './encounter-workflow';
import { asOf } from './record-access';

const template = (id: string) => LIBRARY.find((t) => t.id === id)!;
const PNB = template('peripheral-nerve-block');
const TFESI = template('lumbar-transforaminal-esi');
const SCS = template('scs-trial');
const DR = { name: 'Dr Pat Physician', role: 'physician' } as const;
const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
function raise(toClass: BleedingRiskRaise['toClass'], at = '2026-11-24T14:00:00.000Z', extra: Partial<BleedingRiskRaise> = {}): BleedingRiskRaise {
  return { id: id(), encounterId: id(), fromClass: 'low', toClass, reasonCategory: 'deep-or-paravertebral-block', reason: 'Paravertebral at T6.', at, by: DR, voided: null, ...extra };
}
const factorsRecord = (at: string, data = { ...NO_RISK_FACTORS, olderAge: true }): EncounterRecord => ({ id: id(), at, by: NURSE, voided: null, entry: { kind: 'risk-factors', data } });
const drugRecord = (drugId: string, lastDoseAt: string): EncounterRecord => ({ id: id(), at: '2026-11-24T13:00:00.000Z', by: NURSE, voided: null, entry: { kind: 'anticoagulant', data: { drugId, lastDoseAt } } });
const SETTINGS = { inrThreshold: 1.2, timeZone: 'UTC' };
const NOW = '2026-11-24T14:00:00.000Z';

describe("the encounter's bleeding-risk class", () => {
  it("is the template's class when nothing raises it", () => {
    const risk = encounterBleedingRisk(PNB, NO_RISK_FACTORS, []);
    expect(risk).toMatchObject({ riskClass: 'low', templateClass: 'low', raisedFrom: null, raises: [], text: "Low-risk procedure (the template's class)" });
    expect(risk.basis).toEqual([{ kind: 'template', riskClass: 'low', sources: PNB.bleedingRisk.asra2018.sources }]);
    expect(basisText(risk.basis[0]!)).toBe("Procedure template's class: Low (ASRA 2018)");
    // A procedure §1.2 does not list keeps its template's class, not attributed to ASRA.
    const adhesiolysis = encounterBleedingRisk(LIBRARY.find((t) => t.id === 'epidural-adhesiolysis')!, NO_RISK_FACTORS, []);
    expect(basisText(adhesiolysis.basis[0]!)).toBe("Procedure template's class: High (not in the ASRA 2018 list)");
  });

  it('is raised automatically by the fact base\'s patient factors (§1.2), with their sources and review flag', () => {
    const risk = encounterBleedingRisk(PNB, { ...NO_RISK_FACTORS, coagulopathy: true }, []);
    expect(risk).toMatchObject({ riskClass: 'intermediate', raisedFrom: 'low', factors: ['Coagulopathy'], needsClinicalReview: true });
    expect(risk.basis[1]).toMatchObject({ kind: 'patient-factors', riskClass: 'intermediate', raised: true });
    expect(basisText(risk.basis[1]!)).toBe('Raised to Intermediate by patient factors: coagulopathy');
    expect(risk.text).toBe("Intermediate risk: raised from the template's low by patient factors (coagulopathy)");
  });

  it("is the highest of the template's class, the patient factors and every standing raise", () => {
    const toHigh = raise('high', '2026-11-24T14:05:00.000Z', { fromClass: 'intermediate' });
    const risk = encounterBleedingRisk(PNB, { ...NO_RISK_FACTORS, olderAge: true }, [raise('intermediate'), toHigh]);
    expect(risk.riskClass).toBe('high');
    expect(risk.basis.map((b) => `${b.kind}:${b.riskClass}`)).toEqual(['template:low', 'patient-factors:intermediate', 'physician:intermediate', 'physician:high']);
    expect(basisText(risk.basis[3]!, () => 'at 08:05')).toBe('Raised to High by Dr Pat Physician (physician), at 08:05: Deep or paravertebral block. Paravertebral at T6.');
    expect(risk.text).toMatch(/^High risk: raised from the template's low by patient factors \(older age\); Dr Pat Physician: deep or paravertebral block; Dr Pat Physician/);
  });

  it('ignores a voided raise', () => {
    const voided = raise('high', NOW, { voided: { at: NOW, by: DR, reason: 'Wrong patient.' } });
    const risk = encounterBleedingRisk(TFESI, NO_RISK_FACTORS, [voided]);
    expect(risk).toMatchObject({ riskClass: 'intermediate', raises: [] });
  });

  it('keeps a high-risk procedure high: factors are listed, not raising', () => {
    const risk = encounterBleedingRisk(SCS, { ...NO_RISK_FACTORS, kidneyDisease: true }, []);
    expect(risk).toMatchObject({ riskClass: 'high', raisedFrom: null });
    expect(basisText(risk.basis[1]!)).toBe('Patient factors present (severe kidney dysfunction); they raise the class no further than High');
  });
});

describe('raising: only upwards, never below the template', () => {
  it("refuses a class below the template's (INVALID_INPUT) and one not above the current class (CONFLICT)", () => {
    const risk = encounterBleedingRisk(TFESI, NO_RISK_FACTORS, []);
    expect(raiseProblem(risk, 'low')).toEqual({ code: 'INVALID_INPUT', message: expect.stringContaining("Low is below the procedure template's class (Intermediate)") });
    expect(raiseProblem(risk, 'intermediate')).toEqual({ code: 'CONFLICT', message: expect.stringContaining("already Intermediate (the template's class)") });
    expect(raiseProblem(risk, 'high')).toBeNull();
    expect(raiseOptions(risk)).toEqual(['high']);
  });

  it('judges against the current class, patient factors included', () => {
    const risk = encounterBleedingRisk(PNB, { ...NO_RISK_FACTORS, olderAge: true }, []);
    expect(raiseProblem(risk, 'intermediate')?.code).toBe('CONFLICT');
    expect(raiseOptions(risk)).toEqual(['high']);
    expect(raiseOptions(encounterBleedingRisk(SCS, NO_RISK_FACTORS, []))).toEqual([]);
    expect(raiseOptions(encounterBleedingRisk(PNB, NO_RISK_FACTORS, []))).toEqual(['intermediate', 'high']);
  });

  it('states the deep-block exception of §1.2 with its secondary sources', () => {
    expect(DEEP_BLOCK_EXCEPTION.text).toMatch(/paravertebral, deep plexus, deep peripheral/);
    expect(DEEP_BLOCK_EXCEPTION.sources.every((s) => s.evidence === 'V2')).toBe(true);
  });
});

describe('the anticoagulant check uses the encounter class', () => {
  it('clopidogrel 2 days ago: continue at low risk; too recent (hard stop) once a physician raises the class', () => {
    const records = [drugRecord('clopidogrel', '2026-11-22T14:00:00.000Z')];
    const atLow = anticoagulantCheck(PNB, records, [], SETTINGS, NOW);
    expect(atLow.risk.riskClass).toBe('low');
    expect(atLow.result).toMatchObject({ riskClass: 'low', hardStop: false, rows: [{ status: 'continue' }] });
    const raised = anticoagulantCheck(PNB, records, [raise('intermediate')], SETTINGS, NOW);
    expect(raised.result).toMatchObject({ riskClass: 'intermediate', hardStop: true, rows: [{ status: 'too-recent' }] });
  });

  it('apixaban 48 h ago: shared assessment at low risk, a hard stop at high', () => {
    const records = [drugRecord('apixaban', '2026-11-22T14:00:00.000Z')];
    expect(anticoagulantCheck(PNB, records, [], SETTINGS, NOW).result).toMatchObject({ hardStop: false, needsDecision: true, rows: [{ status: 'shared-assessment' }] });
    expect(anticoagulantCheck(PNB, records, [raise('high')], SETTINGS, NOW).result).toMatchObject({ hardStop: true, rows: [{ status: 'too-recent' }] });
  });

  it('reads the latest patient factors from the records', () => {
    const records = [factorsRecord('2026-11-24T13:00:00.000Z'), drugRecord('clopidogrel', '2026-11-22T14:00:00.000Z')];
    expect(anticoagulantCheck(PNB, records, [], SETTINGS, NOW).result.hardStop).toBe(true);
  });
});

describe('asOf: the class a note signed at a given time saw', () => {
  it('leaves out later raises and records, and undoes later voids of raises and records', () => {
    const signedAt = '2026-11-24T14:00:00.000Z';
    const early = raise('intermediate', '2026-11-24T13:50:00.000Z', { voided: { at: '2026-11-24T14:10:00.000Z', by: DR, reason: 'In error.' } });
    const late = raise('high', '2026-11-24T14:20:00.000Z');
    const voidedLater = { ...factorsRecord('2026-11-24T13:40:00.000Z', { ...NO_RISK_FACTORS, coagulopathy: true }), voided: { at: '2026-11-24T14:30:00.000Z', by: NURSE, reason: 'Wrong patient.' } };
    const then = asOf([voidedLater], [early, late], signedAt);
    expect(then.raises).toEqual([{ ...early, voided: null }]);
    expect(then.records).toEqual([{ ...voidedLater, voided: null }]);
    expect(encounterRisk(PNB, then.records, then.raises).riskClass).toBe('intermediate');
    expect(encounterRisk(PNB, [voidedLater], [early, late]).riskClass).toBe('high');
  });
});
