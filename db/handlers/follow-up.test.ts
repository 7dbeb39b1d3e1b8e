// Follow-ups, pain diaries and outcomes through the real core (dispatcher,
// handlers, SQLite): accepted after discharge and refused before the procedure,
// who from the session, bad input changes nothing, voids keep who/when/why,
// and each result judged against the template's own thresholds and sources.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUp, PainDiary, PatientOutcomes } from '#shared/contract/follow-up';
import { doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T15:30:00.000Z');
let core: TempCore;
let patientId = '';
beforeEach(async () => {
  core = openTempCore({ now: () => NOW });
  patientId = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT })).id;
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const MBB = { templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral', indication: 'Axial low back pain.' };
const ESI = { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Left L5 radicular pain.' };

async function encounter(plan: object, plannedDate: string, until: 'scheduled' | 'procedure' | 'discharged' = 'discharged'): Promise<string> {
  const id = ok<{ id: string }>(await nurse()('encounter.create', { patientId, ...plan, plannedDate })).id;
  const path = ['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'];
  for (const to of path.slice(0, until === 'scheduled' ? 0 : path.indexOf(until) + 1)) {
    // A physician's override (reason and password) moves a test encounter past its open items,
    // once what no override lifts (consent, the signed time-out) is done.
    await doneBeforeMoving(physicianAct(core), id, to);
    ok(await advanceOverridingOpen(core.as(PHYSICIAN), id, to, 'test set-up'));
  }
  return id;
}

const followUp = (encounterId: string, over: object = {}) => ({
  encounterId, seenAt: '2026-11-23T10:00:00.000Z', painScore: 3, function: { work: 4, sleep: 2, dailyActivities: null },
  percentRelief: 60, reliefDuration: { value: 2, unit: 'days' }, reliefOngoing: true, notes: 'Walking further.', ...over,
});
const diary = (encounterId: string, entries: [number, number][], over: object = {}) => ({
  encounterId, blockAt: '2026-11-20T14:00:00.000Z', baseline: 7, localAnaesthetic: 'bupivacaine 0.5%',
  entries: entries.map(([hours, score]) => ({ hours, score })), ...over,
});
const GOOD: [number, number][] = [[0.5, 2], [1, 1], [2, 1], [4, 2], [6, 3], [8, 5]];

describe('follow-ups', () => {
  it('are recorded after discharge, by the session\'s user, and refused before the procedure', async () => {
    const scheduled = await encounter(ESI, '2026-11-24', 'scheduled');
    const before = tableCounts(core);
    expect(await nurse()('followUp.add', followUp(scheduled, { seenAt: '2026-11-24T15:00:00.000Z' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('once the procedure has been done') } });
    expect(tableCounts(core)).toEqual(before);

    const done = await encounter(ESI, '2026-11-20');
    const saved = ok<FollowUp>(await nurse()('followUp.add', followUp(done)));
    expect(saved).toMatchObject({
      encounterId: done, painScore: 3, function: { work: 4, sleep: 2, dailyActivities: null }, percentRelief: 60,
      reliefDuration: { value: 2, unit: 'days' }, reliefOngoing: true, by: NURSE, at: NOW.toISOString(), voided: null,
    });
    const row = core.db.prepare('SELECT by_name, by_user_id FROM follow_ups').get() as { by_name: string; by_user_id: string };
    expect(row.by_name).toBe(NURSE.name);
    expect(core.db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(row.by_user_id)).toBe(NURSE.name);
    expect(core.db.prepare("SELECT action, target FROM audit_log WHERE action = 'followUp.add'").get()).toEqual({ action: 'followUp.add', target: `encounter:${done}/follow-up:${saved.id}` });
    expect(() => core.db.prepare('UPDATE follow_ups SET pain_score = 0').run()).toThrow(/never changes/);
  });

  it('bad input changes nothing, with a message naming the field', async () => {
    const done = await encounter(ESI, '2026-11-20');
    const before = tableCounts(core);
    const cases: [object, string][] = [
      [{ painScore: 11 }, 'painScore'],
      [{ percentRelief: 101 }, 'percentRelief'],
      [{ function: { work: 4, sleep: 2 } }, 'function.dailyActivities'],
      [{ reliefDuration: { value: 2, unit: 'years' } }, 'reliefDuration.unit'],
      [{ seenAt: '2026-11-25T10:00:00.000Z' }, 'seenAt'],
      [{ seenAt: '2026-11-19T10:00:00.000Z' }, 'seenAt'],
      [{ reliefDuration: null, reliefOngoing: true }, 'reliefDuration'],
      [{ by: { name: 'Someone Else', role: 'physician' } }, '(input)'],
    ];
    for (const [over, path] of cases) {
      const result = await nurse()('followUp.add', followUp(done, over));
      expect(result, JSON.stringify(over)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect((result.error.details as { path: string }[]).map((d) => d.path), JSON.stringify(over)).toContain(path);
    }
    expect(await core.as(ADMIN)('followUp.add', followUp(done))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('a void keeps who, when and why; twice or on another encounter is refused', async () => {
    const done = await encounter(ESI, '2026-11-20');
    const other = await encounter(ESI, '2026-11-21');
    const saved = ok<FollowUp>(await nurse()('followUp.add', followUp(done)));
    expect(await nurse()('followUp.voidRecord', { encounterId: other, kind: 'follow-up', id: saved.id, reason: 'Wrong patient chart' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await nurse()('followUp.voidRecord', { encounterId: done, kind: 'follow-up', id: saved.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await core.as(PHYSICIAN)('followUp.voidRecord', { encounterId: done, kind: 'follow-up', id: saved.id, reason: 'Wrong patient chart' }))).toEqual({
      kind: 'follow-up', id: saved.id, voided: { at: NOW.toISOString(), by: PHYSICIAN, reason: 'Wrong patient chart' },
    });
    expect(await nurse()('followUp.voidRecord', { encounterId: done, kind: 'follow-up', id: saved.id, reason: 'Wrong patient chart' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const outcomes = ok<PatientOutcomes>(await nurse()('outcomes.forPatient', { patientId }));
    expect(outcomes.procedures.find((p) => p.encounter.id === done)!.followUps[0]!.voided).toMatchObject({ by: PHYSICIAN, reason: 'Wrong patient chart' });
    expect(outcomes.timeline.filter((p) => p.kind === 'follow-up')).toEqual([]);
  });
});

describe('pain diaries', () => {
  it('only for a diagnostic block, at the fixed times, once each, never in the future; one active diary per encounter', async () => {
    const esi = await encounter(ESI, '2026-11-20');
    const mbb = await encounter(MBB, '2026-11-20', 'procedure');
    const before = tableCounts(core);
    expect(await nurse()('followUp.addDiary', diary(esi, GOOD))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('no pain diary') } });
    expect(await nurse()('followUp.addDiary', diary(mbb, [[3, 2]]))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('diary times') } });
    expect(await nurse()('followUp.addDiary', diary(mbb, [[1, 2], [1, 3]]))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('once') } });
    expect(await nurse()('followUp.addDiary', diary(mbb, []))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('followUp.addDiary', diary(mbb, [[1, 2]], { blockAt: '2026-11-24T10:00:00.000Z', entries: [{ hours: 8, score: 2 }] }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('has not come yet') } });
    expect(tableCounts(core)).toEqual(before);

    const first = ok<PainDiary>(await nurse()('followUp.addDiary', diary(mbb, [[1, 1], [0.5, 2]])));
    expect(first).toMatchObject({ baseline: 7, localAnaesthetic: 'bupivacaine 0.5%', entries: [{ hours: 0.5, score: 2 }, { hours: 1, score: 1 }], by: NURSE });
    expect(await nurse()('followUp.addDiary', diary(mbb, GOOD))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await nurse()('followUp.voidRecord', { encounterId: mbb, kind: 'diary', id: first.id, reason: 'Entered from the wrong diary sheet' }));
    ok(await nurse()('followUp.addDiary', diary(mbb, GOOD)));
    expect(() => core.db.prepare('DELETE FROM pain_diary_entries').run()).toThrow(/never changes/);
  });
});

describe('outcomes for a patient', () => {
  it('judges each diary against both lumbar MBB thresholds with their sources; the ≥80% rule needs two blocks', async () => {
    const esi = await encounter(ESI, '2026-09-01');
    ok(await nurse()('followUp.add', followUp(esi, { seenAt: '2026-09-15T10:00:00.000Z', painScore: 6, percentRelief: 30 })));
    const mbb1 = await encounter(MBB, '2026-11-10');
    ok(await nurse()('followUp.addDiary', diary(mbb1, GOOD, { blockAt: '2026-11-10T14:00:00.000Z' })));
    const read = async () => ok<PatientOutcomes>(await nurse()('outcomes.forPatient', { patientId }));

    let outcomes = await read();
    const p1 = outcomes.procedures.find((p) => p.encounter.id === mbb1)!;
    expect(p1).toMatchObject({ templateName: 'Lumbar medial branch block', canRecord: true, diaryExpected: true, baseline: { score: 7, source: 'pain diary' } });
    expect(p1.thresholds.map((t) => [t.factId, t.percent, t.needsReview, t.sources.map((s) => s.evidence).join()])).toEqual([
      ['rfa-threshold-consensus', 50, true, 'M'],
      // Tagged [V2], but its only source is an AI-generated summary: no verified primary source, so it needs review.
      ['rfa-threshold-payer', 80, true, 'V2'],
    ]);
    expect(p1.thresholds[0]!.sources[0]!.citation).toContain('Consensus practice guidelines on interventions for lumbar facet joint pain');
    expect(p1.diaryResults[0]).toMatchObject({ peakRelief: 85, peakAtHours: 1 });
    expect(p1.diaryResults[0]!.points.map((p) => [p.hours, p.score])).toEqual(GOOD);
    expect(p1.diaryResults[0]!.verdicts.map((v) => v.status)).toEqual(['meets', 'pending']);
    expect(p1.diaryResults[0]!.verdicts[0]!.sentence).toMatch(/^Meets the ≥50% threshold before RFA \(source: lumbar facet consensus, Cohen 2020\) \[M: needs clinical review\]/);
    const esiOutcome = outcomes.procedures.find((p) => p.encounter.id === esi)!;
    // The ESI has no diary; its follow-ups are judged against its own repeat criterion (db/follow-up-plans.test.ts).
    expect(esiOutcome).toMatchObject({ diaryExpected: false, diaryResults: [] });
    expect(esiOutcome.thresholds.map((t) => t.factId)).toEqual(['repeat-criteria-lcd']);

    // A second qualifying block: the two-block rule is now met (and counted only up to each diary).
    const mbb2 = await encounter(MBB, '2026-11-20');
    ok(await nurse()('followUp.addDiary', diary(mbb2, [[0.5, 1], [1, 1], [2, 2]])));
    outcomes = await read();
    expect(outcomes.procedures.find((p) => p.encounter.id === mbb2)!.diaryResults[0]!.verdicts.map((v) => v.status)).toEqual(['meets', 'meets']);
    expect(outcomes.procedures.find((p) => p.encounter.id === mbb1)!.diaryResults[0]!.verdicts.map((v) => v.status)).toEqual(['meets', 'pending']);

    expect(outcomes.timeline.map((p) => [p.at.slice(0, 10), p.kind, p.score])).toEqual([
      ['2026-09-15', 'follow-up', 6],
      ['2026-11-10', 'baseline', 7],
      ['2026-11-20', 'baseline', 7],
    ]);
    // Reading outcomes is a view of the patient's record: audited.
    expect(core.db.prepare("SELECT patient_id, target FROM audit_log WHERE action = 'outcomes.forPatient' ORDER BY seq DESC LIMIT 1").get()).toEqual({ patient_id: patientId, target: `patient:${patientId}/outcomes` });
    expect(await nurse()('outcomes.forPatient', { patientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the baseline is the pre-procedure vitals score when there is one', async () => {
    const id = ok<{ id: string }>(await nurse()('encounter.create', { patientId, ...ESI, plannedDate: '2026-11-24' })).id;
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: null, diastolic: null, heartRate: null, spo2: null, respiratoryRate: null, painScore: 8 } } }));
    const outcomes = ok<PatientOutcomes>(await nurse()('outcomes.forPatient', { patientId }));
    expect(outcomes.procedures[0]).toMatchObject({ canRecord: false, baseline: { score: 8, source: 'pre-procedure vitals', at: NOW.toISOString() } });
    expect(outcomes.timeline).toEqual([{ at: NOW.toISOString(), score: 8, kind: 'baseline', encounterId: id, procedure: 'Lumbar transforaminal epidural steroid injection (2026-11-24)' }]);
  });
});

describe('demo outcomes', () => {
  it('demo.seed gives a demo MBB patient a timeline across procedures and a diary judged against both thresholds', async () => {
    const fresh = openTempCore({ now: () => NOW });
    try {
      expect(ok(await fresh.as(NURSE)('demo.seed', { today: '2026-11-24' }))).toEqual({ added: true });
      const [okafor] = ok<{ id: string }[]>(await fresh.as(NURSE)('patient.search', { query: 'DEMO-1002' }));
      const outcomes = ok<PatientOutcomes>(await fresh.as(NURSE)('outcomes.forPatient', { patientId: okafor!.id }));
      expect(outcomes.procedures.map((p) => [p.templateName, p.encounter.plannedDate, p.encounter.state])).toEqual([
        ['Lumbar interlaminar epidural steroid injection', '2026-08-18', 'discharged'],
        ['Lumbar medial branch block', '2026-10-27', 'discharged'],
        ['Lumbar medial branch block', '2026-11-24', 'scheduled'],
      ]);
      expect(outcomes.timeline.map((p) => [p.at.slice(0, 10), p.kind, p.score])).toEqual([
        ['2026-08-18', 'baseline', 8],
        ['2026-09-01', 'follow-up', 5],
        ['2026-09-29', 'follow-up', 7],
        ['2026-10-27', 'baseline', 7],
        ['2026-10-29', 'follow-up', 7],
      ]);
      const result = outcomes.procedures[1]!.diaryResults[0]!;
      expect(result).toMatchObject({ baseline: 7, peakRelief: 85, peakAtHours: 1 });
      expect(result.verdicts.map((v) => v.status)).toEqual(['meets', 'pending']);
      // Each past day was recorded as sample data, with its audit entries.
      const transitions = fresh.db.prepare("SELECT count(*) FROM encounter_transitions WHERE reason LIKE 'Sample data%'").pluck().get();
      expect(transitions).toBe(15);
      expect(fresh.db.prepare("SELECT count(*) FROM audit_log WHERE target LIKE '%/sample-data'").pluck().get()).toBe(18);
      expect(ok<{ ok: boolean }>(await fresh.as(PHYSICIAN)('audit.verify', {})).ok).toBe(true);
    } finally {
      fresh.cleanup();
    }
  });
});
