import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { signInAs } from '../testing/session';
import { EncounterScreen } from './EncounterScreen';

const PHYSICIAN = { name: 'Dr Pat Physician', role: 'physician' } as const;
let encounterId = '';

beforeAll(async () => {
  await signInAs('physicianSession');
  const patient = await api().call('patient.create', { mrn: `BR-${Date.now()}`, familyName: 'Lindqvist', givenName: 'Åsa', birthDate: '1950-04-02', sex: 'female' });
  const encounter = await api().call('encounter.create', {
    patientId: patient.id, templateId: 'peripheral-nerve-block', levels: [], laterality: 'left', plannedDate: '2026-11-24', indication: 'Chest wall pain after thoracotomy.',
  });
  encounterId = encounter.id;
  // The anticoagulant part shows from the pre-procedure phase; clopidogrel taken 2 days ago.
  await api().call('encounter.advance', { encounterId, to: 'pre-procedure' });
  await api().call('encounter.addRecord', { encounterId, record: { kind: 'anticoagulant', data: { drugId: 'clopidogrel', lastDoseAt: new Date(Date.now() - 2 * 86_400_000).toISOString() } } });
});
afterEach(cleanup);

const section = async () => (await screen.findByRole('heading', { name: /^Bleeding-risk class:/ })).closest('section')!;

describe('bleeding-risk class on the encounter (against the real core over HTTP)', () => {
  it('a physician raises it with class, reason and text from the keyboard; the check follows; then voids it', async () => {
    await signInAs('physicianSession');
    render(<EncounterScreen encounterId={encounterId} />);
    const user = userEvent.setup();
    let box = await section();
    expect(within(box).getByRole('heading').textContent).toBe('Bleeding-risk class: Low');
    expect(within(box).getByText("Procedure template's class: Low (ASRA 2018)")).toBeTruthy();
    // Clopidogrel continues at low risk: no hard stop yet.
    expect(screen.queryByText('Hard stop: do not start the procedure.')).toBeNull();

    const form = within(box).getByRole('form', { name: 'Raise bleeding-risk class' });
    // Nothing chosen: the form says what is missing and sends nothing.
    await user.click(within(form).getByRole('button', { name: 'Raise bleeding-risk class' }));
    expect(within(form).getByText('Choose the class to raise to.')).toBeTruthy();
    expect((await api().call('encounter.get', { encounterId })).bleedingRiskRaises).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Raise to'), 'High');
    await user.selectOptions(within(form).getByLabelText('Reason'), 'Deep or paravertebral block');
    expect(within(form).getByText(/paravertebral, deep plexus, deep peripheral/)).toBeTruthy();
    await user.type(within(form).getByLabelText('Details (shown in the note)'), 'Thoracic paravertebral block at T5.{Enter}');

    await waitFor(async () => expect((await section()).querySelector('h3')!.textContent).toBe('Bleeding-risk class: High'));
    box = await section();
    expect(within(box).getByText(/^Raised to High by Dr Pat Physician \(physician\), .*: Deep or paravertebral block\. Thoracic paravertebral block at T5\.$/)).toBeTruthy();
    // The anticoagulant check now judges clopidogrel against the high class: a hard stop.
    expect(screen.getByText('Hard stop: do not start the procedure.')).toBeTruthy();
    const stored = await api().call('encounter.get', { encounterId });
    expect(stored.bleedingRiskRaises).toEqual([expect.objectContaining({ fromClass: 'low', toClass: 'high', reasonCategory: 'deep-or-paravertebral-block', by: PHYSICIAN, voided: null })]);
    // High is the top: no class is left to raise to.
    expect(within(box).getByText(/already High, the highest/)).toBeTruthy();

    await user.click(within(box).getByRole('button', { name: 'Void the raise to High' }));
    await user.type(within(box).getByLabelText('Reason for voiding'), 'Raised on the wrong encounter.{Enter}');
    await waitFor(async () => expect((await section()).querySelector('h3')!.textContent).toBe('Bleeding-risk class: Low'));
    expect((await api().call('encounter.get', { encounterId })).bleedingRiskRaises[0]!.voided).toMatchObject({ reason: 'Raised on the wrong encounter.', by: PHYSICIAN });
    // The voided raise stays in sight, with who voided it and why.
    expect(within(await section()).getByText('Voided raises (1)')).toBeTruthy();
    expect(within(await section()).getByText(/voided by Dr Pat Physician, .*Reason: Raised on the wrong encounter\.$/)).toBeTruthy();
  });

  it('a nurse sees the class and why, read-only', async () => {
    await signInAs('nurseSession');
    render(<EncounterScreen encounterId={encounterId} />);
    const box = await section();
    expect(within(box).getByText('Only a physician can raise the bleeding-risk class.')).toBeTruthy();
    expect(within(box).queryByRole('form', { name: 'Raise bleeding-risk class' })).toBeNull();
    expect(within(box).queryByRole('button', { name: /^Void/ })).toBeNull();
  });
});
