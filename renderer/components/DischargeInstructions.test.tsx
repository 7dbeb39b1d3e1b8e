import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import { LIBRARY } from '#shared/library/index';
import { DischargeInstructions } from './DischargeInstructions';

afterEach(cleanup);

const esi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const nurse = { name: 'Nina Nurse', role: 'nurse' as const };
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** A lumbar TFESI under sedation, on apixaban held for it, in recovery since 10:20 New York time. */
function detail(sedationPlanned: boolean, onApixaban: boolean): Pick<EncounterDetail, 'encounter' | 'patient' | 'records' | 'transitions' | 'bleedingRiskRaises'> {
  return {
    encounter: {
      id: ID(1), patientId: ID(2), templateId: esi.id, templateVersion: esi.version, levels: ['L4-L5'], laterality: 'left', imagingModality: 'fluoroscopy',
      plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.', createdAt: '2026-11-24T13:00:00.000Z', createdBy: nurse, state: 'recovery', sedationPlanned, visitNumber: null, location: null,
    },
    patient: { id: ID(2), mrn: 'MRN-0042', familyName: 'Peña', givenName: 'María José', birthDate: '1970-05-17', sex: 'female', language: null, payer: null, createdAt: '2026-11-24T13:00:00.000Z' },
    records: onApixaban ? [{ id: ID(3), at: '2026-11-24T13:05:00.000Z', by: nurse, voided: null, entry: { kind: 'anticoagulant', data: { drugId: 'apixaban', lastDoseAt: '2026-11-21T20:00:00.000Z' } } }] : [],
    transitions: [{ seq: 4, from: 'procedure', to: 'recovery', at: '2026-11-24T15:20:00.000Z', by: nurse, reason: null, overridden: [] }],
    bleedingRiskRaises: [],
  };
}
const settings = { inrThreshold: null, timeZone: 'America/New_York' };
const NOW = '2026-11-24T15:40:00.000Z';

describe('DischargeInstructions', () => {
  it('lists the red flags for the procedure, no driving after sedation, and the restart time in clinic time', () => {
    render(<DischargeInstructions template={esi} detail={detail(true, true)} settings={settings} now={NOW} />);
    const card = screen.getByRole('region', { name: 'Going-home instructions' });
    for (const words of ['new weakness or numbness', 'bowels or bladder', 'fever', 'worse when you sit or stand up', 'Do not drive yourself home', 'eyesight']) {
      expect(card.textContent, words).toContain(words);
    }
    const restart = within(card).getByText('Apixaban:').closest('li')!;
    expect(restart.textContent).toContain('Do not take it again before this time.Wednesday, November 25 at 10:20 AM EST');
  });

  it('without sedation or a blood thinner: no driving line, no blood-thinner section', () => {
    render(<DischargeInstructions template={esi} detail={detail(false, false)} settings={settings} now={NOW} />);
    const card = screen.getByRole('region', { name: 'Going-home instructions' });
    expect(card.textContent).not.toContain('Do not drive');
    expect(within(card).queryByRole('heading', { name: 'Blood thinners' })).toBeNull();
  });

  it('prints a sheet for the patient: name, the signs, the restart time, and a note on advice still under review', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    render(<DischargeInstructions template={esi} detail={detail(true, true)} settings={settings} now={NOW} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Print for the patient' }));
    const sheet = await screen.findByRole('article', { name: 'Going-home instructions for printing' });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(sheet.textContent).toContain('PEÑA, María José · MRN MRN-0042');
    expect(sheet.textContent).toContain('Going home after your lumbar transforaminal epidural steroid injection');
    expect(sheet.textContent).toContain('Wednesday, November 25 at 10:20 AM EST');
    expect(sheet.textContent).toContain('Your clinic’s doctors are still checking this advice.');
    // No citations or source hosts on the patient's paper.
    expect(sheet.textContent).not.toMatch(/droracle|pdfcoffee|needs clinical review|Sources/);
    print.mockRestore();
  });
});
