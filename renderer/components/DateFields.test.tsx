// Date and time fields speak one format (issue 18 §7, §11): each field is a text input showing
// YYYY-MM-DD or YYYY-MM-DD HH:MM as placeholder and hint, and a bad value is refused beside the
// field (aria-invalid, aria-describedby) in that same format, changing nothing. Against the real core.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useSession } from '../stores/session';
import { useWorklist } from '../stores/worklist';
import { coreClient, coreSettled } from '../testing/core-calls';
import { EncounterScreen } from './EncounterScreen';
import { FollowUpForm } from './FollowUpForm';
import { WorklistScreen } from './WorklistScreen';

let encounterId = '';
let timeZone = '';
let plannedDate = '';

beforeAll(async () => {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const status = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: status.session!.user });
  timeZone = (await api().call('settings.get', {})).timeZone;
  plannedDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const patient = await api().call('patient.create', { mrn: `DF-${Date.now()}`, familyName: `Fields${Date.now()}`, givenName: 'Ada', birthDate: '1960-05-06', sex: 'female' });
  // jsdom has no EventSource: the worklist lists from the real core but does not subscribe to live changes here.
  useWorklist.setState({ watch: () => () => undefined });
  encounterId = (await api().call('encounter.create', { patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate, indication: 'Left L5 radicular pain.' })).id;
});
afterEach(cleanup);

/** The error the field names in aria-describedby, or null when it names none. */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'))?.textContent ?? null;
}

describe('date and date-time fields', () => {
  it('the worklist date shows YYYY-MM-DD, refuses mm/dd/yyyy beside the field without changing the day, and takes a typed date', async () => {
    render(<WorklistScreen />);
    await coreSettled();
    const user = userEvent.setup();
    const field = screen.getByLabelText<HTMLInputElement>('Date');
    expect(field.type).toBe('text');
    expect(field.placeholder).toBe('YYYY-MM-DD');
    const before = useWorklist.getState().date;
    await user.clear(field);
    await user.type(field, '12/04/2026{Enter}');
    expect(errorOf(field)).toBe('Enter the date as YYYY-MM-DD, e.g. 2026-12-04.');
    expect(useWorklist.getState().date).toBe(before);
    await user.clear(field);
    await user.type(field, '2026-02-30');
    await user.tab();
    expect(errorOf(field)).toContain('YYYY-MM-DD');
    await user.clear(field);
    await user.type(field, '2026-01-15');
    await coreSettled();
    expect(useWorklist.getState().date).toBe('2026-01-15');
    expect(errorOf(field)).toBeNull();
    // Keyboard: the arrows move a real date by a day.
    await user.keyboard('{ArrowUp}');
    await coreSettled();
    expect(useWorklist.getState().date).toBe('2026-01-16');
    useWorklist.setState({ date: before });
  });

  it('the new encounter refuses a planned date in another format beside the field, and creates nothing', async () => {
    render(<WorklistScreen />);
    await coreSettled();
    const user = userEvent.setup();
    const planned = screen.getByLabelText<HTMLInputElement>('Planned date');
    await user.clear(planned);
    await user.type(planned, '04.12.2026');
    await user.click(screen.getByRole('button', { name: 'Create encounter' }));
    await coreSettled();
    expect(errorOf(planned)).toBe('Enter the planned date as YYYY-MM-DD, e.g. 2026-12-04.');
  });

  it('the follow-up date-time refuses a value in another format beside the field and sends nothing', async () => {
    const onSubmit = vi.fn(() => Promise.resolve(null));
    render(<FollowUpForm encounterId={encounterId} procedure="Lumbar TFESI" timeZone="America/New_York" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const seen = screen.getByLabelText<HTMLInputElement>('Date and time of the follow-up');
    expect(seen.placeholder).toBe('YYYY-MM-DD HH:MM');
    // Prefilled with now, in the field's own format.
    expect(seen.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await user.clear(seen);
    await user.type(seen, '12/04/2026 09:30');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(seen)).toBe('Enter the date and time of the follow-up as YYYY-MM-DD HH:MM (24-hour clinic time), e.g. 2026-12-04 08:30.');
  });

  it("the planned start refuses a bad value beside the field; a typed one is read in the clinic's zone and the anticoagulant check judges at it", async () => {
    await api().call('encounter.advance', { encounterId, to: 'pre-procedure' });
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const user = userEvent.setup();
    const header = screen.getByRole('region', { name: 'Patient facts' });
    const field = within(header).getByLabelText<HTMLInputElement>(/^Planned start \(clinic time/);
    expect(field.placeholder).toBe('YYYY-MM-DD HH:MM');
    // Before a person enters it, the check on screen says so instead of using the running clock.
    expect(screen.getByText(/Planned start: not entered \(judged over the whole planned day\)/)).toBeTruthy();
    await user.type(field, `${plannedDate} 9am`);
    await user.click(within(header).getByRole('button', { name: 'Save planned start' }));
    await coreSettled();
    expect(errorOf(field)).toBe('Enter the planned start as YYYY-MM-DD HH:MM (24-hour clinic time), e.g. 2026-12-04 08:30.');
    expect(within(header).getAllByText(/^Enter the planned start/)).toHaveLength(1); // beside the field only, not again below
    expect((await api().call('encounter.get', { encounterId })).plannedStart).toBeNull();

    await user.clear(field);
    await user.type(field, `${plannedDate}T09:00`);
    await user.click(within(header).getByRole('button', { name: 'Save planned start' }));
    await coreSettled();
    const stored = (await api().call('encounter.get', { encounterId })).plannedStart!;
    const wall = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(stored.plannedStartAt));
    expect(wall.replace(',', '')).toBe(`${plannedDate} 09:00`);
    expect(within(header).getByText(/Planned start:/).parentElement!.textContent).toContain(`${plannedDate} 09:00`);
    expect(screen.getByText(new RegExp(`Planned start: ${plannedDate} 09:00`))).toBeTruthy();
  });
});
