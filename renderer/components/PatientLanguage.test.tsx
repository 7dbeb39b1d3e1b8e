import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { EncounterScreen } from './EncounterScreen';

beforeAll(async () => { await signInAs('nurseSession'); });
afterEach(cleanup);

describe("correcting the patient's preferred language (against the real core over HTTP)", () => {
  it('is changed from the patient and plan part; the teach-back follows it and the core keeps it', async () => {
    const mrn = `PL-${Date.now()}`;
    const patient = await api().call('patient.create', { mrn, familyName: 'Nguyen', givenName: 'Lan', birthDate: '1958-09-12', sex: 'female', language: 'en' });
    const { id } = await api().call('encounter.create', {
      patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
    });
    render(<EncounterScreen encounterId={id} />);
    await coreSettled();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: /^Patient & plan/ }));
    await user.click(screen.getByRole('button', { name: 'Change the preferred language (now English)' }));
    const form = screen.getByRole('form', { name: 'Preferred language' });
    const save = within(form).getByRole('button', { name: 'Save language' });
    expect((save as HTMLButtonElement).disabled).toBe(true); // nothing changed yet
    await user.selectOptions(within(form).getByLabelText('Preferred language'), 'es');
    await user.click(save);
    await coreSettled();
    expect(screen.queryByRole('form', { name: 'Preferred language' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change the preferred language (now Spanish (Español))' })).toBeTruthy();
    expect((await api().call('patient.search', { query: mrn }))[0]!.language).toBe('es');
    // The consent's teach-back now offers the patient's language.
    await user.click(screen.getByRole('tab', { name: /^Consent/ }));
    expect(screen.getByText(/Show in the patient's language \(Español\)/)).toBeTruthy();
  });
});
