// The worklist's "done of total" counts by the rules of the phase blockers (issue 18): the items that
// apply to the plan (the patient's diabetes takes the diabetic items away), answered by a tick, by a
// saved record (baseline vitals tick their own items) or by confirming the patient's facts (the
// allergy items). Before, the worklist counted ticks only over the items of the encounter's own plan,
// so a nurse who had recorded everything saw "0 of 60". Through the real core on a real file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorklistRow } from '#shared/contract/encounter';
import type { PatientFact } from '#shared/contract/patient-facts';
import { ALLERGY_ITEMS } from '#shared/workflow/fact-items';
import { NURSE, ok, openTempCore, PATIENT, type TempCore } from '../testing/temp-core';

let core: TempCore;
const nurse = () => core.as(NURSE);
let encounterId = '';

beforeEach(async () => {
  core = openTempCore({ now: () => new Date('2026-11-24T08:00:00Z') });
  const patient = ok<{ id: string }>(await nurse()('patient.create', PATIENT));
  encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
});
afterEach(() => core.cleanup());

const row = async () => ok<WorklistRow[]>(await nurse()('encounter.list', { date: '2026-11-24' })).find((r) => r.encounter.id === encounterId)!.progress;

describe('worklist progress', () => {
  it('counts a saved record, confirmed facts and the items the facts make inapplicable by the rules of the blockers', async () => {
    const start = await row();
    expect(start.done).toBe(0);

    // Baseline vitals with a pain score tick "baseline vitals" and "baseline pain score".
    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } }));
    expect(await row()).toEqual({ done: 2, total: start.total });

    // No diabetes: the diabetic items no longer apply, on the worklist as in the phase panel.
    const diabetes = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId, fact: { kind: 'diabetes', data: { status: 'none', note: '' } } }));
    const withoutDiabetic = await row();
    expect(withoutDiabetic.total).toBeLessThan(start.total);
    expect(withoutDiabetic.done).toBe(2);

    // Confirming the patient's facts answers the allergy items.
    ok(await nurse()('patientFacts.confirm', { encounterId, factIds: [diabetes.id] }));
    const confirmed = await row();
    expect(confirmed).toEqual({ done: 2 + ALLERGY_ITEMS.length, total: withoutDiabetic.total });
  });
});
