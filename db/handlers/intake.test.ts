// The patient's intake (issue 20, points 1 and 6) through the real core on a real file with a
// test clock: a record round-trips; a new version keeps the old one with who and when; bad input
// (relief over 100 %, a date in the future or before birth, a dose without its unit, an end
// before its start) is refused naming the field, and nothing is written; a stale replace is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeHistory, IntakeInput, IntakeVersion } from '#shared/contract/intake';
import { SAMPLE_INTAKE } from '../testing/intake-sample';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, RECORDS, tableCounts, type TempCore } from '../testing/temp-core';

const clock = new Date('2026-11-24T18:38:00.000Z');
let core: TempCore;
let patientId = '';

type Who = typeof NURSE | typeof PHYSICIAN | typeof RECORDS;
const record = (intake: unknown, replacesId: string | null = null, who: Who = NURSE) => core.as(who)('intake.record', { patientId, intake: intake as IntakeInput, replacesId });
const history = async (who: Who = NURSE) => ok<IntakeHistory>(await core.as(who)('intake.history', { patientId }));
const rows = () => core.db.prepare('SELECT count(*) FROM patient_intakes').pluck().get() as number;

beforeEach(async () => {
  core = openTempCore({ now: () => clock });
  ok(await core.as(ADMIN)('settings.update', { timeZone: 'UTC' }));
  patientId = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT })).id;
});
afterEach(() => core.cleanup());

describe('recording an intake', () => {
  it('round-trips, and a new version keeps the old one with who recorded each and when', async () => {
    const first = ok<IntakeVersion>(await record(SAMPLE_INTAKE));
    expect(first).toMatchObject({ patientId, replacesId: null, recordedBy: NURSE, recordedAt: clock.toISOString(), intake: SAMPLE_INTAKE });
    clock.setTime(clock.getTime() + 3_600_000);
    const second = ok<IntakeVersion>(await record({ ...SAMPLE_INTAKE, painScore: 5 }, first.id, PHYSICIAN));
    const { versions } = await history();
    expect(versions.map((v) => [v.id, v.replacesId, v.recordedBy.name, v.recordedAt, v.intake.painScore])).toEqual([
      [second.id, first.id, PHYSICIAN.name, '2026-11-24T19:38:00.000Z', 5],
      [first.id, null, NURSE.name, '2026-11-24T18:38:00.000Z', 7],
    ]);
    // Records staff neither read nor write it: the chart gets it as the signed note's History.
    expect(await core.as(RECORDS)('intake.history', { patientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await record(SAMPLE_INTAKE, second.id, RECORDS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = core.db.prepare("SELECT target FROM audit_log WHERE action = 'intake.record' ORDER BY seq").pluck().all();
    expect(audit).toEqual([`patient:${patientId}/intake:${first.id}`, `patient:${patientId}/intake:${second.id}`]);
  });

  it('refuses a replace that does not name the latest version, and a second first version', async () => {
    const first = ok<IntakeVersion>(await record(SAMPLE_INTAKE));
    ok(await record(SAMPLE_INTAKE, first.id));
    const before = tableCounts(core);
    expect(await record(SAMPLE_INTAKE, first.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('changed since this form was opened') } });
    expect(await record(SAMPLE_INTAKE, null)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('is append-only in the file itself', async () => {
    ok(await record(SAMPLE_INTAKE));
    expect(() => core.db.prepare("UPDATE patient_intakes SET body = '{}'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM patient_intakes').run()).toThrow(/append-only/);
  });
});

describe('bad input is refused beside its field, and nothing is written', () => {
  const therapy = (i: number, patch: Record<string, unknown>) => ({ ...SAMPLE_INTAKE, therapies: SAMPLE_INTAKE.therapies.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const cases: [string, unknown, string, RegExp][] = [
    ['relief above 100 %', therapy(2, { injection: { ...SAMPLE_INTAKE.therapies[2]!.injection!, percentRelief: 101 } }), 'intake.therapies.2.injection.percentRelief', /% relief cannot be above 100/],
    ['a date in the future', { ...SAMPLE_INTAKE, imaging: [{ ...SAMPLE_INTAKE.imaging[0]!, date: '2026-11-25' }] }, 'intake.imaging.0.date', /2026-11-25 is in the future/],
    ['a date before birth', { ...SAMPLE_INTAKE, symptoms: [{ ...SAMPLE_INTAKE.symptoms[0]!, onset: '1970-05-16' }] }, 'intake.symptoms.0.onset', /before the patient's birth date \(1970-05-17\)/],
    ['a dose without its unit', therapy(1, { dose: '40' }), 'intake.therapies.1.dose', /add the unit/],
    ['an end before its start', therapy(0, { endedOn: '2026-06-30' }), 'intake.therapies.0.endedOn', /end date is before the start date/],
    ['a pain score of 11', { ...SAMPLE_INTAKE, painScore: 11 }, 'intake.painScore', /0 to 10/],
  ];
  it.each(cases)('%s', async (_what, intake, path, message) => {
    ok(await record(SAMPLE_INTAKE));
    const latest = (await history()).versions[0]!.id;
    const before = rows();
    const counts = tableCounts(core);
    const refused = await record(intake, latest);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path, message: expect.stringMatching(message) }] } });
    expect(rows()).toBe(before);
    expect(tableCounts(core)).toEqual(counts);
  });
});
