import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import { procedureTraits } from '#shared/workflow/traits';
import { InjectatePlanForm } from './InjectatePlanForm';

afterEach(cleanup);

const traitsOf = (id: string) => procedureTraits(LIBRARY.find((t) => t.id === id)!);
const CERVICAL_TF = traitsOf('cervical-transforaminal-esi');
const LUMBAR_TF = traitsOf('lumbar-transforaminal-esi');
const ok = () => vi.fn(() => Promise.resolve(null));

describe('InjectatePlanForm', () => {
  it('shows the hard stop the moment a particulate brand is typed for a cervical transforaminal injection, with its sources; dexamethasone clears it', async () => {
    render(<InjectatePlanForm traits={CERVICAL_TF} onSubmit={ok()} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Planned injectate' });
    expect(within(form).queryByRole('alert')).toBeNull();

    await user.type(within(form).getByLabelText('Steroid, as on the vial (brand or generic)'), 'kenalog 40');
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toContain('Hard stop at the time-out: particulate steroid for a cervical transforaminal injection.');
    expect(alert.textContent).toContain('kenalog 40 (triamcinolone acetonide) is a particulate steroid');
    expect(alert.textContent).toContain('embolic infarction');
    // The sources with their tags: the fact base (SIS [V2], Rathmell [M]) and the Kenalog label [V2].
    expect(alert.textContent).toContain('Spine Intervention Society');
    expect(alert.textContent).toContain('KENALOG-40 and KENALOG-80 Injection');
    expect(within(alert).getByText('needs clinical review')).toBeTruthy();

    await user.clear(within(form).getByLabelText(/^Steroid, as on the vial/));
    await user.type(within(form).getByLabelText(/^Steroid, as on the vial/), 'Depo Medrol 80mg');
    expect(within(form).getByRole('alert').textContent).toContain('Depo Medrol 80mg (methylprednisolone acetate) is a particulate steroid');

    await user.clear(within(form).getByLabelText(/^Steroid, as on the vial/));
    await user.type(within(form).getByLabelText(/^Steroid, as on the vial/), 'Dexamethasone sodium phosphate');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(within(form).getByRole('status').textContent).toContain('Dexamethasone sodium phosphate: nonparticulate.');
  });

  it('an unrecognised steroid asks for a physician’s confirmation; lumbar transforaminal only cautions', async () => {
    const { unmount } = render(<InjectatePlanForm traits={CERVICAL_TF} onSubmit={ok()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Steroid, as on the vial/), 'Kenelog');
    expect(screen.getByRole('alert').textContent).toContain('Not recognised: a physician must confirm it is nonparticulate');
    unmount();

    render(<InjectatePlanForm traits={LUMBAR_TF} onSubmit={ok()} />);
    await user.type(screen.getByLabelText(/^Steroid, as on the vial/), 'Celestone');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Caution: particulate steroid for a lumbar transforaminal injection.');
    expect(screen.getByRole('status').textContent).toContain('it does not stop the time-out');
  });

  it('refuses a dose without its unit beside the field, without calling back; then sends the plan from the keyboard', async () => {
    const onSubmit = ok();
    render(<InjectatePlanForm traits={CERVICAL_TF} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Steroid, as on the vial/), 'Dexamethasone');
    await user.tab();
    await user.keyboard('10');
    await user.type(screen.getByLabelText('Local anaesthetic'), 'Lidocaine 1%');
    await user.type(screen.getByLabelText('Local anaesthetic dose, with its unit'), '1');
    await user.click(screen.getByRole('button', { name: 'Save planned injectate' }));
    expect(onSubmit).not.toHaveBeenCalled();

    const dose = screen.getByLabelText('Steroid dose, with its unit (e.g. 10 mg)');
    expect(dose.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(dose.getAttribute('aria-describedby')!)?.textContent).toBe('Steroid dose: add the unit: mg, mcg or mL (e.g. 10 mg).');
    const la = screen.getByLabelText('Local anaesthetic dose, with its unit');
    expect(document.getElementById(la.getAttribute('aria-describedby')!)?.textContent).toBe('Local anaesthetic dose: add the unit: mg, mcg or mL (e.g. 10 mg).');

    await user.type(dose, ' mg');
    await user.type(la, ' mL');
    await user.type(screen.getByLabelText('Contrast agent'), 'Iohexol 240');
    await user.type(screen.getByLabelText('Contrast volume, with its unit (optional)'), '2 mL{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({
      steroid: { name: 'Dexamethasone', dose: '10 mg' },
      localAnaesthetic: { name: 'Lidocaine 1%', dose: '1 mL' },
      contrast: { name: 'Iohexol 240', dose: '2 mL' },
      nonParticulateConfirmed: false,
    });
  });

  it('shows the core’s errors beside the matching field; “No steroid planned” sends none', async () => {
    const onSubmit = vi.fn(() => Promise.resolve({ 'record.data.contrast.dose': 'that is a concentration: give the dose, e.g. 40 mg or 1 mL' } as Record<string, string> | null));
    render(<InjectatePlanForm traits={CERVICAL_TF} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'No steroid planned' }));
    expect(screen.queryByLabelText(/^Steroid, as on the vial/)).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('No steroid is planned.');
    await user.type(screen.getByLabelText('Contrast agent'), 'Iohexol');
    await user.click(screen.getByRole('button', { name: 'Save planned injectate' }));
    expect(onSubmit).toHaveBeenCalledWith({ steroid: null, localAnaesthetic: null, contrast: { name: 'Iohexol', dose: '' }, nonParticulateConfirmed: false });
    const volume = screen.getByLabelText('Contrast volume, with its unit (optional)');
    expect(volume.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('that is a concentration: give the dose, e.g. 40 mg or 1 mL')).toBeTruthy();
  });
});
