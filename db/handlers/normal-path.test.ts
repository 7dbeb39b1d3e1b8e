// Issue 18, point 1: the normal path of every template reaches discharge with zero
// overrides. Through the real core, each phase is worked as a team would work it: its
// own items ticked (only those that can be done by then), its records saved, consent
// given and signed before the time-out, the time-out signed; no transition is overridden. A sedated
// encounter also reaches discharge so, through an Aldrete score of 9 or more (8 is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import type { WorkPhase } from '#shared/workflow/states';
import { consentGiven } from '../testing/consent-given';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

let clock = new Date('2026-11-24T13:00:00.000Z').getTime();
let core: TempCore;
beforeAll(() => {
  core = openTempCore({ now: () => new Date(clock) });
});
afterAll(() => core.cleanup());

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const vitals = (phase: string) => ({ kind: 'vitals', data: { phase, systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 4 } });

let walked = 0;
const openOf = (refused: { ok: boolean; error?: unknown }) => (refused.ok ? [] : (refused.error as { details: { path: string }[] }).details.map((d) => d.path.replace(/^blockers\./, '')));
const aldrete = (consciousness: 0 | 1 | 2, circulation: 0 | 1 | 2) => ({ kind: 'aldrete', data: { activity: 2, respiration: 2, circulation, consciousness, oxygenSaturation: 2 } });

async function walk(template: Template, sedated = false): Promise<{ transitions: Transition[]; openAtPreProcedure: string[]; openBelowNine: string[] }> {
  const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, mrn: `NP-${++walked}` }));
  const levels = template.levels ? [template.levels.options[0]!] : [];
  const encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId: template.id, levels, laterality: template.lateralityRequired ? 'left' : null,
    plannedDate: '2026-11-24', indication: 'Pain for 12 weeks despite conservative care.', sedationPlanned: sedated,
  })).id;
  const detail = async () => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
  const { encounter } = (await detail());
  const items = encounterItems(template, { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality }).phaseItems;
  // A saved record answers its own item: the Aldrete item is left to the score itself.
  const tick = async (phase: WorkPhase) => {
    for (const item of items.filter((i) => i.phase === phase && i.id !== 'wf-aldrete-score')) ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  };

  ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
  const refused = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
  const openAtPreProcedure = openOf(refused);
  await tick('pre-procedure');
  await consentGiven(core, encounterId);
  ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('pre-procedure') }));
  ok(await nurse()('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: {
    steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol 240', dose: '2 mL' },
  } } }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));

  await tick('time-out');
  ok(await nurse()('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));

  await tick('procedure');
  ok(await physician()('encounter.addRecord', { encounterId, record: { kind: 'procedure', data: {
    imagingUsed: encounter.imagingModality, contrastUsed: false, fluoroscopyTimeSeconds: null, medications: [], levelsTreated: levels, complications: '',
  } } }));
  ok(await nurse()('encounter.advance', { encounterId, to: 'recovery' }));

  await tick('recovery');
  ok(await nurse()('encounter.addRecord', { encounterId, record: vitals('recovery') }));
  clock += 6 * 3600_000; // past any template's minimum observation time
  let openBelowNine: string[] = [];
  if (sedated) {
    ok(await nurse()('encounter.addRecord', { encounterId, record: aldrete(1, 1) }));
    openBelowNine = openOf(await nurse()('encounter.advance', { encounterId, to: 'discharged' }));
    ok(await nurse()('encounter.addRecord', { encounterId, record: aldrete(1, 2) }));
  }
  ok(await nurse()('encounter.advance', { encounterId, to: 'discharged' }));
  return { transitions: (await detail()).transitions, openAtPreProcedure, openBelowNine };
}

describe('the normal path of every template', () => {
  for (const template of LIBRARY) {
    it(`${template.id}: scheduled to discharged with zero overrides`, async () => {
      const { transitions } = await walk(template);
      expect(transitions.map((t) => t.to)).toEqual(['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged']);
      for (const t of transitions) expect({ to: t.to, overridden: t.overridden, reason: t.reason }).toEqual({ to: t.to, overridden: [], reason: null });
    });
  }

  it('a sedated lumbar transforaminal ESI: scheduled to discharged with zero overrides, through an Aldrete score of 9 or more', async () => {
    const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
    const sedatedItems = encounterItems(template, { sedationPlanned: true, laterality: 'left' }).phaseItems.filter((i) => i.phase === 'recovery');
    expect(sedatedItems.map((i) => i.id)).toContain('wf-aldrete-score');
    const { transitions, openBelowNine } = await walk(template, true);
    // 8 of 10 holds discharge: the score is below 9 and its item is not answered by it.
    expect(openBelowNine).toEqual(expect.arrayContaining(['record-aldrete', 'wf-aldrete-score']));
    expect(transitions.map((t) => t.to)).toEqual(['pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged']);
    for (const t of transitions) expect({ to: t.to, overridden: t.overridden, reason: t.reason }).toEqual({ to: t.to, overridden: [], reason: null });
  });

  it('what happens during the procedure does not hold up the move to the time-out (lumbar and cervical transforaminal ESI)', async () => {
    for (const id of ['lumbar-transforaminal-esi', 'cervical-transforaminal-esi']) {
      const { openAtPreProcedure } = await walk(LIBRARY.find((t) => t.id === id)!);
      expect(openAtPreProcedure, id).toEqual(expect.arrayContaining(['wf-identity-two-identifiers', 'consent-decision']));
      for (const during of ['contrast-real-time-before-steroid', 'extension-tubing', 'time-out']) expect(openAtPreProcedure, id).not.toContain(during);
    }
  });
});
