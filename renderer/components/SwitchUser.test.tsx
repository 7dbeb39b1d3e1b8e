// The hand-over at a shared workstation, in the whole app against the real core: one click on
// "Sign out" (the hand-over) hides the patient, ends the session in the core and opens the sign-in with
// Username focused; the next user types, Tabs and presses Enter, and is back where the work was.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { coreClient, coreSettled } from '../testing/core-calls';
import { App } from './App';

/** TEST_PASSWORD of db/testing/temp-core, which signed the nurse up (renderer/ may not import db/). */
const TEST_PASSWORD = 'correct horse battery';
const FAMILY = 'Thistlewood';
let username = '';
let encounterId = '';
let token = '';

beforeAll(async () => {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const shared = await api().call('auth.status', {});
  username = shared.session!.user.username;
  // A session of this file's own: signing the shared nurse session out would fail other files' calls.
  token = (await api().call('auth.login', { username, password: TEST_PASSWORD })).token;
  setSessionToken(token);
  const patient = await api().call('patient.create', { mrn: `SW-${Date.now().toString(36)}`.toUpperCase(), familyName: FAMILY, givenName: 'Ada', birthDate: '1959-02-11', sex: 'female' });
  encounterId = (await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.',
  })).id;
});
afterEach(cleanup);
afterAll(async () => {
  await api().call('auth.logout', {}).catch(() => undefined);
  setSessionToken(null);
});

describe('Sign out, the hand-over (real core over HTTP)', () => {
  it('locks and signs out in one click, then the sign-in takes the next user from the keyboard', async () => {
    useNavigation.getState().go({ name: 'encounter', encounterId });
    await useSession.getState().load();
    render(<App />);
    await coreSettled();
    expect(document.body.textContent).toContain(FAMILY.toUpperCase());

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await coreSettled();
    expect(useSession.getState().phase).toBe('signed-out');
    expect(document.body.innerHTML.toLowerCase()).not.toContain(FAMILY.toLowerCase());
    expect(screen.getByRole('status').textContent).toMatch(/is signed out\. The next user signs in here\./);
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(document.activeElement).toBe(form.querySelector('input[autocomplete="username"]'));
    // The core ended that session: it is not merely hidden.
    setSessionToken(token);
    expect((await api().call('auth.status', {})).session).toBeNull();
    setSessionToken(null);

    await userEvent.keyboard(`${username}{Tab}${TEST_PASSWORD}{Enter}`);
    await coreSettled();
    expect(useSession.getState().phase).toBe('active');
    expect(document.body.textContent).toContain(FAMILY.toUpperCase());
  });
});
