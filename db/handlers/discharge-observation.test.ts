// Recovery's minimum observation time through the real core on a test clock: discharge
// 41 s into recovery (issue 18) is refused by the handler, not only the screen; a physician
// may discharge early only with a reason (and password), which the transition stores, the
// audit trail marks and the note's procedure-day section prints; at 15 min it just passes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

const START = Date.parse('2026-11-24T14:00:00.000Z');
let clock = START;
let core: TempCore;
let encounterId = '';
const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const plan = { sedationPlanned: false, laterality: 'left' as const, imagingModality: 'fluoroscopy' as const };
const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const detail = async () => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));

/** An encounter in recovery with every recovery item and record done: only the clock can stand in the way. */
beforeEach(async () => {
  clock = START;
  core = openTempCore({ now: () => new Date(clock) });
  const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT }));
  encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId: template.id, levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  for (const to of ['pre-procedure', 'time-out', 'procedure', 'recovery']) {
    // Consent and the signed time-out cannot be overridden: done before moving on.
    await doneBeforeMoving(physicianAct(core), encounterId, to);
    ok(await advanceOverridingOpen(physician(), encounterId, to, 'test set-up'));
  }
  for (const item of encounterItems(template, plan).phaseItems.filter((i) => i.phase === 'recovery')) {
    ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  }
  ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'recovery', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 2 } } }));
});
afterEach(() => core.cleanup());

describe('minimum observation time before discharge', () => {
  it('41 s into recovery the core refuses discharge, naming the minimum, and changes nothing', async () => {
    clock += 41_000;
    const before = tableCounts(core);
    const refused = await nurse()('encounter.advance', { encounterId, to: 'discharged' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 item(s) open') } });
    expect(refused.ok ? [] : refused.error.details).toEqual([
      expect.objectContaining({ path: 'blockers.observation-minimum', message: 'Minimum observation time: 0 of 15 min in recovery (discharge before it needs a reason)', hardStop: false }),
    ]);
    expect(tableCounts(core)).toEqual(before);
    expect((await detail()).encounter.state).toBe('recovery');
    // 14 min 59 s is still short of it.
    clock = START + 14 * 60_000 + 59_000;
    expect(await nurse()('encounter.advance', { encounterId, to: 'discharged' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('early discharge needs a reason: stored on the transition, audited as an override, printed on the note', async () => {
    clock += 6 * 60_000;
    const reason = 'Patient well at 6 min; observed by the physician, ride waiting.';
    const early = (why: string) => ({ encounterId, to: 'discharged', overrides: [{ blockerId: 'observation-minimum', reason: why }], password: TEST_PASSWORD });
    expect(await nurse()('encounter.advance', early(reason))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await physician()('encounter.advance', early(''))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await detail()).encounter.state).toBe('recovery');

    const moved = ok<Transition>(await physician()('encounter.advance', early(reason)));
    expect(moved).toMatchObject({ to: 'discharged', by: PHYSICIAN });
    expect(moved.overridden.map((b) => [b.id, b.label, b.reason])).toEqual([['observation-minimum', 'Minimum observation time: 6 of 15 min in recovery (discharge before it needs a reason)', reason]]);
    const audited = core.db.prepare("SELECT target FROM audit_log WHERE action = 'encounter.advance' ORDER BY seq DESC LIMIT 1").get() as { target: string };
    expect(audited.target).toBe(`encounter:${encounterId}/state:discharged/override`);

    const note = ok<{ text: string }>(await physician()('note.export', { encounterId }));
    const day = note.text.slice(note.text.indexOf('PROCEDURE DAY: STATES AND OVERRIDES'));
    expect(day).toMatch(new RegExp(`Overridden by Dr Pat Physician \\(physician\\) at .*\\. Reason: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(day).toContain('Minimum observation time: 6 of 15 min in recovery');
  });

  it('at 15 min in recovery the nurse discharges with no override', async () => {
    clock += 15 * 60_000;
    const moved = ok<Transition>(await nurse()('encounter.advance', { encounterId, to: 'discharged' }));
    expect(moved).toMatchObject({ to: 'discharged', reason: null, overridden: [] });
  });
});
