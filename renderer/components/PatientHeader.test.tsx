// Patient facts and the early anticoagulant verdict on screen, against the real core over HTTP
// (issue 18, points 2 and 3): apixaban recorded on one encounter shows in the header of the
// patient's second encounter as a hard stop, in its pre-procedure "still open" list and on the
// worklist row; an allergy is recorded by its labels and the facts are confirmed for the encounter.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WorklistRow } from '#shared/contract/encounter';
import { api, setClient, setSessionToken } from '../api/client';
import { useSession } from '../stores/session';
import { coreClient, coreSettled } from '../testing/core-calls';
import { EncounterScreen } from './EncounterScreen';
import { WorklistRows } from './WorklistRows';

let first = '';
let second = '';
let plannedDate = '';
let family = '';

beforeAll(async () => {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const status = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: status.session!.user });
  const { timeZone } = await api().call('settings.get', {});
  // Today in clinic time: the encounters are planned for today, the last dose was yesterday evening (18 h ago).
  plannedDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  family = `Facts${Date.now()}`;
  const patient = await api().call('patient.create', { mrn: `PF-${Date.now()}`, familyName: family, givenName: 'Ines', birthDate: '1951-03-04', sex: 'female' });
  const create = () => api().call('encounter.create', { patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate, indication: 'Left L5 radicular pain.' });
  first = (await create()).id;
  second = (await create()).id;
  await api().call('patientFacts.record', { encounterId: first, fact: { kind: 'antithrombotic', data: { drugId: 'apixaban', lastDoseAt: new Date(Date.now() - 18 * 3_600_000).toISOString() } } });
  await api().call('encounter.advance', { encounterId: second, to: 'pre-procedure' });
});
afterEach(cleanup);

describe("the patient's facts and the anticoagulant verdict, early", () => {
  it("the second encounter's header shows the apixaban hard stop, and its still-open list has it before the time-out", async () => {
    render(<EncounterScreen encounterId={second} />);
    await coreSettled();
    const header = screen.getByRole('region', { name: 'Patient facts' });
    const alert = within(header).getByRole('alert');
    expect(alert.textContent).toContain('Anticoagulant hard stop.');
    expect(alert.textContent).toContain('Apixaban: Too recent: hard stop');
    expect(within(header).getByText(/^Apixaban, last dose /)).toBeTruthy();
    expect(within(header).getByText(/Planned start:/).parentElement!.textContent).toContain('not entered');
    const stillOpen = screen.getByRole('list', { name: 'Still open' });
    expect(within(stillOpen).getAllByRole('listitem')[0]!.textContent).toMatch(/^Apixaban: Too recent: hard stop/);
  });

  it('a nurse records an allergy by its labels, and confirms the facts for this encounter', async () => {
    render(<EncounterScreen encounterId={second} />);
    await coreSettled();
    const user = userEvent.setup();
    const header = screen.getByRole('region', { name: 'Patient facts' });
    expect(within(header).getByText('Not yet confirmed for this encounter.')).toBeTruthy();
    const form = within(header).getByRole('form', { name: 'Record a patient fact' });
    await user.selectOptions(within(form).getByLabelText('Category'), 'Iodine or chlorhexidine');
    await user.type(within(form).getByLabelText('Agent'), 'Chlorhexidine');
    await user.type(within(form).getByLabelText('Reaction'), 'Contact dermatitis');
    await user.selectOptions(within(form).getByLabelText('Severity'), 'mild');
    await user.click(within(form).getByRole('button', { name: 'Save patient fact' }));
    await coreSettled();
    expect(within(header.querySelector('dl')!).getByText('Chlorhexidine (iodine or chlorhexidine): Contact dermatitis, mild')).toBeTruthy();

    await user.click(within(header).getByRole('button', { name: 'Confirm patient facts' }));
    await coreSettled();
    expect(within(header).getByText(/^Confirmed for this encounter by Nina Nurse at /)).toBeTruthy();
    const stored = await api().call('patientFacts.get', { encounterId: second });
    expect(stored.confirmations).toHaveLength(1);
    expect(stored.confirmations[0]!.factIds).toHaveLength(2);
    // Recorded once: the first encounter sees the allergy too, unconfirmed there.
    expect((await api().call('patientFacts.get', { encounterId: first })).facts.map((f) => f.entry.kind)).toEqual(['antithrombotic', 'allergy']);
  });

  it('both worklist rows carry the hard stop', async () => {
    const rows: WorklistRow[] = await api().call('encounter.list', { date: plannedDate, query: family });
    expect(rows).toHaveLength(2);
    render(<table><WorklistRows rows={rows} /></table>);
    for (const row of screen.getAllByRole('row')) {
      expect(within(row).getByText('Anticoagulant hard stop')).toBeTruthy();
      expect(within(row).getByText('Apixaban')).toBeTruthy();
    }
  });
});
