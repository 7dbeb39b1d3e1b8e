// The intake's earlier versions (every change knows who and when), against the real core: after two
// saves the dialog lists the first one under the form, as the note's History would show it.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '#shared/contract/intake';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

afterEach(cleanup);

const intake = (painScore: number, goals: string): IntakeInput => ({
  symptoms: [], painScore, functionMeasure: null, therapies: [], imaging: [], neuro: { findings: '', deficit: null }, goals, questions: '',
});

describe("the intake's earlier versions", () => {
  it('are listed under the form, oldest last, each with who and when and what it held', async () => {
    const encounterId = await nurseWithPreProcedureEncounter({ mrn: `IV-${Date.now()}`, familyName: 'Haddad', givenName: 'Rami', birthDate: '1971-08-03', sex: 'male' }, ['L5-S1']);
    const patientId = (await api().call('encounter.get', { encounterId })).patient.id;
    const first = await api().call('intake.record', { patientId, intake: intake(8, 'Sleep through the night.'), replacesId: null });
    const second = await api().call('intake.record', { patientId, intake: intake(6, 'Sit through a film.'), replacesId: first.id });
    await api().call('intake.record', { patientId, intake: intake(4, 'Return to work.'), replacesId: second.id });
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const user = userEvent.setup();
    expect(screen.getByText(/^Intake: recorded by .* \(version 3\)$/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open the intake ▸' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByText('Earlier versions of the intake (2)'));
    const items = within(dialog).getAllByRole('listitem').filter((li) => li.querySelector('summary')?.textContent?.startsWith('Version'));
    expect(items.map((li) => li.querySelector('summary')!.textContent)).toEqual([
      expect.stringMatching(/^Version 2: recorded by .* \(nurse\) at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      expect.stringMatching(/^Version 1: recorded by .* \(nurse\) at /),
    ]);
    await user.click(items[1]!.querySelector('summary')!);
    expect(within(items[1]!).getByText('8/10')).toBeTruthy();
    expect(within(items[1]!).getByText('Sleep through the night.')).toBeTruthy();
    expect(within(items[1]!).getByText(new RegExp(`version ${first.id}$`))).toBeTruthy();
  });
});
