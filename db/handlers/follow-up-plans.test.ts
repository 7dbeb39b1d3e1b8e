// Planned follow-up contacts, the list of who is due this week, and the relief-duration rule,
// through the real core: a plan may be in the future while a follow-up may not; relief cannot
// outlast the time since the procedure (refused beside the field, nothing written); the due list
// takes its dates from plans and from the clinic's own interval setting, never from an assumed one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpPlan, DueList } from '#shared/contract/follow-up-plan';
import type { PatientOutcomes } from '#shared/contract/follow-up';
import { doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, type TempCore } from '../testing/temp-core';

// Tuesday 24 November 2026, 15:30 UTC; the clinic in UTC so dates read plainly.
const NOW = new Date('2026-11-24T15:30:00.000Z');
let core: TempCore;
beforeEach(async () => {
  core = openTempCore({ now: () => NOW });
  ok(await core.as(ADMIN)('settings.update', { timeZone: 'UTC' }));
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const ESI = { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Left L5 radicular pain.' };
let mrn = 0;

async function done(plannedDate: string, familyName = 'Peña', until = 'discharged'): Promise<string> {
  mrn += 1;
  const patientId = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, familyName, mrn: `FU-${mrn}` })).id;
  const id = ok<{ id: string }>(await nurse()('encounter.create', { patientId, ...ESI, plannedDate })).id;
  const path = ['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'];
  for (const to of path.slice(0, path.indexOf(until) + 1)) {
    await doneBeforeMoving(physicianAct(core), id, to);
    ok(await advanceOverridingOpen(core.as(PHYSICIAN), id, to, 'test set-up'));
  }
  return id;
}

const followUp = (encounterId: string, over: object = {}) => ({
  encounterId, seenAt: '2026-11-24T10:00:00.000Z', painScore: 3, function: { work: null, sleep: null, dailyActivities: null },
  percentRelief: 60, reliefDuration: { value: 2, unit: 'days' }, reliefOngoing: true, ...over,
});
const pathsOf = (r: { ok: boolean; error?: { details?: unknown } }) => ((r.error?.details ?? []) as { path: string; message: string }[]);

describe('planning a follow-up contact', () => {
  it('may be two weeks ahead (a follow-up itself may not), never before the procedure, and is audited', async () => {
    const e = await done('2026-11-20');
    const plan = ok<FollowUpPlan>(await nurse()('followUp.schedule', { encounterId: e, dueDate: '2026-12-08', how: 'phone', notes: 'Ask about the leg pain.' }));
    expect(plan).toMatchObject({ encounterId: e, dueDate: '2026-12-08', how: 'phone', by: NURSE, voided: null, done: false });
    expect(core.db.prepare("SELECT target FROM audit_log WHERE action = 'followUp.schedule'").pluck().get()).toBe(`encounter:${e}/follow-up-plan:${plan.id}`);

    const before = tableCounts(core);
    const future = await nurse()('followUp.add', followUp(e, { seenAt: '2026-12-08T10:00:00.000Z' }));
    expect(pathsOf(future).map((d) => `${d.path}: ${d.message}`)).toEqual(['seenAt: is in the future']);
    const early = await nurse()('followUp.schedule', { encounterId: e, dueDate: '2026-11-19', how: 'visit' });
    expect(pathsOf(early).map((d) => `${d.path}: ${d.message}`)).toEqual(['dueDate: is before the procedure (2026-11-20)']);
    const bad = await nurse()('followUp.schedule', { encounterId: e, dueDate: '2026-02-30', how: 'visit' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('shows on the outcomes screen, is done once a follow-up is recorded, and can be voided with a reason', async () => {
    const e = await done('2026-11-20');
    const plan = ok<FollowUpPlan>(await nurse()('followUp.schedule', { encounterId: e, dueDate: '2026-11-27', how: 'visit' }));
    const second = ok<FollowUpPlan>(await nurse()('followUp.schedule', { encounterId: e, dueDate: '2026-12-20', how: 'phone' }));
    ok(await nurse()('followUp.voidRecord', { encounterId: e, kind: 'plan', id: second.id, reason: 'Booked twice by mistake' }));
    ok(await nurse()('followUp.add', followUp(e)));
    const patientId = core.db.prepare('SELECT patient_id FROM encounters WHERE id = ?').pluck().get(e) as string;
    const outcomes = ok<PatientOutcomes>(await nurse()('outcomes.forPatient', { patientId }));
    const plans = outcomes.procedures[0]!.plans;
    expect(plans.map((p) => [p.id, p.done, p.voided?.reason ?? null])).toEqual([[plan.id, true, null], [second.id, true, 'Booked twice by mistake']]);
    expect(await nurse()('followUp.voidRecord', { encounterId: e, kind: 'plan', id: second.id, reason: 'Again, twice' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('who is due this week', () => {
  it('lists planned contacts due this week and overdue ones, with days since the procedure; done and voided plans drop off', async () => {
    const a = await done('2026-11-10', 'Alvarez');
    const b = await done('2026-11-20', 'Bryce');
    const c = await done('2026-11-17', 'Chen');
    await done('2026-11-18', 'Dorsey'); // nothing planned, no clinic interval set: not listed
    ok(await nurse()('followUp.schedule', { encounterId: a, dueDate: '2026-11-20', how: 'phone' })); // last week: overdue
    ok(await nurse()('followUp.schedule', { encounterId: b, dueDate: '2026-11-27', how: 'visit' }));
    ok(await nurse()('followUp.schedule', { encounterId: c, dueDate: '2026-12-08', how: 'phone' })); // later week
    const due = ok<DueList>(await nurse()('followUp.due', {}));
    expect(due).toMatchObject({ today: '2026-11-24', weekStart: '2026-11-23', weekEnd: '2026-11-29', followUpAfterDays: null });
    expect(due.rows.map((r) => [r.patient.familyName, r.templateName, r.procedureDate, r.daysSince, r.dueDate, r.source, r.overdue])).toEqual([
      ['Alvarez', 'Lumbar transforaminal epidural steroid injection', '2026-11-10', 14, '2026-11-20', 'planned', true],
      ['Bryce', 'Lumbar transforaminal epidural steroid injection', '2026-11-20', 4, '2026-11-27', 'planned', false],
    ]);
    ok(await nurse()('followUp.add', followUp(a, { reliefDuration: { value: 1, unit: 'weeks' } })));
    expect(ok<DueList>(await nurse()('followUp.due', {})).rows.map((r) => r.patient.familyName)).toEqual(['Bryce']);
    expect(ok<DueList>(await nurse()('followUp.due', { weekOf: '2026-12-09' })).rows.map((r) => [r.patient.familyName, r.dueDate])).toEqual([
      ['Bryce', '2026-11-27'], ['Chen', '2026-12-08'],
    ]);
  });

  it('with the clinic\'s interval set, adds procedures that many days back with no follow-up and no plan', async () => {
    ok(await core.as(ADMIN)('settings.update', { followUpAfterDays: 14 }));
    const due14 = await done('2026-11-12', 'Ellis'); // due 2026-11-26
    await done('2026-11-02', 'Fox'); // due 2026-11-16: another week
    const planned = await done('2026-11-13', 'Gray'); // has its own plan, in a later week
    ok(await nurse()('followUp.schedule', { encounterId: planned, dueDate: '2026-12-04', how: 'phone' }));
    await done('2026-11-10', 'Hale', 'scheduled'); // 14 days back but the procedure was never done: not listed
    const due = ok<DueList>(await nurse()('followUp.due', {}));
    expect(due.followUpAfterDays).toBe(14);
    expect(due.rows.map((r) => [r.patient.familyName, r.dueDate, r.source, r.daysSince])).toEqual([['Ellis', '2026-11-26', 'clinic-interval', 12]]);
    expect(due.rows[0]!.encounter.id).toBe(due14);
    expect(await core.as(ADMIN)('settings.update', { followUpAfterDays: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.as(ADMIN)('followUp.due', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('relief duration', () => {
  it('cannot exceed the time since the procedure: refused beside the field, nothing written', async () => {
    const today = await done('2026-11-24');
    const before = tableCounts(core);
    const twoWeeks = await nurse()('followUp.add', followUp(today, { seenAt: '2026-11-24T15:00:00.000Z', reliefDuration: { value: 2, unit: 'weeks' } }));
    expect(twoWeeks).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(pathsOf(twoWeeks).map((d) => d.path)).toEqual(['reliefDuration']);
    expect(pathsOf(twoWeeks)[0]!.message).toMatch(/^2 weeks is longer than the time since the procedure/);
    expect(tableCounts(core)).toEqual(before);

    const week = await done('2026-11-17');
    expect(await nurse()('followUp.add', followUp(week, { reliefDuration: { value: 8, unit: 'days' } }))).toMatchObject({ ok: false });
    ok(await nurse()('followUp.add', followUp(week, { reliefDuration: { value: 7, unit: 'days' } })));
    ok(await nurse()('followUp.add', followUp(week, { reliefDuration: { value: 1, unit: 'weeks' } })));
    // A calendar month honestly reported: from day 28.
    const month = await done('2026-10-27');
    ok(await nurse()('followUp.add', followUp(month, { reliefDuration: { value: 1, unit: 'months' } })));
    expect(await nurse()('followUp.add', followUp(month, { reliefDuration: { value: 2, unit: 'months' } }))).toMatchObject({ ok: false });
  });
});

describe('the repeat-injection verdict of an ESI', () => {
  it('comes from the template\'s follow-up fact (LCD L33906), with its source and evidence tag; relief alone below 50% is not a "no"', async () => {
    const e = await done('2026-11-03');
    ok(await nurse()('followUp.add', followUp(e, { percentRelief: 60, reliefDuration: { value: 3, unit: 'weeks' } })));
    ok(await nurse()('followUp.add', followUp(e, { percentRelief: 30, reliefDuration: { value: 3, unit: 'weeks' }, seenAt: '2026-11-24T11:00:00.000Z' })));
    const patientId = core.db.prepare('SELECT patient_id FROM encounters WHERE id = ?').pluck().get(e) as string;
    const p = ok<PatientOutcomes>(await nurse()('outcomes.forPatient', { patientId })).procedures[0]!;
    expect(p.thresholds).toEqual([expect.objectContaining({
      factId: 'repeat-criteria-lcd', percent: 50, alternative: '≥50% functional improvement', appliesTo: 'follow-up',
      factText: expect.stringContaining('≥50% sustained pain relief or ≥50% functional improvement'),
      sources: [expect.objectContaining({ sourceId: 'lcd-l33906', evidence: 'V2' })],
    })]);
    expect(p.followUpVerdicts.map((v) => v.verdicts.map((x) => [x.status, x.sentence]))).toEqual([
      [['meets', 'Meets the ≥50% threshold for a repeat injection (source: Medicare LCD L33906) [V2: secondary source]: 60% relief reported.']],
      [['not-evaluable', 'Relief alone does not meet the ≥50% threshold for a repeat injection (source: Medicare LCD L33906) [V2: secondary source]: 30% relief reported. The rule also accepts ≥50% functional improvement, which is not computed here: judge it from the function scores.']],
    ]);
  });
});
