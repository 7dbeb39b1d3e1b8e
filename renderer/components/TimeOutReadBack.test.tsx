// The time-out read-back (issue 18 point 4), against the real core: the answers given earlier
// (identity, procedure with level and side, allergies, pregnancy, diabetes, infection screen,
// anticoagulant verdict, planned injectate) are read back at the top of the time-out, each with
// who and when, and one confirmation answers the time-out items that ask for them aloud.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentFacts } from '#shared/contract/patient-facts';
import { api, setSessionToken, type ApiError } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';
import { READ_BACK_ITEMS } from './TimeOutReadBack';

let encounterId = '';
beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `TR-${Date.now()}`, familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1966-07-08', sex: 'female' }, ['L5-S1']);
  const call = api().call.bind(api());
  await call('patientFacts.record', { encounterId, fact: { kind: 'allergy', data: { category: 'latex', agent: 'Latex', reaction: 'Hives', severity: 'mild' } } });
  await call('patientFacts.record', { encounterId, fact: { kind: 'diabetes', data: { status: 'none', note: '' } } });
  await call('patientFacts.record', { encounterId, fact: { kind: 'pregnancy', data: { status: 'not-applicable', note: '' } } });
  const facts = (await call('encounter.get', { encounterId })).patientFacts.facts;
  await call('patientFacts.confirm', { encounterId, factIds: currentFacts(facts).map((f) => f.id) });
  await call('encounter.addRecord', { encounterId, record: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 130, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: 14, painScore: 5 } } });
  await call('encounter.addRecord', { encounterId, record: { kind: 'injectate-plan', data: {
    steroid: { name: 'Dexamethasone sodium phosphate', dose: '10 mg' }, localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' }, contrast: { name: 'Iohexol 240', dose: '2 mL' },
  } } });
  setSessionToken(inject('physicianSession'));
  await call('consent.save', {
    encounterId, discussedAt: null, place: 'Procedure room 2', benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '',
    questions: [], capacity: { kind: 'patient-has-capacity' }, interpreter: { used: false }, decision: 'consents',
  });
  await call('consent.captureSignature', { encounterId, signer: 'patient', signerName: 'Maja Lindqvist', method: 'paper' });
  setSessionToken(inject('nurseSession'));
  // Tick what is still open before the time-out (what the screen's own tests cover), then move on.
  const refused = await call('encounter.advance', { encounterId, to: 'time-out' }).then(() => null, (e: unknown) => e as ApiError);
  const open = ((refused?.details ?? []) as { path: string }[]).map((d) => d.path.replace(/^blockers\./, ''));
  for (const itemId of open) await call('checklist.setItem', { encounterId, itemId, status: 'checked' });
  await call('encounter.advance', { encounterId, to: 'time-out' });
});
afterEach(cleanup);

describe('the time-out read-back', () => {
  it('reads back each earlier answer with who and when; one confirmation answers the read-back items', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const box = screen.getByRole('region', { name: 'Time-out read-back: answers given earlier' });
    const row = (what: string) => within(box).getByText(what, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(row('Patient')).toMatch(/^Maja Lindqvist, born 1966-07-08, MRN TR-\d+ \(Nina Nurse, \d\d:\d\d\)$/);
    expect(row('Procedure')).toMatch(/^Lumbar transforaminal epidural steroid injection: L5-S1, left \(Nina Nurse/);
    expect(row('Allergies')).toMatch(/Latex/);
    expect(row('Pregnancy')).toMatch(/Cannot be pregnant/);
    expect(row('Diabetes')).toMatch(/No diabetes/);
    expect(row('Infection screen')).toMatch(/^No fever or infection at the site \(Nina Nurse/);
    expect(row('Anticoagulants')).toMatch(/\(Nina Nurse, \d\d:\d\d\)$/);
    expect(row('Planned injectate')).toMatch(/^Steroid: Dexamethasone sodium phosphate, 10 mg; Local anaesthetic: Lidocaine 1%, 1 mL; Contrast: Iohexol 240, 2 mL \(Nina Nurse/);
    // Issue 20.3: the steroid ledger's one line, under the read-back (no earlier procedures here; today's plan apart).
    expect(within(box).getByText(/^Steroid in the last 12 months:/).textContent).toBe('Steroid in the last 12 months: none recorded · + today 10 mg dexamethasone sodium phosphate planned ▸');

    await userEvent.click(within(box).getByRole('button', { name: 'Read back aloud and confirmed by the team' }));
    await coreSettled();
    const items = (await api().call('encounter.get', { encounterId })).items;
    for (const id of READ_BACK_ITEMS) expect(items.find((i) => i.itemId === id)?.status, id).toBe('checked');
    expect(within(box).queryByRole('button', { name: 'Read back aloud and confirmed by the team' })).toBeNull();
  });
});
