// The idle lock in the whole app, against the real core over the real loopback
// host: after the idle time without input the lock screen replaces everything,
// no patient data stays in the DOM or the window title, and the password brings
// the encounter back. Time is faked only in the page (setTimeout and
// performance.now drive useIdleLock); the core runs on its own clocks.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { coreClient, coreSettled } from '../testing/core-calls';
import { App } from './App';

/** TEST_PASSWORD of db/testing/temp-core, which signed the nurse up (renderer/ may not import db/). */
const TEST_PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

const PATIENT = {
  mrn: `IDLE-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase(),
  familyName: 'Quillfeather',
  givenName: 'Ottoline',
  birthDate: '1961-07-23',
  sex: 'female',
} as const;
let encounterId = '';

beforeAll(async () => {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const shared = await api().call('auth.status', {});
  // A session of this file's own: locking the shared nurse session would make other
  // renderer test files' calls answer LOCKED while it is locked.
  const own = await api().call('auth.login', { username: shared.session!.user.username, password: TEST_PASSWORD });
  setSessionToken(own.token);
  const patient = await api().call('patient.create', PATIENT);
  const encounter = await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.',
  });
  encounterId = encounter.id;
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});
afterAll(async () => {
  await api().call('auth.logout', {}).catch(() => undefined);
  setSessionToken(null);
});

/** The page's text, lower-cased: the heading shows the family name in capitals. */
const text = () => (document.body.textContent ?? '').toLowerCase();
const shows = (value: string) => text().includes(value.toLowerCase());
const showsPatient = () => shows(PATIENT.familyName) && shows(PATIENT.givenName) && shows(PATIENT.mrn);
const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('the idle lock in the app (real core over HTTP)', () => {
  it('locks after 10 idle minutes, hides every trace of the patient, and the password brings the encounter back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
    useNavigation.getState().go({ name: 'encounter', encounterId });
    await act(() => useSession.getState().load());
    expect(useSession.getState()).toMatchObject({ phase: 'active', idleLockMinutes: 10 });

    render(<App />);
    // The real network answers in real time (only the page's timers are fake).
    await coreSettled();
    expect(showsPatient(), document.body.textContent?.slice(0, 300)).toBe(true);
    expect(document.title).toBe('ProcedureDesk');

    // Start the clock from a known moment of activity (loading took a few fake-timer ticks).
    fireEvent.keyDown(window, { key: 'Shift' });
    advance(10 * MINUTE - 1);
    expect(useSession.getState().phase).toBe('active');
    expect(showsPatient()).toBe(true);

    // Activity resets the timer: another almost-ten minutes, twenty in all, and still open.
    fireEvent.keyDown(window, { key: 'Shift' });
    advance(10 * MINUTE - 1);
    expect(useSession.getState().phase).toBe('active');
    expect(showsPatient()).toBe(true);

    // Then a full ten minutes without input: locked.
    advance(1);
    expect(useSession.getState().phase).toBe('locked');
    expect(screen.getByRole('heading', { name: 'ProcedureDesk is locked' })).toBeTruthy();
    for (const value of [PATIENT.familyName, PATIENT.givenName, PATIENT.mrn, PATIENT.birthDate]) {
      expect(text()).not.toContain(value.toLowerCase());
      expect(document.body.innerHTML.toLowerCase()).not.toContain(value.toLowerCase());
      expect(document.title.toLowerCase()).not.toContain(value.toLowerCase());
    }
    expect(document.title).toMatch(/locked/i);

    vi.useRealTimers();
    // The page told the core, which now refuses clinical calls on this session too.
    await coreSettled();
    expect((await api().call('auth.status', {})).session?.locked).toBe(true);
    await expect(api().call('patient.search', { query: PATIENT.familyName })).rejects.toMatchObject({ code: 'LOCKED' });
    expect(useSession.getState().phase).toBe('locked');

    // A wrong password keeps it locked and still shows nothing of the patient.
    const password = screen.getByLabelText('Password');
    fireEvent.change(password, { target: { value: 'not the password at all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await coreSettled();
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(useSession.getState().phase).toBe('locked');
    expect(shows(PATIENT.familyName)).toBe(false);

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await coreSettled();
    expect(showsPatient()).toBe(true);
    expect(useSession.getState().phase).toBe('active');
    expect(document.title).toBe('ProcedureDesk');
    expect((await api().call('auth.status', {})).session?.locked).toBe(false);
  });
});
