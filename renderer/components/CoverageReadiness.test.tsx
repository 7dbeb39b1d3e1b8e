// Coverage readiness in the pre-procedure part (issue 20 point 2), against the real core:
// one line with the policy and its counts, a fold listing each rule with its status, what
// is missing and its source, a copy button putting the documentation summary on the
// clipboard, and the summary kept for paper.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

afterEach(cleanup);

const patient = (mrn: string) => ({ mrn: `${mrn}-${Date.now()}`, familyName: 'Okafor', givenName: 'Chidi', birthDate: '1958-07-09', sex: 'male' as const });

describe('coverage readiness line', () => {
  it('shows the counts in one line; the fold lists each rule, what is missing and its source; the summary copies', async () => {
    const encounterId = await nurseWithPreProcedureEncounter(patient('COV'), ['L4-L5', 'L5-S1']);
    const user = userEvent.setup();
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();

    const region = screen.getByRole('region', { name: 'Coverage readiness' });
    const summaryLine = region.querySelector('summary')!;
    expect(summaryLine.textContent).toBe('Coverage readiness (payer not recorded): Medicare ESI (L33906): 2 met · 0 not met · 4 unknown · 1 does not apply ▸');
    expect(region.querySelector('details')!.open).toBe(false);

    await user.click(summaryLine);
    expect(region.querySelector('details')!.open).toBe(true);
    const rules = within(region).getAllByRole('listitem').filter((li) => li.classList.contains('coverage-rule'));
    expect(rules).toHaveLength(7);
    const levels = rules.find((li) => li.textContent.includes('In one session'))!;
    expect(levels.textContent).toContain('Met: In one session: transforaminal at no more than 2 levels per region');
    expect(levels.textContent).toContain('2 levels planned (L4-L5, L5-S1).');
    expect(levels.querySelector('.coverage-missing')).toBeNull();
    const repeat = rules.find((li) => li.textContent.includes('A repeat injection'))!;
    expect(repeat.textContent).toContain('Does not apply: A repeat injection');
    const pain = rules.find((li) => li.textContent.includes('Pain for at least 4 weeks'))!;
    expect(pain.textContent).toContain('Unknown:');
    expect(pain.textContent).toContain('Missing: No intake recorded.');
    // The source chip: L33906 is known through a secondary summary.
    expect(within(pain).getByText('secondary source')).toBeTruthy();
    expect(within(pain).getByText(/Local Coverage Determination L33906/)).toBeTruthy();
    expect(within(region).getByText(/No intake is recorded for this patient yet/)).toBeTruthy();

    const stored = await api().call('coverage.readiness', { encounterId });
    await user.click(within(region).getByRole('button', { name: 'Copy documentation summary' }));
    expect(await navigator.clipboard.readText()).toBe(stored.summary);
    expect(stored.summary).toBe('No intake recorded. Medicare LCD L33906: 2 of 6 criteria documented; missing: no intake recorded.');
    expect(within(region).getByRole('status').textContent).toContain('Documentation summary copied.');
    // The paragraph kept for the print stylesheet holds the same summary.
    expect(region.querySelector('.coverage-print')!.textContent).toBe(stored.summary);
  });

  it('shows nothing for a procedure no payer rule set covers', async () => {
    const encounterId = await nurseWithPreProcedureEncounter(patient('COV0'), ['L4-L5']);
    // The same patient's trigger-point injection: no payer rules in the library.
    const { patientId } = (await api().call('encounter.get', { encounterId })).encounter;
    const tpi = await api().call('encounter.create', { patientId, templateId: 'trigger-point-injection', levels: [], laterality: null, plannedDate: '2026-11-24', indication: 'Myofascial pain.' });
    render(<EncounterScreen encounterId={tpi.id} />);
    await coreSettled();
    // The pre-procedure part is the one shown, where the line would be.
    expect(screen.getByRole('heading', { name: /^Now: Scheduled/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Coverage readiness' })).toBeNull();
  });
});
