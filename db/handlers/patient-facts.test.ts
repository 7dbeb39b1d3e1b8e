// Patient-level clinical facts and the early anticoagulant hard stop (issue 18, points 2 and 3),
// through the real core on a real file with a test clock: apixaban entered once on one encounter
// shows on the patient's second encounter that day, on both worklist rows, and stops the
// pre-procedure; the time-out judges against the planned start a person entered, not the clock;
// facts are append-only (changes replace, removals keep a reason) and bad input writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail, WorklistRow } from '#shared/contract/encounter';
import type { PatientFact } from '#shared/contract/patient-facts';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { consentGiven } from '../testing/consent-given';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

let clock = new Date('2026-11-24T18:38:00.000Z');
let core: TempCore;
let patientId = '';
const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const plan = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };

async function newEncounter(): Promise<string> {
  return ok<{ id: string }>(await nurse()('encounter.create', {
    patientId, templateId: template.id, levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
}
const detail = async (encounterId: string) => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
const worklist = async () => ok<WorklistRow[]>(await nurse()('encounter.list', { date: '2026-11-24' }));
const drug = (encounterId: string, drugId: string, lastDoseAt: string) =>
  nurse()('patientFacts.record', { encounterId, fact: { kind: 'antithrombotic', data: { drugId, lastDoseAt } } });

/** Pre-procedure with everything but the anticoagulant done: the items, baseline vitals and the injectate plan. */
async function readyToLeavePreProcedure(encounterId: string): Promise<void> {
  ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
  for (const item of encounterItems(template, plan).phaseItems.filter((i) => i.phase === 'pre-procedure')) {
    ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  }
  ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } } }));
  ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: { steroid: { name: 'Dexamethasone', dose: '10 mg' }, localAnaesthetic: null, contrast: null } } }));
  await consentGiven(core, encounterId);
}

const blockerPaths = (envelope: { ok: boolean; error?: { details?: unknown } }) => ((envelope.error?.details ?? []) as { path: string; hardStop?: boolean }[]);

beforeEach(async () => {
  clock = new Date('2026-11-24T18:38:00.000Z');
  core = openTempCore({ now: () => clock });
  ok(await core.as(ADMIN)('settings.update', { timeZone: 'UTC' }));
  patientId = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT })).id;
});
afterEach(() => core.cleanup());

describe('apixaban entered once, for the patient', () => {
  it("shows on the patient's second encounter, on both worklist rows and in its header data, and stops the pre-procedure", async () => {
    const first = await newEncounter();
    const second = await newEncounter();
    // The evening before, entered on the first encounter.
    const apixaban = ok<PatientFact>(await drug(first, 'apixaban', '2026-11-23T20:00:00.000Z'));
    expect(apixaban).toMatchObject({ patientId, encounterId: first, by: NURSE, at: clock.toISOString(), replacedBy: null, removed: null });

    const shown = await detail(second);
    expect(shown.patientFacts.facts.map((f) => f.id)).toEqual([apixaban.id]);
    const rows = await worklist();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.anticoagulant).toMatchObject({ status: 'hard-stop', plannedStartAt: null, drugs: [{ drugName: 'Apixaban', hardStop: true }] });
      expect(row.anticoagulant.text).toContain('Apixaban');
    }

    // Still-open list of the second encounter: the hard stop is there at pre-procedure, before consent and time-out.
    await readyToLeavePreProcedure(second);
    const before = tableCounts(core);
    const refused = await nurse()('encounter.advance', { encounterId: second, to: 'time-out' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 hard stop') } });
    expect(blockerPaths(refused)).toEqual([{ path: `blockers.anticoagulant-${apixaban.id}`, message: expect.stringContaining('Apixaban: Too recent'), hardStop: true }]);
    expect(tableCounts(core)).toEqual(before);
    expect((await detail(second)).encounter.state).toBe('pre-procedure');
  });

  it('a per-encounter anticoagulant record from before patient facts still counts on its own encounter', async () => {
    const encounterId = await newEncounter();
    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'apixaban', lastDoseAt: '2026-11-23T20:00:00.000Z' } } }));
    expect((await worklist())[0]!.anticoagulant).toMatchObject({ status: 'hard-stop', drugs: [{ drugName: 'Apixaban' }] });
    expect((await detail(encounterId)).patientFacts.facts).toEqual([]);
  });
});

describe('the time-out judges against the planned start a person entered, not the running clock', () => {
  // Enoxaparin (prophylactic) at 02:00: 12 h in the fact base, so clear from 14:00 that day.
  const lastDose = '2026-11-24T02:00:00.000Z';

  it('without a planned start the verdict depends on the time, so one must be entered', async () => {
    const encounterId = await newEncounter();
    ok(await drug(encounterId, 'enoxaparin-prophylactic', lastDose));
    expect((await worklist())[0]!.anticoagulant.status).toBe('needs-planned-start');
    await readyToLeavePreProcedure(encounterId);
    const refused = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
    expect(blockerPaths(refused).map((b) => b.path)).toEqual(['blockers.record-planned-start']);
  });

  it('a planned start before the safe time is a hard stop even when the clock has passed it; moved after it, it clears', async () => {
    const encounterId = await newEncounter();
    ok(await drug(encounterId, 'enoxaparin-prophylactic', lastDose));
    // The clock (18:38) is past 14:00: judged by the clock this would be clear.
    const set = ok<{ plannedStartAt: string; by: unknown }>(await nurse()('encounter.setPlannedStart', { encounterId, plannedStartAt: '2026-11-24T10:00:00.000Z' }));
    expect(set).toMatchObject({ plannedStartAt: '2026-11-24T10:00:00.000Z', by: NURSE });
    expect((await worklist())[0]!.anticoagulant).toMatchObject({ status: 'hard-stop', plannedStartAt: '2026-11-24T10:00:00.000Z' });
    await readyToLeavePreProcedure(encounterId);
    expect(await nurse()('encounter.advance', { encounterId, to: 'time-out' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('1 hard stop') } });

    ok(await nurse()('encounter.setPlannedStart', { encounterId, plannedStartAt: '2026-11-24T15:00:00.000Z' }));
    expect((await worklist())[0]!.anticoagulant.status).toBe('clear');
    ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));

    // At the time-out the clock is turned back to 09:00, before the safe time: the planned start (15:00) still decides.
    clock = new Date('2026-11-24T09:00:00.000Z');
    for (const item of encounterItems(template, plan).phaseItems.filter((i) => i.phase === 'time-out')) {
      ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
    }
    const team = { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } };
    ok(await nurse()('encounter.addRecord', { encounterId, record: team, password: TEST_PASSWORD }));
    ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));

    // Every planned start entered is kept, with who and when.
    const kept = core.db.prepare('SELECT planned_start_at, by_name FROM encounter_planned_starts ORDER BY seq').all();
    expect(kept).toEqual([
      { planned_start_at: '2026-11-24T10:00:00.000Z', by_name: NURSE.name },
      { planned_start_at: '2026-11-24T15:00:00.000Z', by_name: NURSE.name },
    ]);
  });

  it('refuses a planned start on another day, with nothing written', async () => {
    const encounterId = await newEncounter();
    const before = tableCounts(core);
    expect(await nurse()('encounter.setPlannedStart', { encounterId, plannedStartAt: '2026-11-25T09:00:00.000Z' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'plannedStartAt', message: expect.stringContaining('planned for 2026-11-24') }] } });
    expect(tableCounts(core)).toEqual(before);
  });
});

describe('patient facts are append-only, confirmed per encounter, and refuse bad input', () => {
  const latex = { kind: 'allergy', data: { category: 'latex', agent: 'Latex gloves', reaction: 'Hives', severity: 'moderate' } };

  it('a change replaces (the old fact stays), a removal keeps its reason, and an encounter confirms the standing facts', async () => {
    const first = await newEncounter();
    const allergy = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId: first, fact: latex }));
    const diabetes = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId: first, fact: { kind: 'diabetes', data: { status: 'type-2' } } }));
    // One diabetes fact at a time: a new one replaces the standing one.
    const corrected = ok<PatientFact>(await physician()('patientFacts.record', { encounterId: first, fact: { kind: 'diabetes', data: { status: 'type-1' } } }));
    expect(corrected.replacesId).toBe(diabetes.id);
    const changed = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId: first, fact: { ...latex, data: { ...latex.data, severity: 'severe' } }, replacesId: allergy.id }));
    ok(await nurse()('patientFacts.record', { encounterId: first, fact: { kind: 'device', data: { type: 'spinal-cord-stimulator', description: 'Thoracic, 2024' } } }));
    const glp1 = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId: first, fact: { kind: 'medication', data: { category: 'glp1-agonist', name: 'Semaglutide', dose: '1 mg weekly' } } }));
    ok(await nurse()('patientFacts.remove', { encounterId: first, factId: glp1.id, reason: 'Stopped last month' }));

    const second = await newEncounter();
    const facts = (await detail(second)).patientFacts.facts;
    expect(facts.find((f) => f.id === allergy.id)).toMatchObject({ replacedBy: changed.id, removed: null });
    expect(facts.find((f) => f.id === diabetes.id)).toMatchObject({ replacedBy: corrected.id });
    expect(facts.find((f) => f.id === glp1.id)).toMatchObject({ removed: { reason: 'Stopped last month', by: NURSE } });
    const standing = facts.filter((f) => !f.replacedBy && !f.removed).map((f) => f.id);
    expect(standing).toHaveLength(3);

    // A screen that shows an out-of-date list cannot confirm it.
    const before = tableCounts(core);
    expect(await nurse()('patientFacts.confirm', { encounterId: second, factIds: [allergy.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(tableCounts(core)).toEqual(before);
    const confirmed = ok<{ by: unknown; at: string }>(await nurse()('patientFacts.confirm', { encounterId: second, factIds: standing }));
    expect(confirmed).toMatchObject({ by: NURSE, at: clock.toISOString() });
    expect((await detail(second)).patientFacts.confirmations).toHaveLength(1);
    expect((await detail(first)).patientFacts.confirmations).toHaveLength(0);

    // The rows themselves never change, even by hand in SQL.
    expect(() => core.db.prepare("UPDATE patient_facts SET data_json = '{}'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM patient_fact_removals').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM patient_fact_confirmations').run()).toThrow(/append-only/);
    // Every change is in the audit trail, naming the patient.
    const audit = core.db.prepare("SELECT action, patient_id AS patientId FROM audit_log WHERE action LIKE 'patientFacts.%' ORDER BY seq").all() as { action: string; patientId: string }[];
    expect(audit.filter((a) => a.action !== 'patientFacts.get')).toHaveLength(8);
    expect(new Set(audit.map((a) => a.patientId))).toEqual(new Set([patientId]));
  });

  it('refuses an unknown drug, a dose in the future, a change of another kind, a fact changed twice and a closed encounter, writing nothing', async () => {
    const encounterId = await newEncounter();
    const allergy = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId, fact: latex }));
    ok(await nurse()('patientFacts.record', { encounterId, fact: latex, replacesId: allergy.id }));
    const before = tableCounts(core);
    expect(await drug(encounterId, 'snake-oil', '2026-11-23T20:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'fact.data.drugId' }] } });
    expect(await drug(encounterId, 'apixaban', '2026-11-25T20:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'fact.data.lastDoseAt', message: 'is in the future' }] } });
    expect(await nurse()('patientFacts.record', { encounterId, fact: { kind: 'allergy', data: { category: 'latex', agent: 'Latex', reaction: '', severity: 'moderate' } } }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('patientFacts.record', { encounterId, fact: latex, replacesId: allergy.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const device = ok<PatientFact>(await nurse()('patientFacts.record', { encounterId, fact: { kind: 'device', data: { type: 'intrathecal-pump' } } }));
    const afterDevice = tableCounts(core);
    expect(await nurse()('patientFacts.record', { encounterId, fact: latex, replacesId: device.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'replacesId' }] } });
    expect(tableCounts(core)).toEqual(afterDevice);
    expect(before).not.toEqual(afterDevice);

    ok(await nurse()('encounter.cancel', { encounterId, reason: 'Patient unwell today' }));
    const closed = tableCounts(core);
    expect(await nurse()('patientFacts.record', { encounterId, fact: latex })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(tableCounts(core)).toEqual(closed);
  });
});
