import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { signInAs } from '../testing/session';
import { EncounterScreen } from './EncounterScreen';

beforeAll(async () => { await signInAs('nurseSession'); });
afterEach(cleanup);

describe("correcting the patient's details from the plan (against the real core over HTTP)", () => {
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

  it("records the payer; the coverage line then reads that payer's rules and no longer says none is recorded", async () => {
    const encounterId = await nurseWithPreProcedureEncounter({ mrn: `PP-${Date.now()}`, familyName: 'Osei', givenName: 'Kwame', birthDate: '1961-01-20', sex: 'male' }, ['L4-L5']);
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const user = userEvent.setup();
    const line = () => screen.getByRole('region', { name: 'Coverage readiness' }).querySelector('summary')!.textContent;
    expect(line()).toMatch(/^Coverage readiness \(payer not recorded\): Medicare ESI \(L33906\)/);
    await user.click(screen.getByRole('tab', { name: /^Patient & plan/ }));
    await user.click(screen.getByRole('button', { name: "Change the payer (now Not recorded (Medicare's coverage rules are shown))" }));
    const form = screen.getByRole('form', { name: 'Payer' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Payer'));
    await user.selectOptions(within(form).getByLabelText('Payer'), 'evicore');
    await user.click(within(form).getByRole('button', { name: 'Save payer' }));
    await coreSettled();
    expect(screen.getByRole('button', { name: 'Change the payer (now A plan managed by eviCore)' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: /^Pre-procedure/ }));
    await coreSettled();
    expect(line()).toMatch(/^Coverage readiness: eviCore ESI \(CMM-200\)/);
  });
});
