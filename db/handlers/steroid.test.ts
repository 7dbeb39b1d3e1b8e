// The steroid ledger through the real core on a real SQLite file: what the patient's procedure
// records say was given across their encounters in the clinic's last 12 months, per drug, never
// converted; a voided record, a plan and another patient's encounters do not count; today's plan
// shows apart; a read is audited against the patient.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SteroidLedgerView } from '#shared/contract/steroid';
import { NO_EQUIVALENT_LINE, NO_LIMIT_LINE } from '#shared/domain/steroid-ledger';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, type TempCore } from '../testing/temp-core';

let clock = new Date('2025-11-01T15:00:00.000Z');
let core: TempCore;
afterEach(() => core.cleanup());
beforeEach(async () => {
  core = openTempCore({ now: () => clock });
  ok(await core.as(ADMIN)('settings.update', { timeZone: 'America/Chicago' }));
});
const nurse = () => core.as(NURSE);

async function patient(mrn: string): Promise<string> {
  return ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, mrn })).id;
}
async function encounter(patientId: string, plannedDate: string): Promise<string> {
  return ok<{ id: string }>(await nurse()('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate, indication: 'Left radicular pain for 10 weeks.',
  })).id;
}
const procedure = (medications: { name: string; dose: string }[]) => ({
  kind: 'procedure',
  data: { imagingUsed: 'fluoroscopy', contrastUsed: true, fluoroscopyTimeSeconds: 30, medications: medications.map((m) => ({ ...m, route: 'transforaminal' })), levelsTreated: ['L4-L5'] },
});
async function given(encounterId: string, medications: { name: string; dose: string }[]): Promise<string> {
  return ok<{ id: string }>(await nurse()('encounter.addRecord', { encounterId, record: procedure(medications) })).id;
}
const plan = (name: string, dose: string) => ({ kind: 'injectate-plan', data: { steroid: { name, dose }, localAnaesthetic: null, contrast: null } });
const ledger = async (input: Record<string, string>) => ok<SteroidLedgerView>(await nurse()('steroid.ledger', input));

describe('steroid.ledger', () => {
  it("counts what the patient's procedure records say was given in the window, per drug; not plans, not voided records, not other patients", async () => {
    const maria = await patient('MRN-0042');
    const other = await patient('MRN-0099');
    // 2025-11-01: a year and more before "today" (2026-11-24): outside the window.
    const old = await encounter(maria, '2025-11-01');
    await given(old, [{ name: 'Dexamethasone', dose: '10 mg' }]);
    clock = new Date('2026-03-10T15:00:00.000Z');
    const first = await encounter(maria, '2026-03-10');
    await given(first, [{ name: 'Kenalog-40', dose: '40 mg' }, { name: 'Lidocaine 1% preservative-free', dose: '2 mL' }]);
    clock = new Date('2026-06-10T15:00:00.000Z');
    const second = await encounter(maria, '2026-06-10');
    const wrong = await given(second, [{ name: 'Dexamethasone', dose: '99 mg' }]);
    ok(await nurse()('encounter.voidRecord', { encounterId: second, recordId: wrong, reason: 'Entered on the wrong encounter' }));
    await given(second, [{ name: 'dexamethasone sodium phosphate', dose: '4000 mcg' }, { name: 'triamcinolone acetonide', dose: '1 mL' }]);
    const planOnly = await encounter(maria, '2026-07-01');
    ok(await nurse()('encounter.addRecord', { encounterId: planOnly, record: plan('Dexamethasone', '8 mg') }));
    const theirs = await encounter(other, '2026-06-10');
    await given(theirs, [{ name: 'Kenalog-40', dose: '80 mg' }]);
    clock = new Date('2026-11-24T15:00:00.000Z');
    const today = await encounter(maria, '2026-11-24');
    ok(await nurse()('encounter.addRecord', { encounterId: today, record: plan('Kenalog-40', '40 mg') }));

    const before = tableCounts(core);
    const view = await ledger({ encounterId: today });
    expect(view.from).toBe('2025-11-25');
    expect(view.to).toBe('2026-11-24');
    expect(view.drugs.map((d) => [d.drug, d.totalMg, d.procedures, d.entries.map((e) => [e.date, e.encounterId, e.dose])])).toEqual([
      ['triamcinolone acetonide', 40, 1, [['2026-03-10', first, '40 mg']]],
      ['dexamethasone sodium phosphate', 4, 1, [['2026-06-10', second, '4000 mcg']]],
    ]);
    expect(view.unsummed.map((u) => [u.drug, u.dose, u.why])).toEqual([['triamcinolone acetonide', '1 mL', 'dose in mL, not summed']]);
    expect(view.planned).toEqual({ drug: 'triamcinolone acetonide', name: 'Kenalog-40', dose: '40 mg', mg: 40 });
    expect(view.reviewLines).toEqual([NO_EQUIVALENT_LINE, NO_LIMIT_LINE]);
    // A read: nothing is written but its audit entry, which names the patient.
    expect({ ...tableCounts(core), audit_log: before.audit_log }).toEqual(before);
    const entry = core.db.prepare("SELECT user_name, patient_id, target FROM audit_log WHERE action = 'steroid.ledger' ORDER BY seq DESC LIMIT 1").get();
    expect(entry).toEqual({ user_name: NURSE.name, patient_id: maria, target: `encounter:${today}/steroid-ledger` });

    // By patient: the same given totals, no plan.
    const byPatient = await ledger({ patientId: maria });
    expect(byPatient.drugs).toEqual(view.drugs);
    expect(byPatient.planned).toBeNull();
    // Once today's procedure record is in, what was given counts and the plan no longer shows.
    await given(today, [{ name: 'Kenalog 40', dose: '40 mg' }]);
    const after = await ledger({ encounterId: today });
    expect(after.drugs[0]).toMatchObject({ drug: 'triamcinolone acetonide', totalMg: 80, procedures: 2 });
    expect(after.planned).toBeNull();
    // The other patient sees only their own.
    expect((await ledger({ patientId: other })).drugs.map((d) => [d.drug, d.totalMg])).toEqual([['triamcinolone acetonide', 80]]);
  });

  it('refuses neither or both ids, an unknown encounter or patient, and the records role', async () => {
    const maria = await patient('MRN-0042');
    const e = await encounter(maria, '2025-11-01');
    expect(await nurse()('steroid.ledger', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('either the encounter or the patient') } });
    expect(await nurse()('steroid.ledger', { encounterId: e, patientId: maria })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('steroid.ledger', { patientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await nurse()('steroid.ledger', { encounterId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.as(PHYSICIAN)('steroid.ledger', { patientId: maria })).toMatchObject({ ok: true });
    expect(await core.as({ name: 'Rita Records', role: 'records' })('steroid.ledger', { patientId: maria })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
