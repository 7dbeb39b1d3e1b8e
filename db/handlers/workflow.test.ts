// The procedure day through the real core: states in order only, required
// items and records gate each transition, a recent anticoagulant dose is a
// hard stop from pre-procedure on and again at the time-out, only a physician overrides (reason + password),
// closed encounters never change, and the note shows every override.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T14:00:00.000Z');
/** The core's clock: stands at NOW unless a test moves it on (recovery's minimum observation time). */
let clock = NOW.getTime();
let core: TempCore;
let encounterId = '';
beforeEach(async () => {
  clock = NOW.getTime();
  core = openTempCore({ now: () => new Date(clock) });
  const patient = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT }));
  encounterId = ok<{ id: string }>(await core.as(NURSE)('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const detail = async () => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const plan = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };

async function resolvePhase(phase: 'pre-procedure' | 'time-out' | 'procedure' | 'recovery'): Promise<void> {
  for (const item of encounterItems(template, plan).phaseItems.filter((i) => i.phase === phase)) {
    ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  }
}

const vitals = (phase: string) => ({ kind: 'vitals', data: { phase, systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } });
const injectatePlan = {
  kind: 'injectate-plan',
  data: { steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol 240', dose: '2 mL' } },
};

describe('procedure-day states', () => {
  it('moves only to the next state, and each phase waits for its required items and records', async () => {
    expect((await detail()).encounter.state).toBe('scheduled');
    expect(await nurse()('encounter.advance', { encounterId, to: 'time-out' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));

    const before = tableCounts(core);
    const blocked = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cannot end yet') } });
    const paths = (blocked.ok ? [] : (blocked.error.details as { path: string }[])).map((d) => d.path);
    expect(paths).toContain('blockers.wf-identity-two-identifiers');
    expect(paths).toContain('blockers.record-baseline-vitals');
    expect(paths).toContain('blockers.record-injectate-plan');
    expect(tableCounts(core)).toEqual(before);

    await resolvePhase('pre-procedure');
    ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
    ok(await nurse()('encounter.addRecord', { encounterId, record: injectatePlan }));
    ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));
    expect((await detail()).encounter.state).toBe('time-out');
  });

  it('a recent anticoagulant dose is a hard stop at the time-out that only a physician overrides, with reason and password', async () => {
    ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
    await resolvePhase('pre-procedure');
    ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
    ok(await nurse()('encounter.addRecord', { encounterId, record: injectatePlan }));
    // Clopidogrel 2 days ago before an intermediate-risk procedure (7 days in the fact base).
    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'clopidogrel', lastDoseAt: '2026-11-22T08:00:00.000Z' } } }));
    // Known now, so it stops the pre-procedure already (issue 18), and is checked again at the time-out.
    expect(await nurse()('encounter.advance', { encounterId, to: 'time-out' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 hard stop') } });
    ok(await physician()('encounter.advance', { encounterId, to: 'time-out', override: { reason: 'Cardiology consulted', password: TEST_PASSWORD } }));
    await resolvePhase('time-out');

    // Signing the time-out needs the password again; a wrong one is refused and still audited.
    const timeOut = { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } };
    expect(await nurse()('encounter.addRecord', { encounterId, record: timeOut })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('encounter.addRecord', { encounterId, record: timeOut, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = () => core.db.prepare('SELECT action, user_name AS user FROM audit_log ORDER BY seq').all() as { action: string; user: string }[];
    expect(audit().at(-1)).toEqual({ action: 'auth.reauthFailed', user: NURSE.name });
    ok(await nurse()('encounter.addRecord', { encounterId, record: timeOut, password: TEST_PASSWORD }));

    const stopped = await nurse()('encounter.advance', { encounterId, to: 'procedure' });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 hard stop') } });
    expect(await nurse()('encounter.advance', { encounterId, to: 'procedure', override: { reason: 'Cardiology agrees', password: TEST_PASSWORD } }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await physician()('encounter.advance', { encounterId, to: 'procedure', override: { reason: 'Cardiology agrees', password: 'wrong password' } }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await detail()).encounter.state).toBe('time-out');

    const reason = 'Stent thrombosis risk outweighs; cardiology advised proceeding on clopidogrel.';
    const moved = ok<Transition>(await physician()('encounter.advance', { encounterId, to: 'procedure', override: { reason, password: TEST_PASSWORD } }));
    expect(moved).toMatchObject({ from: 'time-out', to: 'procedure', reason, by: { name: PHYSICIAN.name, role: 'physician' } });
    expect(moved.overridden).toEqual([expect.objectContaining({ hardStop: true, label: expect.stringContaining('Clopidogrel') })]);
    expect(audit().at(-1)).toMatchObject({ action: 'encounter.advance', user: PHYSICIAN.name });
  });

  it('runs to discharge; a discharged encounter never changes; the note lists states and overrides', async () => {
    for (const [state, phase] of [['pre-procedure', 'pre-procedure'], ['time-out', 'time-out'], ['procedure', 'procedure'], ['recovery', 'recovery']] as const) {
      // The procedure phase ends with the physician's override below, which already moved to recovery.
      if ((await detail()).encounter.state !== state) ok(await nurse()('encounter.advance', { encounterId, to: state }));
      if (phase === 'procedure') {
        // The procedure record is missing: a physician overrides, and the note will say so.
        await resolvePhase(phase);
        ok(await physician()('encounter.advance', { encounterId, to: 'recovery', override: { reason: 'Record kept on paper during a power cut.', password: TEST_PASSWORD } }));
        continue;
      }
      await resolvePhase(phase);
      if (phase === 'pre-procedure' || phase === 'recovery') ok(await nurse()('encounter.addRecord', { encounterId, record: vitals(phase) }));
      if (phase === 'pre-procedure') ok(await nurse()('encounter.addRecord', { encounterId, record: injectatePlan }));
      if (phase === 'time-out') {
        ok(await nurse()('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: 'A', role: 'nurse' }, { name: 'B', role: 'physician' }] } } }));
      }
    }
    clock += 20 * 60_000; // past the 15 min minimum observation time (shared/workflow/observation.ts)
    ok(await nurse()('encounter.advance', { encounterId, to: 'discharged' }));
    const closed = await detail();
    expect(closed.encounter.state).toBe('discharged');
    expect(closed.transitions.map((t) => t.to)).toEqual(['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged']);

    const before = tableCounts(core);
    for (const attempt of [
      nurse()('checklist.setItem', { encounterId, itemId: 'infection', status: 'unchecked' }),
      nurse()('encounter.addRecord', { encounterId, record: vitals('recovery') }),
      nurse()('encounter.cancel', { encounterId, reason: 'Changed my mind' }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(tableCounts(core)).toEqual(before);

    const note = ok<{ text: string }>(await physician()('note.export', { encounterId }));
    expect(note.text).toContain('PROCEDURE DAY: STATES AND OVERRIDES');
    expect(note.text).toContain('PHYSICIAN OVERRIDE, reason: Record kept on paper during a power cut.');
    expect(note.text).toContain('Procedure record: imaging, contrast, medications, levels, complications');
  });

  it('cancels with a reason, filters the worklist by state, and voids records without losing them', async () => {
    expect(await nurse()('encounter.cancel', { encounterId, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const record = ok<{ id: string }>(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
    const voided = ok<{ voided: { reason: string } | null }>(await nurse()('encounter.voidRecord', { encounterId, recordId: record.id, reason: 'Entered on the wrong patient' }));
    expect(voided.voided).toMatchObject({ reason: 'Entered on the wrong patient' });
    expect(await nurse()('encounter.voidRecord', { encounterId, recordId: record.id, reason: 'again please' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await detail()).records).toHaveLength(1);

    ok(await nurse()('encounter.cancel', { encounterId, reason: 'Patient febrile on arrival; rebooked.' }));
    const rows = (state: string) => nurse()('encounter.list', { state });
    expect(ok<unknown[]>(await rows('cancelled'))).toHaveLength(1);
    expect(ok<unknown[]>(await rows('scheduled'))).toHaveLength(0);
    expect(() => core.db.prepare('DELETE FROM encounter_records').run()).toThrow(/append-only/);
    expect(() => core.db.prepare("UPDATE encounter_transitions SET reason = 'x'").run()).toThrow(/append-only/);
  });

  it('refuses an unknown drug and a dose time in the future', async () => {
    expect(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'snake-oil', lastDoseAt: '2026-11-20T08:00:00.000Z' } } }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'clopidogrel', lastDoseAt: '2026-11-25T08:00:00.000Z' } } }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
