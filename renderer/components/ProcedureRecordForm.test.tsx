// The procedure record in jsdom: the live particulate-steroid warning as medications are typed
// (generic and brand names, cervical transforaminal only), and errors beside their medication row.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureTraits } from '#shared/workflow/traits';
import { ProcedureRecordForm } from './ProcedureRecordForm';

afterEach(cleanup);

const ok = () => vi.fn(() => Promise.resolve(null));

const NO_TRAITS: ProcedureTraits = {
  neuraxial: false,
  epiduralSteroid: false,
  cervicalTransforaminal: false,
  lumbarTransforaminal: false,
  implant: false,
  diagnosticBlock: false,
  steroid: false,
  spinal: false,
  fluoroscopyDefault: false,
};
const CERVICAL_TF: ProcedureTraits = { ...NO_TRAITS, neuraxial: true, epiduralSteroid: true, cervicalTransforaminal: true, steroid: true, spinal: true, fluoroscopyDefault: true };

describe('ProcedureRecordForm', () => {
  it('warns live about a particulate steroid for cervical transforaminal injection, and still saves', async () => {
    const onSubmit = ok();
    render(<ProcedureRecordForm defaultImaging="fluoroscopy" plannedLevels={['C5-C6', 'C6-C7']} traits={CERVICAL_TF} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Medication 1'));

    await user.keyboard('Dexamethasone');
    expect(screen.queryByRole('alert')).toBeNull();

    await user.clear(screen.getByLabelText('Medication 1'));
    await user.keyboard('Triamcinolone 40 mg/mL');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Particulate corticosteroid chosen: Triamcinolone 40 mg/mL.');
    // The sources with their evidence tags (EvidenceBadges).
    expect(alert.textContent).toContain('Spine Intervention Society');
    expect(alert.textContent).toContain('[V2: secondary source: confirm against the primary]');
    expect(within(alert).getByText('needs clinical review')).toBeTruthy();

    await user.type(screen.getByLabelText('Dose of medication 1'), '1 mL');
    await user.type(screen.getByLabelText('Route of medication 1'), 'transforaminal');
    await user.click(screen.getByRole('checkbox', { name: 'C6-C7' }));
    await user.click(screen.getByRole('checkbox', { name: 'Contrast used' }));
    await user.type(screen.getByLabelText('Contrast agent'), 'Iohexol');
    await user.type(screen.getByLabelText('Fluoroscopy time (seconds)'), '42');
    await user.type(screen.getByLabelText('Radiation dose, with its unit (e.g. 12 mGy)'), '12 mGy');
    await user.click(screen.getByRole('button', { name: 'No complications' }));
    await user.click(screen.getByRole('button', { name: 'Save procedure record' }));

    expect(onSubmit).toHaveBeenCalledWith({
      imagingUsed: 'fluoroscopy',
      contrastUsed: true,
      contrastAgent: 'Iohexol',
      fluoroscopyTimeSeconds: 42,
      radiationDose: '12 mGy',
      medications: [{ name: 'Triamcinolone 40 mg/mL', dose: '1 mL', route: 'transforaminal' }],
      levelsTreated: ['C5-C6'],
      complications: 'None',
    });
  });

  it('does not warn about dexamethasone, nor outside cervical transforaminal injection', async () => {
    const user = userEvent.setup();
    const first = render(<ProcedureRecordForm defaultImaging="ultrasound" plannedLevels={[]} traits={CERVICAL_TF} onSubmit={ok()} />);
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.keyboard('dexamethasone sodium phosphate');
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();

    const onSubmit = ok();
    render(<ProcedureRecordForm defaultImaging="ultrasound" plannedLevels={[]} traits={NO_TRAITS} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.keyboard('triamcinolone');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save procedure record' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ imagingUsed: 'ultrasound', contrastUsed: false, fluoroscopyTimeSeconds: null, levelsTreated: [] }));
  });

  it('catches brand names too (the same steroid table as the time-out), however they are spelled', async () => {
    const user = userEvent.setup();
    render(<ProcedureRecordForm defaultImaging="fluoroscopy" plannedLevels={['C6-C7']} traits={CERVICAL_TF} onSubmit={ok()} />);
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.keyboard('Lidocaine 1%');
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.keyboard('depo medrol 80mg');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Warning: particulate steroid for a cervical transforaminal injection.');
    expect(alert.textContent).toContain('Particulate corticosteroid chosen: depo medrol 80mg (methylprednisolone acetate).');
    expect(alert.textContent).not.toContain('Lidocaine');
    expect(alert.textContent).toContain('DEPO-MEDROL (methylprednisolone acetate injectable suspension, USP)');
  });

  it('shows a medication row error next to that row', async () => {
    const onSubmit = vi.fn(() => Promise.resolve({ 'record.data.medications.0.name': 'name the medication' }));
    render(<ProcedureRecordForm defaultImaging="ct" plannedLevels={['L4-L5']} traits={NO_TRAITS} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.click(screen.getByRole('button', { name: 'Save procedure record' }));
    const name = screen.getByLabelText('Medication 1');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('name the medication');
  });
});
