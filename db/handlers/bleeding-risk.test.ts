// The encounter's bleeding-risk class through the real core on a real SQLite
// file: a physician raises it with a reason (audited, insert-only), a class
// below the template's or not above the current one is refused and writes
// nothing, a nurse cannot raise or void, a raise recorded in error is
// voided with a reason, and the time-out's anticoagulant hard stop follows
// the class (template, patient factors, raises). The note says which class and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BleedingRiskRaise } from '#shared/contract/encounter-bleeding-risk';
import type { EncounterDetail } from '#shared/contract/encounter';
import { doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T14:00:00.000Z');
let clock = NOW;
let core: TempCore;
let patientId = '';
beforeEach(async () => {
  clock = NOW;
  core = openTempCore({ now: () => clock });
  patientId = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT })).id;
  // Both sessions exist before any "nothing changed" count is taken.
  ok(await core.as(PHYSICIAN)('patient.search', { query: 'x' }));
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);

/** Lumbar medial branch block: Low in ASRA 2018. Lumbar TFESI: Intermediate. */
async function encounterFor(templateId: 'lumbar-medial-branch-block' | 'lumbar-transforaminal-esi' | 'peripheral-nerve-block'): Promise<string> {
  const levels = templateId === 'lumbar-medial-branch-block' ? ['L4'] : templateId === 'lumbar-transforaminal-esi' ? ['L4-L5'] : [];
  const created = await nurse()('encounter.create', { patientId, templateId, levels, laterality: 'left', plannedDate: '2026-11-24', indication: 'Pain.' });
  return ok<{ id: string }>(created).id;
}
const detail = async (encounterId: string) => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
const raise = (encounterId: string, toClass: string, reasonCategory = 'deep-or-paravertebral-block', reason = 'Paravertebral approach at T6.') =>
  physician()('encounter.raiseBleedingRisk', { encounterId, toClass, reasonCategory, reason });

/** Into the time-out (the physician overrides the earlier phases' open items), then what blocks leaving it. */
async function timeOutBlockers(encounterId: string): Promise<{ path: string; message: string; hardStop: boolean }[]> {
  const order = ['scheduled', 'pre-procedure', 'time-out'];
  for (const to of ['pre-procedure', 'time-out']) {
    if (order.indexOf((await detail(encounterId)).encounter.state) >= order.indexOf(to)) continue;
    await doneBeforeMoving(physicianAct(core), encounterId, to);
    ok(await advanceOverridingOpen(physician(), encounterId, to, 'test set-up'));
  }
  const refused = await nurse()('encounter.advance', { encounterId, to: 'procedure' });
  if (refused.ok) throw new Error('expected the time-out to be blocked');
  return refused.error.details as { path: string; message: string; hardStop: boolean }[];
}
const anticoagulantBlockers = async (encounterId: string) => (await timeOutBlockers(encounterId)).filter((b) => b.path.startsWith('blockers.anticoagulant-'));

const drug = (encounterId: string, drugId: string, lastDoseAt: string) =>
  nurse()('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId, lastDoseAt } } });

describe('raising the bleeding-risk class', () => {
  it('a physician raises it with a reason: kept with who and when, on the encounter, audited', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    const raised = ok<BleedingRiskRaise>(await raise(encounterId, 'high'));
    expect(raised).toMatchObject({
      encounterId, fromClass: 'low', toClass: 'high', reasonCategory: 'deep-or-paravertebral-block', reason: 'Paravertebral approach at T6.',
      at: NOW.toISOString(), by: PHYSICIAN, voided: null,
    });
    expect((await detail(encounterId)).bleedingRiskRaises).toEqual([raised]);
    expect(core.db.prepare("SELECT user_name AS user, patient_id AS patientId, target FROM audit_log WHERE action = 'encounter.raiseBleedingRisk'").all())
      .toEqual([{ user: PHYSICIAN.name, patientId, target: `encounter:${encounterId}/bleeding-risk:${raised.id}:high` }]);
    // Insert-only: the database itself refuses to change or delete a raise.
    expect(() => core.db.prepare("UPDATE bleeding_risk_raises SET to_class = 'intermediate'").run()).toThrow(/never changes/);
    expect(() => core.db.prepare('DELETE FROM bleeding_risk_raises').run()).toThrow(/never changes/);
  });

  it('refuses a class below the template\'s, and a raise not above the current class; nothing is written', async () => {
    const encounterId = await encounterFor('lumbar-transforaminal-esi');
    const before = tableCounts(core);
    const lower = await raise(encounterId, 'low');
    expect(lower).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining("below the procedure template's class (Intermediate)") } });
    expect(lower.ok ? [] : lower.error.details).toEqual([{ path: 'toClass', message: expect.stringContaining('never lowered below the template') }]);
    const same = await raise(encounterId, 'intermediate');
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already Intermediate') } });
    expect(tableCounts(core)).toEqual(before);

    ok(await raise(encounterId, 'high'));
    const after = tableCounts(core);
    expect(await raise(encounterId, 'high')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already High') } });
    expect(tableCounts(core)).toEqual(after);
  });

  it('patient factors already at the class asked for: the raise is refused as not higher', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'risk-factors', data: {
      olderAge: true, liverDisease: false, kidneyDisease: false, bleedingHistory: false, coagulopathy: false, priorSurgeryAtSite: false,
    } } }));
    expect(await raise(encounterId, 'intermediate', 'patient-factors', 'Age 84, frail.')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already Intermediate') } });
    expect(ok<BleedingRiskRaise>(await raise(encounterId, 'high', 'patient-factors', 'Age 84 and on dual antiplatelets.'))).toMatchObject({ fromClass: 'intermediate', toClass: 'high' });
  });

  it('a nurse can neither raise nor void (the contract\'s access check); nothing is written', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    const before = tableCounts(core);
    expect(await nurse()('encounter.raiseBleedingRisk', { encounterId, toClass: 'high', reasonCategory: 'other', reason: 'I think it is deep.' }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(tableCounts(core)).toEqual(before);
    const raised = ok<BleedingRiskRaise>(await raise(encounterId, 'high'));
    const counted = tableCounts(core);
    expect(await nurse()('encounter.voidBleedingRiskRaise', { encounterId, raiseId: raised.id, reason: 'Not deep after all.' }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(tableCounts(core)).toEqual(counted);
  });

  it('refuses bad input with specific messages and writes nothing', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    const before = tableCounts(core);
    const bad = await physician()('encounter.raiseBleedingRisk', { encounterId, toClass: 'extreme', reasonCategory: 'hunch', reason: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((bad.ok ? [] : (bad.error.details as { path: string }[])).map((d) => d.path).sort()).toEqual(['reason', 'reasonCategory', 'toClass']);
    expect(await physician()('encounter.raiseBleedingRisk', { encounterId: '00000000-0000-4000-8000-000000000000', toClass: 'high', reasonCategory: 'other', reason: 'Deep block.' }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('a raise recorded in error is voided with a reason: it stays, marked, and the class falls back', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    await drug(encounterId, 'clopidogrel', '2026-11-22T08:00:00.000Z');
    const raised = ok<BleedingRiskRaise>(await raise(encounterId, 'intermediate', 'other', 'Entered on the wrong encounter.'));
    expect(await anticoagulantBlockers(encounterId)).toHaveLength(1);
    const voided = ok<BleedingRiskRaise>(await physician()('encounter.voidBleedingRiskRaise', { encounterId, raiseId: raised.id, reason: 'Raised on the wrong patient.' }));
    expect(voided).toMatchObject({ id: raised.id, toClass: 'intermediate', voided: { at: NOW.toISOString(), by: PHYSICIAN, reason: 'Raised on the wrong patient.' } });
    expect((await detail(encounterId)).bleedingRiskRaises).toEqual([voided]);
    expect(await anticoagulantBlockers(encounterId)).toEqual([]);
    expect(await physician()('encounter.voidBleedingRiskRaise', { encounterId, raiseId: raised.id, reason: 'Once more please.' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already voided') } });
    expect(core.db.prepare("SELECT target FROM audit_log WHERE action = 'encounter.voidBleedingRiskRaise'").pluck().all())
      .toEqual([`encounter:${encounterId}/bleeding-risk:${raised.id}/void`]);
    expect(() => core.db.prepare('DELETE FROM bleeding_risk_raise_withdrawals').run()).toThrow(/append-only/);
  });

  it('a closed encounter refuses a raise', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    ok(await nurse()('encounter.cancel', { encounterId, reason: 'Patient unwell today' }));
    expect(await raise(encounterId, 'high')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cancelled') } });
  });
});

describe('the anticoagulant check at the encounter\'s class (time-out hard stop)', () => {
  it('apixaban 48 h ago: a decision, not a hard stop, at low risk; a hard stop once a physician raises the class to high', async () => {
    // Fact base §1.3 (apixaban row, [M]): low risk "shared assessment"; high risk 3–5 days (the app uses 5).
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    await drug(encounterId, 'apixaban', '2026-11-22T14:00:00.000Z');
    const atLow = await anticoagulantBlockers(encounterId);
    expect(atLow).toEqual([expect.objectContaining({ hardStop: false, message: expect.stringContaining('Shared assessment') })]);

    ok(await raise(encounterId, 'high'));
    const atHigh = await anticoagulantBlockers(encounterId);
    expect(atHigh).toEqual([expect.objectContaining({ hardStop: true, message: expect.stringContaining('Apixaban: Too recent: hard stop') })]);
  });

  it('clopidogrel 2 days ago: continued at low risk (nothing blocks), a hard stop when patient factors raise the class', async () => {
    // §1.3 clopidogrel row [M]: low risk no hold; intermediate and high 7 days.
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    await drug(encounterId, 'clopidogrel', '2026-11-22T14:00:00.000Z');
    expect(await anticoagulantBlockers(encounterId)).toEqual([]);
    // §1.2 patient factors [V2]: older age lifts a low-risk procedure to intermediate, with no physician's raise.
    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'risk-factors', data: {
      olderAge: true, liverDisease: false, kidneyDisease: false, bleedingHistory: false, coagulopathy: false, priorSurgeryAtSite: false,
    } } }));
    expect(await anticoagulantBlockers(encounterId)).toEqual([expect.objectContaining({ hardStop: true, message: expect.stringContaining('Clopidogrel') })]);
  });
});

describe('the note shows the class used and why', () => {
  it('the draft note: the template\'s class, the patient factors, the physician\'s raise with reason', async () => {
    const encounterId = await encounterFor('peripheral-nerve-block');
    const plain = ok<{ text: string }>(await nurse()('note.export', { encounterId })).text;
    expect(plain).toContain('BLEEDING-RISK CLASS (ANTICOAGULANT CHECK)\nClass used: Low\n- Procedure template\'s class: Low (ASRA 2018)');

    ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'risk-factors', data: {
      olderAge: true, liverDisease: false, kidneyDisease: false, bleedingHistory: false, coagulopathy: false, priorSurgeryAtSite: false,
    } } }));
    ok(await raise(encounterId, 'high', 'deep-or-paravertebral-block', 'Thoracic paravertebral block at T6: not compressible.'));
    const text = ok<{ text: string }>(await nurse()('note.export', { encounterId })).text;
    const section = text.slice(text.indexOf('BLEEDING-RISK CLASS'), text.indexOf('\n\n', text.indexOf('BLEEDING-RISK CLASS')));
    expect(section.split('\n')).toEqual([
      'BLEEDING-RISK CLASS (ANTICOAGULANT CHECK)',
      'Class used: High',
      expect.stringMatching(/^- Procedure template's class: Low \(ASRA 2018\)/),
      expect.stringMatching(/^- Raised to Intermediate by patient factors: older age \[needs clinical review\]/),
      expect.stringMatching(/^- Raised to High by Dr Pat Physician \(physician\), 2026-11-24 \d\d:00: Deep or paravertebral block\. Thoracic paravertebral block at T6: not compressible\.$/),
    ]);
  });

  it('a signed note keeps the class it was signed with; its export says what changed since', async () => {
    const encounterId = await encounterFor('lumbar-medial-branch-block');
    ok(await physician()('consent.save', {
      encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents',
    }));
    ok(await physician()('note.sign', { encounterId, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
    const unchanged = ok<{ text: string }>(await nurse()('note.export', { encounterId })).text;
    expect(unchanged).toContain('BLEEDING-RISK CLASS (ANTICOAGULANT CHECK)\nClass used: Low');
    expect(unchanged).not.toContain('SINCE THE NOTE WAS SIGNED\nClass');

    // Half an hour after signing, a physician raises the class.
    clock = new Date('2026-11-24T14:30:00.000Z');
    ok(await physician()('encounter.raiseBleedingRisk', { encounterId, toClass: 'intermediate', reasonCategory: 'asipp-class', reason: 'ASIPP 2024 class applies here.' }));
    const text = ok<{ text: string }>(await nurse()('note.export', { encounterId })).text;
    expect(text).toContain('BLEEDING-RISK CLASS (ANTICOAGULANT CHECK)\nClass used: Low');
    expect(text).toContain('BLEEDING-RISK CLASS SINCE THE NOTE WAS SIGNED\nClass at signing: Low\nClass used now: Intermediate\n');
    expect(text).toMatch(/- Raised to Intermediate by Dr Pat Physician \(physician\), [^:]+:30: ASIPP 2024 class\. ASIPP 2024 class applies here\./);
  });
});
