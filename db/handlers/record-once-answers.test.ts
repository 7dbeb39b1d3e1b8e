// Issue 18 point 4 (record once), through the real core: a template item that asks what a
// procedure-day item asks is asked once, and answered by it (FHIR answers included); the consent
// item by the consent itself; the anticoagulant review and pregnancy items by the confirmed
// patient facts; the observation item by the minimum observation time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import { currentFacts } from '#shared/contract/patient-facts';
import { checklistResponseItems } from '#shared/interop/fhir-mappings';
import { LIBRARY } from '#shared/library/index';
import { consentGiven, doneBeforeMoving, physicianAct } from '../testing/consent-given';
import { advanceOverridingOpen } from '../testing/override-open';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, type TempCore } from '../testing/temp-core';

const START = Date.parse('2026-11-24T13:00:00.000Z');
let clock = START;
let core: TempCore;
beforeAll(() => {
  core = openTempCore({ now: () => new Date(clock) });
});
afterAll(() => core.cleanup());

const nurse = () => core.as(NURSE);
const tfesi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
let mrn = 0;

async function preProcedure(): Promise<string> {
  const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, mrn: `RA-${++mrn}` }));
  const id = ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId: tfesi.id, levels: ['L5-S1'], laterality: 'left', sedationPlanned: false, plannedDate: '2026-11-24', indication: 'Radicular pain for 12 weeks.',
  })).id;
  ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
  return id;
}

/** The ids the core names when it refuses to leave the current phase. */
async function openIds(encounterId: string, to: string): Promise<string[]> {
  const refused = await nurse()('encounter.advance', { encounterId, to });
  if (refused.ok) throw new Error(`expected ${to} to be refused`);
  return (refused.error as { details: { path: string }[] }).details.map((d) => d.path.replace(/^blockers\./, ''));
}

async function confirmFacts(encounterId: string): Promise<void> {
  const view = ok<EncounterDetail>(await nurse()('encounter.get', { encounterId })).patientFacts;
  ok(await nurse()('patientFacts.confirm', { encounterId, factIds: currentFacts(view.facts).map((f) => f.id) }));
}

describe('template items asked once, through the base item', () => {
  it('the core asks the base items only; a not-applicable base answers its twin with the same reason in the FHIR answers', async () => {
    const id = await preProcedure();
    const open = await openIds(id, 'time-out');
    for (const [twin, base] of [['identity-two-identifiers', 'wf-identity-two-identifiers'], ['pregnancy-status', 'wf-pregnancy-status'], ['infection-screen', 'wf-infection-screen'], ['antithrombotic-review', 'wf-antithrombotics-reviewed'], ['verify-procedure-site-level-laterality', 'wf-procedure-site-confirmed']]) {
      expect(open, twin).not.toContain(twin);
      expect(open, base).toContain(base);
    }
    ok(await nurse()('checklist.setItem', { encounterId: id, itemId: 'wf-pregnancy-status', status: 'not-applicable', reason: 'Hysterectomy 2019' }));
    ok(await nurse()('checklist.setItem', { encounterId: id, itemId: 'wf-identity-two-identifiers', status: 'checked' }));
    const detail = ok<EncounterDetail>(await nurse()('encounter.get', { encounterId: id }));
    const answers = checklistResponseItems(tfesi, detail).items.flatMap((g) => g.item ?? []);
    const answer = (linkId: string) => answers.find((a) => a.linkId === linkId)?.answer?.[0];
    expect(answer('pregnancy-status')).toMatchObject({ valueCoding: { code: 'not-applicable' }, item: [{ answer: [{ valueString: 'Hysterectomy 2019' }] }] });
    expect(answer('identity-two-identifiers')).toMatchObject({ valueCoding: { code: 'checked' } });
    expect(answer('infection-screen')).toBeUndefined();
  });
});

describe('items answered by what is already recorded', () => {
  it('the consent item: the decision "consents" with the patient\'s signature', async () => {
    const id = await preProcedure();
    expect(await openIds(id, 'time-out')).toContain('wf-consent-discussion-done');
    await consentGiven(core, id);
    expect(await openIds(id, 'time-out')).not.toContain('wf-consent-discussion-done');
  });

  it('the anticoagulant review: the confirmed facts with no open hard stop; a too-recent apixaban dose leaves it open', async () => {
    const clear = await preProcedure();
    await confirmFacts(clear);
    expect(await openIds(clear, 'time-out')).not.toContain('wf-antithrombotics-reviewed');

    const stopped = await preProcedure();
    ok(await nurse()('patientFacts.record', { encounterId: stopped, fact: { kind: 'antithrombotic', data: { drugId: 'apixaban', lastDoseAt: '2026-11-23T23:00:00.000Z' } } }));
    await confirmFacts(stopped);
    const open = await openIds(stopped, 'time-out');
    expect(open.some((b) => b.startsWith('anticoagulant-'))).toBe(true);
    expect(open).toContain('wf-antithrombotics-reviewed');
  });

  it('the pregnancy item: a confirmed "cannot be pregnant"; "could be pregnant" is asked on the day', async () => {
    const id = await preProcedure();
    ok(await nurse()('patientFacts.record', { encounterId: id, fact: { kind: 'pregnancy', data: { status: 'possible' } } }));
    await confirmFacts(id);
    expect(await openIds(id, 'time-out')).toContain('wf-pregnancy-status');
    ok(await nurse()('patientFacts.record', { encounterId: id, fact: { kind: 'pregnancy', data: { status: 'not-applicable' } } }));
    // Recorded but not yet confirmed for this encounter: still asked.
    expect(await openIds(id, 'time-out')).toContain('wf-pregnancy-status');
    await confirmFacts(id);
    expect(await openIds(id, 'time-out')).not.toContain('wf-pregnancy-status');
  });

  it('the observation item: once the minimum observation time has passed in recovery', async () => {
    const id = await preProcedure();
    for (const to of ['time-out', 'procedure', 'recovery']) {
      await doneBeforeMoving(physicianAct(core), id, to);
      ok(await advanceOverridingOpen(core.as(PHYSICIAN), id, to, 'test set-up'));
    }
    expect(await openIds(id, 'discharged')).toEqual(expect.arrayContaining(['observation-minimum', 'wf-observation-period']));
    clock += 15 * 60_000;
    const open = await openIds(id, 'discharged');
    expect(open).not.toContain('observation-minimum');
    expect(open).not.toContain('wf-observation-period');
  });
});
