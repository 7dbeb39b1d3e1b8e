// Issue 18, point 4 (record once), through the real core: a saved record resolves its own
// "…recorded" items in the core's blockers (a void reopens them), and items that depend on
// sedation, diabetes or contrast are not asked when the plan or the patient's facts say they
// do not apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { EncounterRecord } from '#shared/contract/encounter-records';
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
const vitals = (phase: string, painScore: number | null = 4) => ({ kind: 'vitals', data: { phase, systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore } });
let mrn = 0;

async function encounter(templateId: string, sedationPlanned: boolean): Promise<string> {
  const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT, mrn: `RO-${++mrn}` }));
  return ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId, levels: ['L4-L5'], laterality: 'left', sedationPlanned, plannedDate: '2026-11-24', indication: 'Radicular pain for 12 weeks.',
  })).id;
}

/** The ids the core names when it refuses to leave the current phase. */
async function openIds(encounterId: string, to: string): Promise<string[]> {
  const refused = await nurse()('encounter.advance', { encounterId, to });
  if (refused.ok) throw new Error(`expected ${to} to be refused`);
  return (refused.error as { details: { path: string }[] }).details.map((d) => d.path.replace(/^blockers\./, ''));
}

async function tickAllBut(encounterId: string, keep: readonly string[], to: string): Promise<void> {
  for (const id of await openIds(encounterId, to)) {
    if (keep.includes(id) || !/^wf-|^[a-z]/.test(id) || id.startsWith('record-') || id.startsWith('consent') || id.startsWith('anticoagulant')) continue;
    await nurse()('checklist.setItem', { encounterId, itemId: id, status: 'checked' });
  }
}

describe('a saved record ticks its own items (core blockers)', () => {
  it('pre-procedure vitals resolve the baseline vitals and pain-score items; voiding them reopens both', async () => {
    const id = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    expect(await openIds(id, 'time-out')).toEqual(expect.arrayContaining(['wf-baseline-vitals', 'wf-baseline-pain-score']));
    const saved = ok<EncounterRecord>(await nurse()('encounter.addRecord', { encounterId: id, record: vitals('pre-procedure') }));
    const after = await openIds(id, 'time-out');
    expect(after).not.toContain('wf-baseline-vitals');
    expect(after).not.toContain('wf-baseline-pain-score');
    // The checklist rows were never ticked: the record itself resolves them.
    const detail = ok<EncounterDetail>(await nurse()('encounter.get', { encounterId: id }));
    expect(detail.items.filter((i) => i.itemId.startsWith('wf-baseline'))).toEqual([]);
    ok(await nurse()('encounter.voidRecord', { encounterId: id, recordId: saved.id, reason: 'entered on the wrong patient' }));
    expect(await openIds(id, 'time-out')).toEqual(expect.arrayContaining(['wf-baseline-vitals', 'wf-baseline-pain-score']));
  });

  it('vitals without a pain score leave the pain-score item open', async () => {
    const id = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: vitals('pre-procedure', null) }));
    const open = await openIds(id, 'time-out');
    expect(open).toContain('wf-baseline-pain-score');
    expect(open).not.toContain('wf-baseline-vitals');
  });

  it('the signed time-out, the procedure record, recovery vitals and the Aldrete score resolve theirs', async () => {
    const id = await encounter('lumbar-transforaminal-esi', true);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    await tickAllBut(id, [], 'time-out');
    await consentGiven(core, id);
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: vitals('pre-procedure') }));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: { kind: 'injectate-plan', data: {
      steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol 240', dose: '2 mL' },
    } } }));
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'time-out' }));

    expect(await openIds(id, 'procedure')).toEqual(expect.arrayContaining(['wf-team-introduced', 'time-out']));
    ok(await nurse()('encounter.addRecord', { encounterId: id, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
    const atTimeOut = await openIds(id, 'procedure');
    expect(atTimeOut).not.toContain('wf-team-introduced');
    expect(atTimeOut).not.toContain('time-out');
    await tickAllBut(id, [], 'procedure');
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'procedure' }));

    const recordedItems = ['wf-imaging-modality-recorded', 'wf-contrast-recorded', 'wf-fluoroscopy-time-dose-recorded', 'wf-medications-recorded', 'wf-levels-treated-recorded', 'wf-procedure-complications-recorded'];
    expect(await openIds(id, 'recovery')).toEqual(expect.arrayContaining(recordedItems));
    ok(await physician()('encounter.addRecord', { encounterId: id, record: { kind: 'procedure', data: {
      imagingUsed: 'fluoroscopy', contrastUsed: true, contrastAgent: 'Iohexol 240', fluoroscopyTimeSeconds: 42, radiationDose: '1.2 mGy',
      medications: [{ name: 'Dexamethasone', dose: '10 mg', route: 'transforaminal' }], levelsTreated: ['L4-L5 left'], complications: 'None',
    } } }));
    const inProcedure = await openIds(id, 'recovery');
    for (const item of recordedItems) expect(inProcedure).not.toContain(item);
    await tickAllBut(id, [], 'recovery');
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'recovery' }));

    expect(await openIds(id, 'discharged')).toEqual(expect.arrayContaining(['wf-recovery-vitals-pain', 'wf-aldrete-score']));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: vitals('recovery') }));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: { kind: 'aldrete', data: { activity: 2, respiration: 2, circulation: 2, consciousness: 1, oxygenSaturation: 1 } } }));
    const inRecovery = await openIds(id, 'discharged');
    expect(inRecovery).not.toContain('wf-recovery-vitals-pain');
    expect(inRecovery).toContain('wf-aldrete-score'); // 8: below the discharge score, so not resolved
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: { kind: 'aldrete', data: { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 } } }));
    expect(await openIds(id, 'discharged')).not.toContain('wf-aldrete-score');
    clock += 6 * 3600_000;
  });
});

describe('items appear only when they apply', () => {
  const sedationOnly = ['pre-sedation-evaluation', 'npo-if-sedation', 'escort-if-sedated', 'wf-fasting-confirmed', 'wf-escort-arranged'];

  it('no sedation planned: none of the "if sedated" items is asked; with sedation they are', async () => {
    const none = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: none, to: 'pre-procedure' }));
    const open = await openIds(none, 'time-out');
    for (const item of sedationOnly) expect(open).not.toContain(item);
    const sedated = await encounter('lumbar-transforaminal-esi', true);
    ok(await nurse()('encounter.advance', { encounterId: sedated, to: 'pre-procedure' }));
    expect(await openIds(sedated, 'time-out')).toEqual(expect.arrayContaining(sedationOnly));
  });

  it('diabetic glucose items are asked until the patient is recorded as not diabetic', async () => {
    const id = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    expect(await openIds(id, 'time-out')).toEqual(expect.arrayContaining(['wf-diabetic-glucose-plan']));
    ok(await nurse()('patientFacts.record', { encounterId: id, fact: { kind: 'diabetes', data: { status: 'none' } } }));
    const open = await openIds(id, 'time-out');
    expect(open).not.toContain('wf-diabetic-glucose-plan');
    expect(open).not.toContain('diabetic-glucose-plan');
  });

  it('a template item hidden by the plan (no contrast planned) stays answerable: stored ids keep working', async () => {
    const id = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    ok(await nurse()('encounter.addRecord', { encounterId: id, record: { kind: 'injectate-plan', data: {
      steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: null, contrast: null,
    } } }));
    const detail = ok<EncounterDetail>(await nurse()('encounter.get', { encounterId: id }));
    expect(detail.encounter.state).toBe('pre-procedure');
    // Stored ids stay answerable: ticking a hidden template item is accepted, not refused.
    ok(await nurse()('checklist.setItem', { encounterId: id, itemId: 'contrast-real-time-before-steroid', status: 'checked' }));
  });
});

describe('the allergy items read the patient facts', () => {
  it('confirming the patient\'s facts for this encounter resolves them; a later change reopens them', async () => {
    const allergyItems = ['wf-allergy-contrast', 'wf-allergy-latex', 'allergies-reviewed'];
    const id = await encounter('lumbar-transforaminal-esi', false);
    ok(await nurse()('encounter.advance', { encounterId: id, to: 'pre-procedure' }));
    expect(await openIds(id, 'time-out')).toEqual(expect.arrayContaining(allergyItems));
    const latex = ok<{ id: string }>(await nurse()('patientFacts.record', { encounterId: id, fact: { kind: 'allergy', data: { category: 'latex', agent: 'Latex', reaction: 'Hives', severity: 'mild' } } }));
    ok(await nurse()('patientFacts.confirm', { encounterId: id, factIds: [latex.id] }));
    const open = await openIds(id, 'time-out');
    for (const item of allergyItems) expect(open).not.toContain(item);
    // A fact recorded after the confirmation makes it out of date: asked again.
    ok(await nurse()('patientFacts.record', { encounterId: id, fact: { kind: 'diabetes', data: { status: 'none' } } }));
    expect(await openIds(id, 'time-out')).toEqual(expect.arrayContaining(allergyItems));
  });
});
