import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EncounterRecord } from '#shared/contract/encounter-records';
import { AldreteForm } from './AldreteForm';
import { RecordHistory } from './RecordHistory';
import { TimeOutForm } from './TimeOutForm';
import { VitalsForm } from './VitalsForm';

afterEach(cleanup);

const ok = () => vi.fn(() => Promise.resolve(null));

describe('VitalsForm', () => {
  it('sends null for empty fields and the chosen pain score, from the keyboard, then clears', async () => {
    const onSubmit = ok();
    render(<VitalsForm phase="pre-procedure" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Vitals (pre-procedure)' });
    expect(within(form).getByRole('heading', { name: /Vitals and pain score.*pre-procedure/ })).toBeTruthy();

    await user.type(within(form).getByLabelText('Systolic BP (mmHg)'), '128');
    await user.type(within(form).getByLabelText('Diastolic BP (mmHg)'), '82');
    await user.click(within(form).getByRole('radio', { name: '6' }));
    await user.type(within(form).getByLabelText('Note'), ' anxious {Enter}');

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      phase: 'pre-procedure',
      systolic: 128,
      diastolic: 82,
      heartRate: null,
      spo2: null,
      respiratoryRate: null,
      painScore: 6,
      note: 'anxious',
    });
    expect(within(form).getByLabelText<HTMLInputElement>('Systolic BP (mmHg)').value).toBe('');
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: '6' }).checked).toBe(false);
  });

  it('shows errors from the callback next to the matching field, and form errors in an alert', async () => {
    const onSubmit = vi.fn(() => Promise.resolve({ 'record.data.heartRate': 'heart rate is at most 250', form: 'The encounter has moved on.' }));
    render(<VitalsForm phase="recovery" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const heartRate = screen.getByLabelText('Heart rate (beats/min)');
    await user.type(heartRate, '400');
    await user.click(screen.getByRole('button', { name: 'Record vitals' }));

    expect(heartRate.getAttribute('aria-invalid')).toBe('true');
    expect(heartRate.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(heartRate.getAttribute('aria-describedby')!)?.textContent).toBe('heart rate is at most 250');
    expect(screen.getByRole('alert').textContent).toContain('The encounter has moved on.');
    // Not cleared: the entry stays to be corrected.
    expect((heartRate as HTMLInputElement).value).toBe('400');
  });

  it('refuses a value that is not a whole number without calling back', async () => {
    const onSubmit = ok();
    render(<VitalsForm phase="procedure" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('SpO2 (%)'), '9x{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/SpO2: enter a whole number/)).toBeTruthy();
  });
});

describe('TimeOutForm', () => {
  const team = [{ name: 'Dr Ada Reyes', role: 'physician' }];

  it('requires the password, then sends the participants with it', async () => {
    const onSubmit = ok();
    render(<TimeOutForm defaultParticipants={team} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Time-out sign-off' });
    expect(within(form).getByText(/Everyone introduces themselves by name and role/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Add person' }));
    // The new row's name field has the focus: type straight into it, tab to the role.
    expect(document.activeElement).toBe(within(form).getByLabelText('Name of person 2'));
    await user.keyboard('Sam Okafor');
    await user.tab();
    await user.keyboard('nurse');

    await user.click(within(form).getByRole('button', { name: 'Sign the time-out' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const password = within(form).getByLabelText('Your password (signs the time-out)');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);

    await user.type(password, 'correct horse{Enter}');
    expect(onSubmit).toHaveBeenCalledWith(
      { participants: [{ name: 'Dr Ada Reyes', role: 'physician' }, { name: 'Sam Okafor', role: 'nurse' }] },
      'correct horse',
    );
    // Reset to the default list after signing.
    expect(within(form).queryByLabelText('Name of person 2')).toBeNull();
    expect((password as HTMLInputElement).value).toBe('');
  });

  it('removes a person and shows the list error next to the list', async () => {
    const onSubmit = vi.fn(() => Promise.resolve({ 'record.data.participants': 'a time-out involves the team: name at least two people' }));
    render(<TimeOutForm defaultParticipants={[...team, { name: 'Sam Okafor', role: 'nurse' }]} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Sam Okafor' }));
    await user.type(screen.getByLabelText('Your password (signs the time-out)'), 'pw{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ participants: [team[0]] }, 'pw');
    expect(screen.getByText('a time-out involves the team: name at least two people')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('AldreteForm', () => {
  it('updates the total live and sends all five scores', async () => {
    const onSubmit = ok();
    render(<AldreteForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Aldrete score' });
    expect(within(form).getByText(/Discharge threshold: 9 or more/)).toBeTruthy();
    // The Aldrete criteria rest on an AI-generated summary alone: no verified primary source, so they need review.
    // So are the words beside each score, which the reference does not give: two badges, both "needs clinical review".
    expect(within(form).getAllByText('needs clinical review')).toHaveLength(2);
    expect(within(form).queryByText('secondary source')).toBeNull();
    // Each score carries its words (issue 18: bare 0/1/2 buttons had none).
    const activity = within(screen.getByRole('group', { name: 'Activity' }));
    expect(activity.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      '2 Moves all four limbs, on purpose or when asked', '1 Moves two limbs', '0 Moves no limbs',
    ]);
    expect(within(screen.getByRole('group', { name: 'Consciousness' })).getByRole('radio', { name: '1 Wakes when called' })).toBeTruthy();
    expect(form.textContent).toContain('No verified primary source: the Aldrete recovery score');
    expect(within(form).getByText('Total: 0 of 10')).toBeTruthy();

    const score = async (legend: string, n: number) => user.click(within(screen.getByRole('group', { name: legend })).getByRole('radio', { name: new RegExp(`^${n} `) }));
    await score('Activity', 2);
    await score('Respiration', 2);
    expect(within(form).getByText('Total: 4 of 10')).toBeTruthy();

    // Incomplete: nothing is sent and the missing components say so.
    await user.click(within(form).getByRole('button', { name: 'Record Aldrete score' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(form).getByText(/Score circulation/)).toBeTruthy();

    await score('Circulation', 2);
    await score('Consciousness', 1);
    await score('Oxygen saturation (SpO2)', 2);
    expect(within(form).getByText('Total: 9 of 10')).toBeTruthy();
    expect(within(form).getByText(/meets the discharge threshold/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Record Aldrete score' }));
    expect(onSubmit).toHaveBeenCalledWith({ activity: 2, respiration: 2, circulation: 2, consciousness: 1, oxygenSaturation: 2 });
    expect(within(form).getByText('Total: 0 of 10')).toBeTruthy();
  });
});

describe('RecordHistory', () => {
  const nurse = { name: 'Sam Okafor', role: 'nurse' as const };
  const records: EncounterRecord[] = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      at: '2026-03-09T13:00:00.000Z',
      by: nurse,
      voided: { at: '2026-03-09T13:05:00.000Z', by: nurse, reason: 'wrong patient chart' },
      entry: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 182, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6, note: '' } },
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      at: '2026-03-09T13:06:00.000Z',
      by: nurse,
      voided: null,
      entry: { kind: 'vitals', data: { phase: 'pre-procedure', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, painScore: 6, note: '' } },
    },
    {
      id: '00000000-0000-4000-8000-000000000003',
      at: '2026-03-09T13:10:00.000Z',
      by: nurse,
      voided: null,
      entry: { kind: 'anticoagulant', data: { drugId: 'clopidogrel', lastDoseAt: '2026-03-02T09:00:00.000Z' } },
    },
  ];

  it('lists newest first, strikes through voided records and sends the reason', async () => {
    const onVoid = ok();
    render(<RecordHistory records={records} onVoid={onVoid} timeZone="UTC" />);
    const user = userEvent.setup();
    const history = screen.getByRole('region', { name: 'Record history' });
    const items = within(history).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Clopidogrel, last dose 2026-03-02 09:00');
    expect(items[1]!.textContent).toContain('BP 128/82, HR 72, SpO2 98%, RR 14, pain 6/10 (pre-procedure)');
    expect(items[1]!.textContent).toContain('Recorded by Sam Okafor (nurse), 2026-03-09 13:06');

    const voided = within(items[2]!).getByText(/BP 182\/82/);
    expect(voided.tagName).toBe('DEL');
    expect(items[2]!.textContent).toContain('Voided by Sam Okafor (nurse), 2026-03-09 13:05');
    expect(items[2]!.textContent).toContain('wrong patient chart');
    expect(within(items[2]!).queryByRole('button', { name: /Void/ })).toBeNull();

    await user.click(within(items[1]!).getByRole('button', { name: /Void vitals/ }));
    const reason = within(items[1]!).getByLabelText('Reason for voiding');
    expect(document.activeElement).toBe(reason);
    await user.keyboard('typo{Enter}');
    expect(onVoid).not.toHaveBeenCalled();
    expect(reason.getAttribute('aria-invalid')).toBe('true');

    await user.clear(reason);
    await user.keyboard('entered twice{Enter}');
    expect(onVoid).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000002', 'entered twice');
    expect(within(items[1]!).queryByLabelText('Reason for voiding')).toBeNull();
  });

  it('shows a refusal from the callback beside the reason', async () => {
    const onVoid = vi.fn(() => Promise.resolve({ reason: 'give the reason in a few words', form: 'Already voided.' }));
    render(<RecordHistory records={records.slice(1, 2)} onVoid={onVoid} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Void vitals/ }));
    await user.keyboard('duplicate entry{Enter}');
    expect(screen.getByText('give the reason in a few words')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Already voided.');
    expect(screen.getByLabelText('Reason for voiding')).toBeTruthy();
  });
});
