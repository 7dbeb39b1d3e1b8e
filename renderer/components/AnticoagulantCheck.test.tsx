import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RiskClass } from '#shared/clinical/anticoagulant-table';
import { NO_RISK_FACTORS, checkAnticoagulants, effectiveRiskClass, type PatientRiskFactors } from '#shared/domain/anticoagulant-check';
import { AnticoagulantCheck, type AnticoagulantCheckEntry } from './AnticoagulantCheck';

const ZONE = 'America/New_York';
const PLANNED = '2026-03-09T13:00:00Z'; // Mon 9 Mar 09:00 EDT, the day after spring forward

afterEach(cleanup);

/** The component with real shared calculations; the harness plays the caller (a store would). */
function Harness({
  initial = [],
  base = 'intermediate',
  disabled = false,
  onAdd,
}: {
  initial?: AnticoagulantCheckEntry[];
  base?: RiskClass;
  disabled?: boolean;
  onAdd?: (e: { drugId: string; lastDoseAt: string; renalImpaired: boolean }) => void;
}) {
  const [entries, setEntries] = useState(initial);
  const [factors, setFactors] = useState<PatientRiskFactors>(NO_RISK_FACTORS);
  const risk = effectiveRiskClass(base, factors);
  const result = checkAnticoagulants({ entries, riskClass: risk.riskClass, plannedStartAt: PLANNED, timeZone: ZONE });
  return (
    <AnticoagulantCheck
      entries={entries}
      result={result}
      risk={risk}
      factors={factors}
      timeZone={ZONE}
      disabled={disabled}
      onAdd={(e) => {
        onAdd?.(e);
        setEntries((list) => [...list, { id: `e${list.length + 1}`, ...e }]);
      }}
      onRemove={(id) => setEntries((list) => list.filter((x) => x.id !== id))}
      onFactorsChange={setFactors}
    />
  );
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!;

describe('AnticoagulantCheck', () => {
  it('adds a drug from the keyboard, reading the last dose in the clinic time zone', async () => {
    const onAdd = vi.fn();
    render(<Harness onAdd={onAdd} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Drug' }), 'Clopidogrel');
    await user.tab();
    const lastDose = screen.getByLabelText(/Last dose \(clinic time, America\/New_York\)/);
    expect(document.activeElement).toBe(lastDose);
    // jsdom has no date picker to type into; set the value as the picker would.
    fireEvent.change(lastDose, { target: { value: '2026-03-05T09:00' } });
    await user.keyboard('{Enter}');
    // 09:00 EST is 14:00Z.
    expect(onAdd).toHaveBeenCalledWith({ drugId: 'clopidogrel', lastDoseAt: '2026-03-05T14:00:00.000Z', renalImpaired: false });
    const row = rowOf('Clopidogrel');
    expect(within(row).getByText('2026-03-05 09:00')).toBeTruthy();
    expect(within(row).getByText('2026-03-12 10:00')).toBeTruthy();
    expect(within(row).getByText('Too recent: hard stop')).toBeTruthy();
    expect(within(row).getByText('needs clinical review')).toBeTruthy();
    expect(within(row).getByText(/^Sources differ:/)).toBeTruthy();
    // The form is ready for the next drug, focus back on the drug list.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Drug' }));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Drug' }).value).toBe('');
  });

  it('shows a hard stop as a prominent alert, naming the drug and its earliest safe start', () => {
    render(<Harness initial={[{ id: 'w', drugId: 'warfarin', lastDoseAt: '2026-03-06T23:00:00Z' }]} />);
    const alert = screen.getByRole('alert');
    expect(alert.className).toBe('hard-stop');
    expect(alert.textContent).toMatch(/Hard stop: do not start the procedure/);
    expect(alert.textContent).toMatch(/Warfarin \(Coumadin\): Too recent: hard stop \(earliest safe start 2026-03-11 19:00\)/);
    expect(within(rowOf('Warfarin')).getByText('Stop 5 days before an intermediate-risk procedure and confirm a normal INR')).toBeTruthy();
  });

  it('says "secondary source: confirm against the primary" on [V2] rows and no review badge there', () => {
    render(<Harness initial={[{ id: 'n', drugId: 'naproxen', lastDoseAt: '2026-03-01T12:00:00Z' }]} base="high" />);
    const row = rowOf('Naproxen');
    expect(within(row).getByText('secondary source: confirm against the primary')).toBeTruthy();
    expect(within(row).queryByText('needs clinical review')).toBeNull();
    expect(within(row).getByText('Clear: the interval has passed')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows no time for a shared assessment or an unverified rule, and asks for a decision', () => {
    render(
      <Harness
        initial={[
          { id: 'a', drugId: 'aspirin-secondary', lastDoseAt: '2026-03-08T12:00:00Z' },
          { id: 'h', drugId: 'herbal-supplements', lastDoseAt: '2026-03-08T12:00:00Z' },
        ]}
      />,
    );
    const aspirin = rowOf('Aspirin, secondary');
    expect(within(aspirin).getAllByText('Shared assessment with the prescriber')).toHaveLength(2);
    expect(within(aspirin).getByText('No time given')).toBeTruthy();
    const herbal = rowOf('Herbal');
    expect(within(herbal).getAllByText('Interval not verified in the fact base — needs clinical review')).toHaveLength(2);
    expect(within(herbal).getByText('needs clinical review')).toBeTruthy();
    expect(screen.getByText(/Decision needed with the prescriber/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('raises the class with a patient factor, saying why, and the rules follow', async () => {
    render(<Harness initial={[{ id: 'a', drugId: 'aspirin-primary', lastDoseAt: '2026-03-08T12:00:00Z' }]} base="low" />);
    expect(within(rowOf('Aspirin, primary')).getByText('Continue: no hold needed')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Older age' }));
    expect(screen.getByText(/Bleeding risk used: intermediate/)).toBeTruthy();
    expect(screen.getByText(/raised from low by patient factors \(older age\)/)).toBeTruthy();
    expect(within(rowOf('Aspirin, primary')).getAllByText('Shared assessment with the prescriber').length).toBeGreaterThan(0);
  });

  it('asks about renal function only for dabigatran, starting from the kidney-disease answer', async () => {
    const onAdd = vi.fn();
    render(<Harness onAdd={onAdd} base="high" />);
    const user = userEvent.setup();
    expect(screen.queryByRole('checkbox', { name: 'Impaired renal function' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Severe kidney dysfunction' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Drug' }), 'Dabigatran');
    const renal = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Impaired renal function' });
    expect(renal.checked).toBe(true);
    fireEvent.change(screen.getByLabelText(/Last dose/), { target: { value: '2026-03-04T08:00' } });
    await user.click(screen.getByRole('button', { name: 'Add drug' }));
    expect(onAdd).toHaveBeenCalledWith({ drugId: 'dabigatran', lastDoseAt: '2026-03-04T13:00:00.000Z', renalImpaired: true });
    expect(within(rowOf('Dabigatran')).getByText(/Stop 6 days before a high-risk procedure \(impaired renal function\)/)).toBeTruthy();
  });

  it('refuses to add without a drug or a last dose, saying what is missing', async () => {
    const onAdd = vi.fn();
    render(<Harness onAdd={onAdd} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add drug' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText('Choose the drug.')).toBeTruthy();
    const dose = screen.getByLabelText(/Last dose/);
    expect(dose.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(dose.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe('Enter the last dose as YYYY-MM-DD HH:MM (24-hour clinic time), e.g. 2026-12-04 08:30.');
  });

  it('refuses a last dose typed in another format, beside the field in the format it shows, and reads "YYYY-MM-DD HH:MM" in clinic time', async () => {
    const onAdd = vi.fn();
    render(<Harness onAdd={onAdd} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Drug' }), 'Apixaban');
    const dose = screen.getByLabelText<HTMLInputElement>(/Last dose/);
    expect(dose.type).toBe('text');
    expect(dose.placeholder).toBe('YYYY-MM-DD HH:MM');
    await user.type(dose, '03/08/2026 6:00 PM');
    await user.click(screen.getByRole('button', { name: 'Add drug' }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(dose.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(dose.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toContain('as YYYY-MM-DD HH:MM');
    await user.clear(dose);
    await user.type(dose, '2026-03-08 18:00');
    await user.click(screen.getByRole('button', { name: 'Add drug' }));
    // 18:00 EDT (the evening after spring forward) is 22:00 UTC.
    expect(onAdd).toHaveBeenCalledWith({ drugId: 'apixaban', lastDoseAt: '2026-03-08T22:00:00.000Z', renalImpaired: false });
  });

  it('removes a drug', async () => {
    render(<Harness initial={[{ id: 'c', drugId: 'cilostazol', lastDoseAt: '2026-03-01T12:00:00Z' }]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Cilostazol' }));
    expect(screen.queryByRole('rowheader', { name: /Cilostazol/ })).toBeNull();
    expect(screen.getByText('No drugs entered.')).toBeTruthy();
  });

  it('disables every control when disabled', () => {
    render(<Harness initial={[{ id: 'c', drugId: 'cilostazol', lastDoseAt: '2026-03-01T12:00:00Z' }]} disabled />);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Drug' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Older age' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add drug' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove Cilostazol' }).disabled).toBe(true);
  });

  it('groups the drugs by class in the list', () => {
    render(<Harness />);
    const groups = within(screen.getByRole('combobox', { name: 'Drug' })).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual([
      'Aspirin and NSAIDs', 'Other antiplatelets', 'Vitamin K antagonists', 'Heparins and fondaparinux', 'Direct oral anticoagulants', 'Thrombolytics', 'Other drugs and supplements',
    ]);
  });
});
