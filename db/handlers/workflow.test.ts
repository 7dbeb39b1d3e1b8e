// The procedure day through the real core: states in order only, required
// items and records gate each transition, a recent anticoagulant dose is a
// hard stop from pre-procedure on and again at the time-out, only a physician overrides (reason + password),
// closed encounters never change, and the note shows every override.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { CONSENT_DISCUSSION, consentGiven } from '../testing/consent-given';
import { advanceOverridingOpen, refusedBlockerIds } from '../testing/override-open';
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
  await consentGiven(core, encounterId);
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
    ok(await advanceOverridingOpen(physician(), encounterId, 'time-out', 'Cardiology consulted'));
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
    const stops = refusedBlockerIds(stopped.ok ? [] : stopped.error.details);
    expect(stops).toEqual([expect.stringMatching(/^anticoagulant-/)]);
    const overrides = (reason: string) => [{ blockerId: stops[0], reason }];
    expect(await nurse()('encounter.advance', { encounterId, to: 'procedure', overrides: overrides('Cardiology agrees'), password: TEST_PASSWORD }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await physician()('encounter.advance', { encounterId, to: 'procedure', overrides: overrides('Cardiology agrees'), password: 'wrong password' }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await detail()).encounter.state).toBe('time-out');

    const reason = 'Stent thrombosis risk outweighs; cardiology advised proceeding on clopidogrel.';
    const moved = ok<Transition>(await physician()('encounter.advance', { encounterId, to: 'procedure', overrides: overrides(reason), password: TEST_PASSWORD }));
    expect(moved).toMatchObject({ from: 'time-out', to: 'procedure', reason: null, by: { name: PHYSICIAN.name, role: 'physician' } });
    expect(moved.overridden).toEqual([expect.objectContaining({ hardStop: true, label: expect.stringContaining('Clopidogrel'), reason })]);
    expect(audit().at(-1)).toMatchObject({ action: 'encounter.advance', user: PHYSICIAN.name });
  });

  it('runs to discharge; a discharged encounter never changes; the note lists states and overrides', async () => {
    for (const [state, phase] of [['pre-procedure', 'pre-procedure'], ['time-out', 'time-out'], ['procedure', 'procedure'], ['recovery', 'recovery']] as const) {
      // The procedure phase ends with the physician's override below, which already moved to recovery.
      if ((await detail()).encounter.state !== state) ok(await nurse()('encounter.advance', { encounterId, to: state }));
      if (phase === 'procedure') {
        // The procedure record is missing: a physician overrides, and the note will say so.
        await resolvePhase(phase);
        ok(await physician()('encounter.advance', { encounterId, to: 'recovery', overrides: [{ blockerId: 'record-procedure', reason: 'Record kept on paper during a power cut.' }], password: TEST_PASSWORD }));
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
    expect(note.text).not.toContain('PHYSICIAN OVERRIDE');
    expect(note.text).toMatch(/Overridden by Dr Pat Physician \(physician\) at [^:]+:\d\d: Procedure record: imaging, contrast, medications, levels, complications\. Reason: Record kept on paper during a power cut\./);
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

describe('what no override can lift (issue 18)', () => {
  async function readyButConsent(): Promise<void> {
    ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
    await resolvePhase('pre-procedure');
    ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
    ok(await nurse()('encounter.addRecord', { encounterId, record: injectatePlan }));
  }
  /** The physician names the blocker no override lifts: refused all the same. */
  const override = (blockerId: string) => ({ overrides: [{ blockerId, reason: 'Running late, will sign after.' }], password: TEST_PASSWORD });
  const paths = (r: { ok: boolean; error?: unknown }) => (r.ok ? [] : ((r.error as { details: { path: string }[] }).details).map((d) => d.path));

  it('the patient signature voided: the move to the time-out is refused, and a physician override is refused too, naming it; nothing is written', async () => {
    await readyButConsent();
    const signature = (await detail()).signatures.find((s) => s.signer === 'patient')!;
    ok(await physician()('consent.voidSignature', { encounterId, signatureId: signature.id, reason: 'Signed the wrong form.' }));
    const before = tableCounts(core);
    const refused = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
    expect(paths(refused)).toEqual(['blockers.consent-signature']);
    const overridden = await physician()('encounter.advance', { encounterId, to: 'time-out', ...override('consent-signature') });
    expect(overridden).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('No override can replace Consent signed by the patient or surrogate') } });
    expect(paths(overridden)).toEqual(['blockers.consent-signature']);
    // Refused before the password is even checked: nothing is written but the audit of the refused attempt.
    expect((await detail()).encounter.state).toBe('pre-procedure');
    const { audit_log: auditAfter, ...after } = tableCounts(core);
    const { audit_log: auditBefore, ...unchanged } = before;
    expect(after).toEqual(unchanged);
    expect(auditAfter).toBe(auditBefore! + 1);
    // A surrogate's signature counts as the patient's.
    ok(await physician()('consent.captureSignature', { encounterId, signer: 'surrogate', signerName: 'Sam Surrogate', method: 'paper' }));
    ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));
  });

  it('a patient who declines or defers cannot be taken to the time-out by any override', async () => {
    await readyButConsent();
    for (const decision of ['declines', 'defers', null] as const) {
      ok(await physician()('consent.save', { ...CONSENT_DISCUSSION, encounterId, decision }));
      const overridden = await physician()('encounter.advance', { encounterId, to: 'time-out', ...override('consent-decision') });
      expect(overridden, String(decision)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('No override can replace Consent decision') } });
      expect(paths(overridden)).toEqual(['blockers.consent-decision']);
    }
    expect((await detail()).encounter.state).toBe('pre-procedure');
  });

  it('the time-out itself cannot be overridden; other open time-out items still can, with a reason', async () => {
    await readyButConsent();
    ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));
    const overridden = await physician()('encounter.advance', { encounterId, to: 'procedure', ...override('record-time-out') });
    expect(overridden).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('No override can replace Time-out signed') } });
    expect(paths(overridden)).toEqual(['blockers.record-time-out']);
    ok(await nurse()('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
    // The time-out checks are still open: those a physician may override.
    const moved = ok<Transition>(await advanceOverridingOpen(physician(), encounterId, 'procedure', 'Running late, will sign after.'));
    expect(moved.overridden.length).toBeGreaterThan(0);
    expect(moved.overridden.every((b) => b.overridable !== false)).toBe(true);
  });
});
