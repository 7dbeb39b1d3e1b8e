// Issue 18 point 6 (3 viewport heights): the record history is a line a record, what it says cut at the line's
// end; who recorded it and any voiding are a fold away, and "Void…" stays on the line.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EncounterRecord } from '#shared/contract/encounter-records';
import { RecordHistory } from './RecordHistory';

afterEach(cleanup);

const nurse = { name: 'Nina Nurse', role: 'nurse' as const };
const physician = { name: 'Dr Pat Physician', role: 'physician' as const };
const records: EncounterRecord[] = [
  {
    id: '00000000-0000-4000-8000-0000000000a1',
    at: '2026-03-09T03:51:00.000Z',
    by: physician,
    voided: null,
    entry: { kind: 'time-out', data: { participants: [{ name: 'Nina Nurse', role: 'nurse' }, { name: 'Dr Pat Physician', role: 'physician' }] } },
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    at: '2026-03-09T03:40:00.000Z',
    by: nurse,
    voided: { at: '2026-03-09T03:45:00.000Z', by: nurse, reason: 'entered twice' },
    entry: { kind: 'inr', data: { value: 1.1, takenAt: '2026-03-08T09:00:00.000Z' } },
  },
];

describe('RecordHistory, a line a record', () => {
  it('names kind, time, who and what on the folded line; who and any voiding inside the fold; Void… beside it', async () => {
    render(<RecordHistory records={records} onVoid={vi.fn(() => Promise.resolve(null))} timeZone="UTC" />);
    const [timeOut, inr] = within(screen.getByRole('region', { name: 'Record history' })).getAllByRole('listitem');
    const line = timeOut!.querySelector('details > summary')!;
    expect(line.textContent).toBe('Time-out · 2026-03-09 03:51 · Dr Pat Physician · Participants: Nina Nurse (nurse), Dr Pat Physician (physician)');
    const fold = line.parentElement as HTMLDetailsElement;
    expect(fold.open).toBe(false);
    expect(within(fold).getByText(/^Recorded by Dr Pat Physician \(physician\)/).closest('summary')).toBeNull();
    expect(within(timeOut!).getByRole('button', { name: 'Void time-out recorded 2026-03-09 03:51' }).closest('details')).toBeNull();
    // A voided record says so on its line; who voided it, when and why, in its fold.
    expect(inr!.querySelector('summary')!.textContent).toMatch(/^INR · 2026-03-09 03:40 · Nina Nurse · voided · INR 1.1/);
    expect(within(inr!).getByText(/^Voided by Nina Nurse \(nurse\)/).closest('details')).toBe(inr!.querySelector('details'));
    await userEvent.click(line);
    expect(fold.open).toBe(true);
  });
});
