// coverage.readiness through the real core (dispatcher, handlers, SQLite file): the
// patient's earlier encounters and their recorded outcomes are gathered (the latest
// diary of a block, the latest unvoided follow-up of a treatment), cancelled, later
// and other patients' encounters left out, the read audited, nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoverageReadiness } from '#shared/contract/coverage';
import { doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, RECORDS, tableCounts, type TempCore } from '../testing/temp-core';

let core: TempCore;
let patientId = '';
beforeEach(async () => {
  // The day of the encounter under test; earlier ones are planned before it.
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
  patientId = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT })).id;
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const facet = (templateId: string) => ({ templateId, levels: ['L3', 'L4'], laterality: 'bilateral', indication: 'Lumbar facet pain.' });
const [MBB, RFA] = [facet('lumbar-medial-branch-block'), facet('lumbar-medial-branch-rfa')];
const ESI = { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Left L5 radicular pain.' };

async function encounter(plan: object, plannedDate: string, until: 'scheduled' | 'discharged' | 'cancelled' = 'discharged', patient = patientId): Promise<string> {
  const id = ok<{ id: string }>(await nurse()('encounter.create', { patientId: patient, ...plan, plannedDate })).id;
  if (until === 'cancelled') ok(await nurse()('encounter.cancel', { encounterId: id, reason: 'Patient unwell' }));
  for (const to of until === 'discharged' ? ['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'] : []) {
    await doneBeforeMoving(physicianAct(core), id, to);
    ok(await advanceOverridingOpen(core.as(PHYSICIAN), id, to, 'test set-up'));
  }
  return id;
}

const diary = (encounterId: string, baseline: number, best: number, blockAt: string) => ({
  encounterId, blockAt, baseline, localAnaesthetic: 'bupivacaine 0.5%', entries: [{ hours: 0.5, score: baseline }, { hours: 2, score: best }, { hours: 6, score: baseline }],
});
const followUp = (encounterId: string, seenAt: string, percentRelief: number, months: number | null) => ({
  encounterId, seenAt, painScore: 3, function: { work: null, sleep: null, dailyActivities: null }, percentRelief,
  reliefDuration: months === null ? null : { value: months, unit: 'months' }, reliefOngoing: false, notes: '',
});

const readiness = async (encounterId: string) => ok<CoverageReadiness>(await nurse()('coverage.readiness', { encounterId }));
const statusOf = (r: CoverageReadiness, setId: string, ruleId: string) => r.sets.find((s) => s.setId === setId)!.results.find((x) => x.ruleId === ruleId)!;

describe('coverage.readiness', () => {
  it('judges a facet RFA from the earlier blocks\' unvoided diaries and the last RFA\'s latest unvoided follow-up', async () => {
    const block1 = await encounter(MBB, '2026-09-01');
    const block2 = await encounter(MBB, '2026-09-20');
    const priorRfa = await encounter(RFA, '2026-02-01');
    await encounter(RFA, '2026-10-01', 'cancelled');
    const today = await encounter(RFA, '2026-11-24', 'scheduled');
    ok(await nurse()('followUp.addDiary', diary(block1, 10, 1, '2026-09-01T14:00:00.000Z')));
    const low = ok<{ id: string }>(await nurse()('followUp.addDiary', diary(block2, 10, 4, '2026-09-20T14:00:00.000Z')));
    ok(await nurse()('followUp.add', followUp(priorRfa, '2026-10-15T10:00:00.000Z', 70, 7)));
    const later = ok<{ id: string }>(await nurse()('followUp.add', followUp(priorRfa, '2026-11-01T10:00:00.000Z', 20, 1)));
    ok(await nurse()('followUp.voidRecord', { encounterId: priorRfa, kind: 'follow-up', id: later.id, reason: 'Wrong patient' }));

    const before = await readiness(today);
    expect(before.sets.map((s) => s.setId)).toEqual(['medicare-facet-rfa']);
    // Block 2's only diary peaked at 60%: one qualifying block of two.
    expect(statusOf(before, 'medicare-facet-rfa', 'two-diagnostic-blocks')).toMatchObject({ status: 'not-met', needsClinicalReview: true, evidence: 'M' });
    // The voided 20% follow-up is left out; the cancelled RFA is not "the last RFA".
    expect(statusOf(before, 'medicare-facet-rfa', 'repeat-relief')).toMatchObject({ status: 'met', found: expect.stringContaining('2026-02-01: 70% relief') });
    expect(statusOf(before, 'medicare-facet-rfa', 'sessions-12-months')).toMatchObject({ status: 'unknown', found: expect.stringContaining('1 earlier session') });
    expect(statusOf(before, 'medicare-facet-rfa', 'repeat-relief').sources).toEqual([{ sourceId: 'medicare-facet-lcds', evidence: 'M', citation: expect.stringContaining('L38765') }]);

    // Block 2's diary voided and entered again at 90%: the unvoided one is read.
    ok(await nurse()('followUp.voidRecord', { encounterId: block2, kind: 'diary', id: low.id, reason: 'Entered against the wrong block' }));
    ok(await nurse()('followUp.addDiary', diary(block2, 10, 1, '2026-09-21T14:00:00.000Z')));
    expect(statusOf(await readiness(today), 'medicare-facet-rfa', 'two-diagnostic-blocks').status).toBe('met');
  });

  it('counts only this patient\'s done ESIs up to the day; without an intake its criteria are unknown, never not met', async () => {
    const other = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, mrn: 'MRN-0043' })).id;
    await encounter(ESI, '2026-11-01', 'discharged', other);
    const earlier = await encounter(ESI, '2026-06-01');
    ok(await nurse()('followUp.add', followUp(earlier, '2026-07-01T10:00:00.000Z', 30, null)));
    const today = await encounter(ESI, '2026-11-24', 'scheduled');
    await encounter(ESI, '2026-11-30', 'scheduled');

    const countsBefore = tableCounts(core);
    const r = await readiness(today);
    expect(r).toMatchObject({ encounterId: today, templateName: 'Lumbar transforaminal epidural steroid injection', hasIntake: false });
    expect(statusOf(r, 'medicare-esi', 'sessions-12-months')).toMatchObject({ status: 'met', found: '1 earlier session in this region in the last 12 months; this would be number 2.' });
    expect(statusOf(r, 'medicare-esi', 'repeat-relief')).toMatchObject({ status: 'unknown', found: expect.stringContaining('30% relief') });
    expect(statusOf(r, 'medicare-esi', 'levels').status).toBe('met');
    for (const id of ['pain-4-weeks', 'conservative-care', 'baseline-scales', 'history-exam-imaging']) {
      expect(statusOf(r, 'medicare-esi', id)).toMatchObject({ status: 'unknown', missing: 'No intake recorded.', evidence: 'V2', needsClinicalReview: false });
    }
    expect(r.summary).toBe('No intake recorded. Medicare LCD L33906: 2 of 7 criteria documented; missing: no intake recorded; relief below 50%; ≥50% functional improvement also qualifies and is not recorded here.');

    // A read: only its audit entry is written, naming the patient and the encounter.
    const countsAfter = tableCounts(core);
    expect({ ...countsAfter, audit_log: 0 }).toEqual({ ...countsBefore, audit_log: 0 });
    expect(core.db.prepare("SELECT patient_id, target FROM audit_log WHERE action = 'coverage.readiness'").all()).toEqual([{ patient_id: patientId, target: `encounter:${today}/coverage` }]);
  });

  it("reads the patient's recorded payer's rules, and says when none is recorded (Medicare's then)", async () => {
    const today = await encounter(ESI, '2026-11-24', 'scheduled');
    const before = await readiness(today);
    expect(before.payer).toEqual({ id: 'medicare', label: 'Medicare', recorded: false });
    expect(before.sets.map((s) => s.setId)).toEqual(['medicare-esi']);
    ok(await nurse()('patient.setPayer', { patientId, payer: 'evicore' }));
    const after = await readiness(today);
    expect(after.payer).toEqual({ id: 'evicore', label: 'A plan managed by eviCore', recorded: true });
    expect(after.sets.map((s) => `${s.setId} ${s.policy}`)).toEqual(['evicore-esi CMM-200']);
    expect(after.summary).toContain('CMM-200');
    expect(after.summary).not.toContain('L33906');
  });

  it('refuses an unknown encounter and the records role', async () => {
    expect(await nurse()('coverage.readiness', { encounterId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const today = await encounter(ESI, '2026-11-24', 'scheduled');
    expect(await core.as(RECORDS)('coverage.readiness', { encounterId: today })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
