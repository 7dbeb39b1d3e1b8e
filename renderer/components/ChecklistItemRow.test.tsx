import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useChecklist } from '../stores/checklist';
import { useSession } from '../stores/session';
import { coreClient, coreSettled } from '../testing/core-calls';
import { EncounterScreen } from './EncounterScreen';

const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;
const signedIn = () => setSessionToken(inject('nurseSession'));
const realClient = () => coreClient();
let encounterId = '';

beforeAll(async () => {
  setClient(realClient());
  signedIn();
  const session = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: session.session!.user });
  const patient = await api().call('patient.create', {
    mrn: `R-${Date.now()}`, familyName: 'Ólafsdóttir', givenName: 'Guðrún', birthDate: '1980-01-31', sex: 'female',
  });
  const encounter = await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Axial low back pain.',
  });
  encounterId = encounter.id;
});
afterEach(() => {
  cleanup();
  setClient(realClient());
});

/** The risk's row once the screen has loaded the encounter from the core and the Consent part (where the risks are) shows. */
async function itemRow(label: string): Promise<HTMLElement> {
  await coreSettled();
  await userEvent.click(screen.getByRole('tab', { name: /^Consent/ }));
  return screen.getByRole('checkbox', { name: label }).closest('li')!;
}

describe('checklist item (against the real core over HTTP)', () => {
  it('shows "Saved" only after the core has stored the change, and the store agrees with the database', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    const row = await itemRow('Infection');
    const box = within(row).getByRole('checkbox', { name: 'Infection' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await userEvent.click(box);
    await coreSettled();
    expect(within(row).getByText(/^Saved /)).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(true);
    // The change joins the item's visible history with who made it.
    expect(within(row).getByText('History (1)')).toBeTruthy();
    expect(within(row).getByText(/Nina Nurse \(nurse\) set checked/)).toBeTruthy();
    const stored = await api().call('encounter.get', { encounterId });
    expect(stored.items.find((i) => i.itemId === 'infection')).toMatchObject({ status: 'checked', updatedBy: NURSE });
  });

  it('marks an item not applicable only with a reason, from the keyboard', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    const row = await itemRow('Bleeding and local hematoma');
    await userEvent.click(within(row).getByRole('button', { name: 'Not applicable: Bleeding and local hematoma' }));
    const confirm = within(row).getByRole('button', { name: 'Confirm not applicable' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.keyboard('Reviewed with cardiology{Enter}');
    await coreSettled();
    expect(within(row).getByText(/Not applicable: Reviewed with cardiology/)).toBeTruthy();
    const stored = await api().call('encounter.get', { encounterId });
    expect(stored.items.find((i) => i.itemId === 'bleeding')).toMatchObject({ status: 'not-applicable', reason: 'Reviewed with cardiology' });
  });

  it('is one line: the evidence chip and "Not applicable…" beside the label, its words, sources and history in one Details fold', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await itemRow('Infection');
    // A risk whose evidence needs clinical review: its chip stays on screen, outside any fold.
    const chip = within(document.querySelector<HTMLElement>('#section-risks')!).getAllByText('needs clinical review')[0]!;
    const row = chip.closest('li')!;
    const label = row.querySelector('label')!.textContent;
    expect(chip.closest('details')).toBeNull();
    // One fold per item, named for it, holding the sources.
    const fold = within(row).getByText('Details', { selector: 'summary' }).closest('details')!;
    expect(fold.querySelector('summary')!.getAttribute('aria-label')).toBe(`Details of ${label}`);
    expect(row.querySelectorAll(':scope > details')).toHaveLength(1);
    expect(within(row).getByText('Sources').closest('details')).toBe(fold);
    expect(within(row).getByRole('button', { name: `Not applicable: ${label}` }).closest('details')).toBeNull();
    await userEvent.click(within(row).getByRole('checkbox', { name: label }));
    await coreSettled();
    // The change's history joins the same fold.
    expect(within(row).getByText(/^History \(\d+\)$/).closest('details')).toBe(fold);
  });

  it('never shows a change as saved when the core did not store it', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    const row = await itemRow('Temporary discomfort');
    // The host goes away (process died): the next click cannot be stored.
    act(() => setClient(coreClient('http://127.0.0.1:9')));
    const box = within(row).getByRole('checkbox', { name: 'Temporary discomfort' });
    await userEvent.click(box);
    await coreSettled();
    expect(within(row).getByRole('alert').textContent).toMatch(/Not saved/);
    expect(within(row).queryByText(/^Saved /)).toBeNull();
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(useChecklist.getState().items['temporary-discomfort']).toBeUndefined();
  });
});
