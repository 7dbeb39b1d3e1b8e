// One-click patient facts (issue 18 point 4), against the real core: "Not diabetic" records the
// diabetes fact the long form records, and the diabetic items are no longer shown; "No known
// allergies" confirms the patient's facts, which answers the allergy items; "Cannot be pregnant"
// records pregnancy potential, which (confirmed) answers the pregnancy item.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentFacts } from '#shared/contract/patient-facts';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';
beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `QF-${Date.now()}`, familyName: 'Haddad', givenName: 'Lina', birthDate: '1962-02-20', sex: 'female' }, ['L4-L5']);
});
afterEach(cleanup);

describe('one-click patient facts', () => {
  it('each answer is one click and records what the long form records; "Not diabetic" hides the diabetic items', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const quick = screen.getByRole('group', { name: 'Common answers, one click each' });
    expect(screen.getAllByRole('checkbox', { name: /^Diabetic patients/ }).length).toBeGreaterThan(0);

    await userEvent.click(within(quick).getByRole('button', { name: 'Not diabetic' }));
    await coreSettled();
    expect(screen.queryByRole('checkbox', { name: /^Diabetic patients/ })).toBeNull();
    await userEvent.click(within(quick).getByRole('button', { name: 'Cannot be pregnant' }));
    await coreSettled();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm patient facts' }));
    await coreSettled();

    const facts = (await api().call('encounter.get', { encounterId })).patientFacts;
    expect(currentFacts(facts.facts).map((f) => f.entry)).toEqual([
      { kind: 'diabetes', data: { status: 'none', note: '' } },
      { kind: 'pregnancy', data: { status: 'not-applicable', note: '' } },
    ]);
    expect(facts.confirmations.at(-1)!.factIds).toHaveLength(2);
    // The confirmed facts answer the allergy and pregnancy items: shown as recorded, no tick.
    for (const label of ['Latex allergy asked about and recorded', 'Pregnancy status asked about and recorded (X-ray imaging)']) {
      const box = screen.getByRole<HTMLInputElement>('checkbox', { name: label });
      expect(box.checked, label).toBe(true);
      expect(within(box.closest('li')!).getByRole('note').textContent).toMatch(/^Recorded with the patient's facts, confirmed at /);
    }
  });
});
