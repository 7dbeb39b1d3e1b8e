// The particulate-steroid check through the real core on a real SQLite file: the
// injectate planned before the time-out is checked, by brand or generic name, against
// the route. A particulate steroid planned for a cervical transforaminal injection is a
// hard stop on time-out → procedure (nothing written); dexamethasone passes; an
// unrecognised steroid waits for a physician's signed confirmation; lumbar TFESI only
// cautions (the fact base allows particulate there with every risk-reducing measure).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { Transition } from '#shared/contract/encounter-records';
import { anticoagulantInputOf } from '#shared/domain/anticoagulant-verdict';
import { encounterItems, injectateSteroidCheck, phaseBlockers } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { consentStandingOf } from '#shared/domain/consent-blockers';
import { consentGiven } from '../testing/consent-given';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, TEST_PASSWORD, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T14:00:00.000Z');
let core: TempCore;
afterEach(() => core.cleanup());
beforeEach(() => {
  core = openTempCore({ now: () => NOW });
});

const nurse = () => core.as(NURSE);
const physician = () => core.as(PHYSICIAN);
const template = (id: string) => LIBRARY.find((t) => t.id === id)!;
const vitals = { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6 } };
const plan = (steroid: string | null, extra: Record<string, unknown> = {}) => ({
  kind: 'injectate-plan',
  data: {
    steroid: steroid === null ? null : { name: steroid, dose: '1 mL' },
    localAnaesthetic: { name: 'Lidocaine 1% preservative-free', dose: '1 mL' },
    contrast: { name: 'Iohexol 240 (Omnipaque)', dose: '2 mL' },
    ...extra,
  },
});
type Envelope = { ok: boolean; error?: { code: string; message: string; details?: unknown } };
const blockerDetails = (r: Envelope) => (r.ok ? [] : (r.error!.details as { path: string; message: string; hardStop: boolean; sources?: { sourceId: string; evidence: string }[] }[]));
const audit = () => core.db.prepare('SELECT action, user_name AS user FROM audit_log ORDER BY seq').all() as { action: string; user: string }[];

/** A cervical (or lumbar) TFESI with its pre-procedure phase done and the given steroid planned, moved to the time-out with the team's items checked and the time-out signed. */
async function atTimeOut(templateId: 'cervical-transforaminal-esi' | 'lumbar-transforaminal-esi', steroid: string | null): Promise<string> {
  const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT }));
  const levels = templateId.startsWith('cervical') ? ['C6-C7'] : ['L4-L5'];
  const encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
    patientId: patient.id, templateId, levels, laterality: 'left', plannedDate: '2026-11-24', indication: 'Left radicular pain for 10 weeks.',
  })).id;
  const items = encounterItems(template(templateId), { sedationPlanned: false, laterality: 'left', imagingModality: 'fluoroscopy' }).phaseItems;
  const resolve = async (phase: string) => {
    for (const item of items.filter((i) => i.phase === phase)) ok(await nurse()('checklist.setItem', { encounterId, itemId: item.id, status: 'checked' }));
  };
  ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
  await resolve('pre-procedure');
  ok(await nurse()('encounter.addRecord', { encounterId, record: vitals }));
  ok(await nurse()('encounter.addRecord', { encounterId, record: plan(steroid) }));
  await consentGiven(core, encounterId);
  ok(await nurse()('encounter.advance', { encounterId, to: 'time-out' }));
  await resolve('time-out');
  ok(await nurse()('encounter.addRecord', { encounterId, password: TEST_PASSWORD, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } }));
  return encounterId;
}

const detail = async (encounterId: string) => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));

describe('cervical transforaminal ESI: particulate steroid at the time-out', () => {
  it('Kenalog-40 planned: the move to procedure is refused with a hard stop naming the drug, why and the sources; nothing is written', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'Kenalog-40');
    const before = tableCounts(core);
    const refused = await nurse()('encounter.advance', { encounterId, to: 'procedure' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 hard stop') } });
    const stop = blockerDetails(refused).find((d) => d.path === 'blockers.steroid-particulate');
    expect(stop?.hardStop).toBe(true);
    expect(stop?.message).toMatch(/^Kenalog-40 \(triamcinolone acetonide\) is a particulate steroid, and a cervical transforaminal injection takes nonparticulate steroid only/);
    expect(stop?.message).toMatch(/embolic infarction/);
    // Its sources with their tags: the fact base (SIS [V2], Rathmell item 6 [M], the FDA risk assessment [V]) and the Kenalog label [V2].
    expect(stop?.sources).toEqual([
      { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
      { sourceId: 'rathmell-2015', evidence: 'M' },
      { sourceId: 'racoosin-2017-nejm', evidence: 'V' },
      { sourceId: 'fda-label-kenalog-40-80', evidence: 'V2' },
    ]);
    expect(tableCounts(core)).toEqual(before);
    const d = await detail(encounterId);
    expect(d.encounter.state).toBe('time-out');

    // The screen's "still open" list is the same list the core refused with.
    const settings = { inrThreshold: null, timeZone: 'UTC' };
    const shown = phaseBlockers({
      state: 'time-out', template: template('cervical-transforaminal-esi'), plan: { sedationPlanned: false, laterality: 'left', imagingModality: 'fluoroscopy' },
      resolvedIds: new Set(d.items.filter((i) => i.status !== 'unchecked').map((i) => i.itemId)), records: d.records, bleedingRiskRaises: d.bleedingRiskRaises, settings, now: '2026-11-24T15:00:00.000Z', anticoagulant: anticoagulantInputOf(d), consent: consentStandingOf(d.consent, d.signatures),
    });
    expect(shown.map((b) => `blockers.${b.id}`)).toEqual(blockerDetails(refused).map((b) => b.path));
  });

  it('every brand and generic of the issue is caught, however it is spelled; a corrected plan (dexamethasone) lets the time-out end', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'KENALOG-40');
    for (const name of ['kenalog 40', 'Kenalog', 'Depo Medrol 80mg', 'DEPO-MEDROL', 'Celestone', 'Celestone Soluspan', 'Aristospan', 'triamcinolone acetonide', 'Methylprednisolone acetate', 'betamethasone sodium phosphate and betamethasone acetate']) {
      // A correction at the time-out is a new plan, and it is checked again.
      ok(await nurse()('encounter.addRecord', { encounterId, record: plan(name) }));
      const refused = await nurse()('encounter.advance', { encounterId, to: 'procedure' });
      const stop = blockerDetails(refused).find((b) => b.path === 'blockers.steroid-particulate');
      expect(stop?.hardStop, name).toBe(true);
      expect(stop?.message, name).toContain(name);
    }
    ok(await nurse()('encounter.addRecord', { encounterId, record: plan('Dexamethasone sodium phosphate 10 mg/mL') }));
    const moved = ok<Transition>(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
    expect(moved).toMatchObject({ from: 'time-out', to: 'procedure', overridden: [] });
  });

  it('dexamethasone planned from the start: the time-out ends with no steroid item open', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'dexamethasone');
    ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
    expect((await detail(encounterId)).encounter.state).toBe('procedure');
  });

  it('an unrecognised steroid waits for a physician to confirm, signed, that it is nonparticulate; a nurse cannot, and a known particulate steroid cannot be confirmed', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'Kenelog 40');
    const refused = await nurse()('encounter.advance', { encounterId, to: 'procedure' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(blockerDetails(refused)).toContainEqual({
      path: 'blockers.steroid-confirm-nonparticulate',
      hardStop: false,
      message: 'Physician to confirm that Kenelog 40 is nonparticulate: it is not in the steroid table, and a cervical transforaminal injection takes nonparticulate steroid only',
      sources: expect.arrayContaining([{ sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' }]),
    });

    const before = tableCounts(core);
    const confirm = plan('Kenelog 40', { nonParticulateConfirmed: true });
    expect(await nurse()('encounter.addRecord', { encounterId, record: confirm, password: TEST_PASSWORD }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a physician may confirm that a steroid is nonparticulate.' } });
    expect(await physician()('encounter.addRecord', { encounterId, record: confirm }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'password', message: 'confirming the steroid is nonparticulate needs your password' }] } });
    expect(await physician()('encounter.addRecord', { encounterId, record: plan('Kenalog-40', { nonParticulateConfirmed: true }), password: TEST_PASSWORD }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'record.data.nonParticulateConfirmed', message: expect.stringMatching(/Kenalog-40 is a particulate steroid \(triamcinolone acetonide\); it cannot be confirmed nonparticulate/) }] } });
    expect(await physician()('encounter.addRecord', { encounterId, record: plan(null, { nonParticulateConfirmed: true }), password: TEST_PASSWORD }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(tableCounts(core).encounter_records).toBe(before.encounter_records);

    const confirmed = ok<{ by: { role: string } }>(await physician()('encounter.addRecord', { encounterId, record: confirm, password: TEST_PASSWORD }));
    expect(confirmed.by.role).toBe('physician');
    expect(audit().at(-1)).toEqual({ action: 'encounter.addRecord', user: PHYSICIAN.name });
    ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
  });

  it('a physician may override the hard stop with a reason and password (as for anticoagulants); the note names it', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'Depo-Medrol');
    const reason = 'Dexamethasone unavailable; discussed with patient; proceeding.';
    const moved = ok<Transition>(await physician()('encounter.advance', { encounterId, to: 'procedure', overrides: [{ blockerId: 'steroid-particulate', reason }], password: TEST_PASSWORD }));
    expect(moved.overridden).toEqual([expect.objectContaining({ id: 'steroid-particulate', hardStop: true, label: expect.stringContaining('Depo-Medrol (methylprednisolone acetate) is a particulate steroid') })]);
    const note = ok<{ text: string }>(await physician()('note.export', { encounterId }));
    expect(note.text).toContain('HARD STOP Depo-Medrol (methylprednisolone acetate) is a particulate steroid');
  });
});

describe('the planned injectate', () => {
  it('is required before the time-out for a steroid procedure, and checked as soon as it is entered', async () => {
    const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT }));
    const encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
      patientId: patient.id, templateId: 'cervical-transforaminal-esi', levels: ['C6-C7'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left C7 radicular pain.',
    })).id;
    ok(await nurse()('encounter.advance', { encounterId, to: 'pre-procedure' }));
    const blocked = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
    expect(blockerDetails(blocked).map((b) => b.path)).toContain('blockers.record-injectate-plan');

    ok(await nurse()('encounter.addRecord', { encounterId, record: plan('Kenalog-40') }));
    const d = await detail(encounterId);
    // The warning is there the moment the plan is stored; it stops the move at the time-out, not before.
    expect(injectateSteroidCheck(template('cervical-transforaminal-esi'), d.records)).toMatchObject({ status: 'hard-stop' });
    const still = await nurse()('encounter.advance', { encounterId, to: 'time-out' });
    expect(blockerDetails(still).map((b) => b.path)).not.toContain('blockers.record-injectate-plan');
    expect(blockerDetails(still).filter((b) => b.hardStop).map((b) => b.path)).toEqual(['blockers.consent-decision', 'blockers.consent-signature']);
  });

  it('refuses a dose without its unit, or a concentration for a dose, beside the field; nothing is written', async () => {
    const patient = ok<{ id: string }>(await nurse()('patient.create', { ...PATIENT }));
    const encounterId = ok<{ id: string }>(await nurse()('encounter.create', {
      patientId: patient.id, templateId: 'cervical-transforaminal-esi', levels: ['C6-C7'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left C7 radicular pain.',
    })).id;
    const before = tableCounts(core);
    const withDose = (dose: string) => ({ ...plan('Dexamethasone'), data: { ...plan('Dexamethasone').data, steroid: { name: 'Dexamethasone', dose } } });
    for (const [dose, message] of [
      ['10', 'add the unit: mg, mcg or mL (e.g. 10 mg)'],
      ['', 'enter the dose with its unit, e.g. 10 mg or 2 mL'],
      ['4 mg/mL', 'that is a concentration: give the dose, e.g. 40 mg or 1 mL'],
      ['ten mg', 'start with the amount and its unit (mg, mcg or mL), e.g. 10 mg or 2 mL'],
    ] as const) {
      expect(await nurse()('encounter.addRecord', { encounterId, record: withDose(dose) }), dose)
        .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'record.data.steroid.dose', message }] } });
    }
    const noLaUnit = { ...plan('Dexamethasone'), data: { ...plan('Dexamethasone').data, localAnaesthetic: { name: 'Lidocaine 1%', dose: '2' } } };
    expect(await nurse()('encounter.addRecord', { encounterId, record: noLaUnit })).toMatchObject({ ok: false, error: { details: [{ path: 'record.data.localAnaesthetic.dose' }] } });
    expect(tableCounts(core)).toEqual(before);
    for (const dose of ['10 mg', '10mg', '0.5 mL', '1 mL (40 mg/mL)', '4 MG']) ok(await nurse()('encounter.addRecord', { encounterId, record: withDose(dose) }));
    // Contrast may be planned without a dose; no contrast is null.
    ok(await nurse()('encounter.addRecord', { encounterId, record: { ...plan('Dexamethasone'), data: { ...plan('Dexamethasone').data, contrast: { name: 'Iohexol' } } } }));
    ok(await nurse()('encounter.addRecord', { encounterId, record: { ...plan('Dexamethasone'), data: { ...plan('Dexamethasone').data, contrast: null } } }));
  });

  it('is not recorded once the procedure has started: the procedure record says what was given', async () => {
    const encounterId = await atTimeOut('cervical-transforaminal-esi', 'dexamethasone');
    ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
    const before = tableCounts(core);
    expect(await nurse()('encounter.addRecord', { encounterId, record: plan('dexamethasone') }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Record what was given in the procedure record') } });
    expect(tableCounts(core)).toEqual(before);
  });
});

describe('lumbar transforaminal ESI', () => {
  it('Kenalog planned: a caution, not a hard stop (fact base §2.1: particulate is an option with every risk-reducing measure); the move to procedure is allowed', async () => {
    const encounterId = await atTimeOut('lumbar-transforaminal-esi', 'Kenalog-40');
    expect(injectateSteroidCheck(template('lumbar-transforaminal-esi'), (await detail(encounterId)).records)).toMatchObject({ status: 'caution' });
    ok(await nurse()('encounter.advance', { encounterId, to: 'procedure' }));
  });
});
