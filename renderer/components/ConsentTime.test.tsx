// The consent discussion's date and time is clinic time (issue 18 §7): typed as YYYY-MM-DD HH:MM and
// read in the session's zone, not the browser's. The machine here runs in Kolkata, the clinic is in
// New York: the old datetime-local conversion stored 04:00 UTC for "09:30"; clinic time is 14:30 UTC.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { useEncounter } from '../stores/encounter';
import { openEncounter } from '../stores/open-encounter';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { ConsentPanel } from './ConsentPanel';

let encounterId = '';
beforeAll(async () => {
  vi.stubEnv('TZ', 'Asia/Kolkata'); // Node reads its zone from TZ on each change
  await signInAs('physicianSession');
  const patient = await api().call('patient.create', {
    mrn: `CT-${Date.now().toString(36)}`.toUpperCase(), familyName: 'Okafor', givenName: 'Ngozi', birthDate: '1970-08-09', sex: 'female',
  });
  encounterId = (await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Low back pain.',
  })).id;
});
afterAll(() => vi.unstubAllEnvs());
afterEach(cleanup);

describe('consent discussion time', () => {
  it("is read in the clinic's zone, and a value in another format is refused beside the field and not saved", async () => {
    await openEncounter(encounterId);
    await coreSettled();
    const settings = useEncounter.getState().settings!;
    useEncounter.setState({ settings: { ...settings, timeZone: 'America/New_York' } });
    render(<ConsentPanel />);
    const user = userEvent.setup();
    const field = screen.getByLabelText<HTMLInputElement>('Date and time of the discussion');
    expect(field.placeholder).toBe('YYYY-MM-DD HH:MM');

    await user.type(field, '11/24/2026 9:30');
    await user.tab();
    await coreSettled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent)
      .toBe('Enter the date and time of the discussion as YYYY-MM-DD HH:MM (24-hour clinic time), e.g. 2026-12-04 08:30.');

    await user.clear(field);
    await user.type(field, '2026-11-24 09:30');
    await user.tab();
    await coreSettled();
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(new Date(2026, 10, 24, 9, 30).toISOString()).toBe('2026-11-24T04:00:00.000Z'); // the machine's zone is Kolkata
    const stored = (await api().call('encounter.get', { encounterId })).consent;
    expect(stored?.discussedAt).toBe('2026-11-24T14:30:00.000Z');
    expect(field.value).toBe('2026-11-24 09:30');
  });
});
