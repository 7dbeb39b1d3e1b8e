// The intake form (issue 20, points 1 and 6), against the real core: opened from the
// pre-procedure part; a relief over 100 % (the form's own check with the contract's schema)
// and an onset before the patient's birth (the core's check) are each shown beside their field,
// tied to it by aria-describedby, and nothing is saved; once corrected it saves, and the
// part's one line says who recorded it.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';
beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `IN-${Date.now()}`, familyName: 'Okafor', givenName: 'Ada', birthDate: '1962-02-20', sex: 'female' }, ['L4-L5']);
});
afterEach(cleanup);

/** The error the field names in aria-describedby, or null when it names none. */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'))?.textContent ?? null;
}

describe('the intake form', () => {
  it('shows each refusal beside its field, saves nothing until all are right, then saves one version', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const user = userEvent.setup();
    const patientId = (await api().call('encounter.get', { encounterId })).patient.id;
    const versions = async () => (await api().call('intake.history', { patientId })).versions;
    expect(screen.getByText('Intake: not recorded yet')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Record the intake ▸' }));
    const form = screen.getByRole('form', { name: 'Patient intake' });
    expect(within(form).getByText(/The fact base names no validated function measure: needs clinical review/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Add a symptom' }));
    const symptom = within(form).getByRole('group', { name: 'Symptom 1' });
    await user.type(within(symptom).getByLabelText('Symptom'), 'Aching low back');
    await user.type(within(symptom).getByLabelText('Where'), 'Lumbar');
    await user.type(within(symptom).getByLabelText(/Onset/), '1960-01-01');
    await user.click(within(form).getByRole('button', { name: 'Add a therapy' }));
    const therapy = within(form).getByRole('group', { name: 'Therapy 1' });
    await user.selectOptions(within(therapy).getByLabelText('Type'), 'injection');
    await user.type(within(therapy).getByLabelText('What it was'), 'Lumbar ESI');
    await user.type(within(therapy).getByLabelText('Injection procedure'), 'L4-L5 interlaminar ESI');
    await user.type(within(therapy).getByLabelText(/Injection date/), '2026-03-02');
    await user.type(within(therapy).getByLabelText('% relief'), '101');
    await user.click(within(form).getByRole('button', { name: 'Save intake' }));
    await coreSettled();

    // The form's own check: the relief, beside its field; nothing sent.
    expect(errorOf(within(therapy).getByLabelText('% relief'))).toBe('the % relief cannot be above 100');
    expect(within(form).getByRole('alert').textContent).toMatch(/Nothing was saved/);
    expect(await versions()).toEqual([]);

    // The core's check: an onset before the birth date, beside the onset field; still nothing saved.
    await user.clear(within(therapy).getByLabelText('% relief'));
    await user.type(within(therapy).getByLabelText('% relief'), '70');
    await user.click(within(form).getByRole('button', { name: 'Save intake' }));
    await coreSettled();
    expect(errorOf(within(symptom).getByLabelText(/Onset/))).toBe("1960-01-01 is before the patient's birth date (1962-02-20)");
    expect(errorOf(within(therapy).getByLabelText('% relief'))).toBeNull();
    expect(await versions()).toEqual([]);

    await user.clear(within(symptom).getByLabelText(/Onset/));
    await user.type(within(symptom).getByLabelText(/Onset/), '2026-01-10');
    await user.click(within(form).getByRole('button', { name: 'Save intake' }));
    await coreSettled();
    const saved = await versions();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.intake.therapies[0]!.injection).toEqual({ procedure: 'L4-L5 interlaminar ESI', date: '2026-03-02', percentRelief: 70, reliefWeeks: null });
    expect(screen.queryByRole('form', { name: 'Patient intake' })).toBeNull();
    expect(screen.getByText(/^Intake: recorded by .* at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toBeTruthy();
  });
});
