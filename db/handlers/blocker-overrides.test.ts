// Overrides are per blocker (issue 18): each open, overridable blocker needs its own reason,
// the password is given once, an override naming what is not open is refused, nothing is
// written on a refusal, and the note prints each blocker with its own reason. Transitions
// stored before (one reason for all) still read and print.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { consentGiven } from '../testing/consent-given';
import { refusedBlockerIds } from '../testing/override-open';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

let core: TempCore;
let encounterId = '';
/** What stands open at the end of the pre-procedure of a fresh encounter, as the refusal names it. */
let open: string[] = [];
beforeEach(async () => {
  core = openTempCore({ now: () => new Date('2026-11-24T14:00:00.000Z') });
  const patient = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT }));
  encounterId = ok<{ id: string }>(await core.as(NURSE)('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  await consentGiven(core, encounterId);
  ok(await core.as(NURSE)('encounter.advance', { encounterId, to: 'pre-procedure' }));
  const refused = await core.as(NURSE)('encounter.advance', { encounterId, to: 'time-out' });
  open = refusedBlockerIds(refused.ok ? [] : refused.error.details);
});
afterEach(() => core.cleanup());

const physician = () => core.as(PHYSICIAN);
const detail = async () => ok<EncounterDetail>(await physician()('encounter.get', { encounterId }));
const reasonFor = (id: string) => `Done on paper: ${id}`;
const advance = (overrides: { blockerId: string; reason: string }[], password: string | null = TEST_PASSWORD) =>
  physician()('encounter.advance', { encounterId, to: 'time-out', overrides, ...(password === null ? {} : { password }) });
/** Refused, with nothing written but the audit of the refused attempt. */
async function expectRefusedWritingNothing(attempt: () => Promise<unknown>, match: object): Promise<void> {
  const { audit_log: auditBefore, ...before } = tableCounts(core);
  expect(await attempt()).toMatchObject({ ok: false, error: match });
  const { audit_log: auditAfter, ...after } = tableCounts(core);
  expect(after).toEqual(before);
  expect(auditAfter).toBeLessThanOrEqual(auditBefore! + 1);
  expect((await detail()).encounter.state).toBe('pre-procedure');
}

describe('per-blocker overrides', () => {
  it('each open blocker overridden with its own reason: stored per blocker, printed each on its own line, with the rule', async () => {
    expect(open.length).toBeGreaterThan(2);
    const moved = ok<Transition>(await advance(open.map((id) => ({ blockerId: id, reason: reasonFor(id) }))));
    expect(moved).toMatchObject({ from: 'pre-procedure', to: 'time-out', reason: null });
    expect(moved.overridden.map((b) => [b.id, b.reason])).toEqual(open.map((id) => [id, reasonFor(id)]));
    // Read back from storage the same way.
    expect((await detail()).transitions.at(-1)!.overridden.map((b) => b.reason)).toEqual(open.map(reasonFor));

    const note = ok<{ text: string }>(await physician()('note.export', { encounterId }));
    const day = note.text.slice(note.text.indexOf('PROCEDURE DAY: STATES AND OVERRIDES'));
    for (const b of moved.overridden) {
      expect(day).toContain(`${b.hardStop ? 'HARD STOP ' : ''}${b.label}. Reason: ${reasonFor(b.id)}`);
    }
    expect(day).toContain("The consent decision, the patient's or surrogate's signature and the time-out cannot be overridden");
  });

  it('one open blocker left without its own override: refused, naming it; nothing written', async () => {
    const [left, ...rest] = open;
    await expectRefusedWritingNothing(() => advance(rest.map((id) => ({ blockerId: id, reason: reasonFor(id) }))), {
      code: 'CONFLICT', message: expect.stringContaining('Each open item needs its own override'), details: [expect.objectContaining({ path: `blockers.${left}` })],
    });
  });

  it('an override naming a blocker that is not open: refused as not open; nothing written', async () => {
    const all = open.map((id) => ({ blockerId: id, reason: reasonFor(id) }));
    await expectRefusedWritingNothing(() => advance([...all, { blockerId: 'observation-minimum', reason: 'Not even in recovery' }]), {
      code: 'CONFLICT', message: expect.stringContaining('observation-minimum is not open'), details: [{ path: `overrides.${all.length}.blockerId`, message: 'observation-minimum is not open' }],
    });
  });

  it('an override of what no one may override (the patient signature, voided): refused before the password; nothing written', async () => {
    const signature = (await detail()).signatures.find((s) => s.signer === 'patient')!;
    ok(await physician()('consent.voidSignature', { encounterId, signatureId: signature.id, reason: 'Signed the wrong form.' }));
    await expectRefusedWritingNothing(() => advance([{ blockerId: 'consent-signature', reason: 'Will sign after.' }], 'wrong password'), {
      code: 'CONFLICT', message: expect.stringContaining('No override can replace Consent signed'),
    });
  });

  it('bad input: a reason too short, one blocker twice, no password: refused with a specific message; nothing written', async () => {
    const all = open.map((id) => ({ blockerId: id, reason: reasonFor(id) }));
    await expectRefusedWritingNothing(() => advance([{ ...all[0]!, reason: 'ok' }, ...all.slice(1)]), {
      code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'overrides.0.reason' })],
    });
    await expectRefusedWritingNothing(() => advance([...all, all[0]!]), {
      code: 'INVALID_INPUT', details: [expect.objectContaining({ path: `overrides.${all.length}.blockerId`, message: expect.stringContaining('overridden twice') })],
    });
    await expectRefusedWritingNothing(() => advance(all, null), {
      code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'password', message: 'an override needs your password' })],
    });
    // The old shape (one reason for all) is no longer taken.
    await expectRefusedWritingNothing(() => physician()('encounter.advance', { encounterId, to: 'time-out', override: { reason: 'One for all', password: TEST_PASSWORD } }), { code: 'INVALID_INPUT' });
  });

  it('a transition stored before issue 18 (one reason on the transition, none per blocker) still reads and prints', async () => {
    const blockers = [{ id: 'record-baseline-vitals', label: 'Baseline vitals and pain score recorded', hardStop: false }, { id: 'anticoagulant-x', label: 'Clopidogrel: stopped 2 days ago', hardStop: true }];
    core.db.prepare(`INSERT INTO encounter_transitions (encounter_id, from_state, to_state, at, by_name, by_role, reason, overridden_json) VALUES (?, 'pre-procedure', 'time-out', ?, ?, 'physician', ?, ?)`)
      .run(encounterId, '2026-11-24T14:05:00.000Z', PHYSICIAN.name, 'Cardiology consulted', JSON.stringify(blockers));
    const stored = (await detail()).transitions.at(-1)!;
    expect(stored).toMatchObject({ reason: 'Cardiology consulted', overridden: blockers });
    const note = ok<{ text: string }>(await physician()('note.export', { encounterId }));
    expect(note.text).toContain('Baseline vitals and pain score recorded. Reason: Cardiology consulted');
    expect(note.text).toContain('HARD STOP Clopidogrel: stopped 2 days ago. Reason: Cardiology consulted');
  });
});
