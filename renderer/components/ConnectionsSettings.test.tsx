// The Connections tab (issue 19 points 5, 6) in jsdom against the real core over HTTP: a bad port is
// refused beside its field with nothing saved; MLLP and FHIR with a bearer token file are saved and come
// back from settings.get as the file's path (never a token); a channel turned off is stored as null.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Settings } from '#shared/contract/settings';
import { api } from '../api/client';
import { useUsers } from '../stores/users';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { UsersScreen } from './UsersScreen';

type User = ReturnType<typeof userEvent.setup>;
// Folders must exist on the core's machine: one the test host made for the purpose.
const FOLDER = inject('scratchFolder');
let before: Pick<Settings, 'delivery' | 'schedule'>;

beforeEach(async () => {
  await signInAs('adminSession');
  const { delivery, schedule } = await api().call('settings.get', {});
  before = { delivery, schedule };
});
afterEach(async () => {
  cleanup();
  // The core is shared with other screens' tests: put the site's settings back.
  await api().call('settings.update', before);
});

async function openForm(user: User, name: string): Promise<HTMLElement> {
  useUsers.setState({ users: [], settings: null });
  render(<UsersScreen />);
  await coreSettled();
  await user.click(screen.getByRole('tab', { name: 'Connections' }));
  return screen.findByRole('form', { name });
}

async function fill(user: User, form: HTMLElement, label: string, value: string) {
  const field = within(form).getByLabelText(label);
  await user.clear(field);
  await user.type(field, value);
}

/** The error shown beside the field: the one its aria-describedby names. */
function besideField(form: HTMLElement, label: string): string | undefined {
  const ids = within(form).getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)!).find((el) => el.classList.contains('error'))?.textContent ?? undefined;
}

describe('Note delivery (real core)', () => {
  it('refuses a port over 65535 beside the field and saves nothing', async () => {
    const user = userEvent.setup();
    const form = await openForm(user, 'Note delivery');
    await user.click(within(form).getByRole('checkbox', { name: 'Send over MLLP (HL7 v2)' }));
    await fill(user, form, 'MLLP host', 'engine.example');
    await fill(user, form, 'MLLP port', '70000');
    await user.click(within(form).getByRole('button', { name: 'Save delivery settings' }));
    await coreSettled();
    expect(besideField(form, 'MLLP port')).toBe('is a port from 1 to 65535');
    expect(within(form).getByLabelText('MLLP port').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).queryByRole('status')).toBeNull();
    expect((await api().call('settings.get', {})).delivery).toEqual(before.delivery);

    // Not a number at all: refused by the form, beside the field, before anything is sent.
    await fill(user, form, 'MLLP port', 'twenty');
    await user.click(within(form).getByRole('button', { name: 'Save delivery settings' }));
    expect(besideField(form, 'MLLP port')).toBe('is a whole number');
    expect((await api().call('settings.get', {})).delivery).toEqual(before.delivery);
  });

  it('saves MLLP and FHIR with a bearer token file, reads back the path only, and stores a channel turned off as null', async () => {
    const user = userEvent.setup();
    const form = await openForm(user, 'Note delivery');
    await user.click(within(form).getByRole('checkbox', { name: 'Drop in a folder' }));
    await fill(user, form, 'Delivery folder (absolute path; the engine polls it for .hl7 files)', FOLDER);
    await user.click(within(form).getByRole('checkbox', { name: 'Send over MLLP (HL7 v2)' }));
    await fill(user, form, 'MLLP host', 'engine.example');
    await fill(user, form, 'MLLP port', '2575');
    await fill(user, form, 'MLLP timeout (seconds)', '20');
    await user.click(within(form).getByRole('checkbox', { name: 'Send over FHIR R4 REST' }));
    await fill(user, form, 'FHIR base URL', 'https://ehr.example.org/fhir/r4/');
    await user.click(within(form).getByRole('radio', { name: 'Bearer token from a file' }));
    expect(within(form).getByText("An absolute path to a file only this computer's user can read; the token itself is never stored.")).toBeTruthy();
    // A relative path is the contract's refusal, beside the field.
    await fill(user, form, 'Bearer token file', 'token.txt');
    await user.click(within(form).getByRole('button', { name: 'Save delivery settings' }));
    await coreSettled();
    expect(besideField(form, 'Bearer token file')).toBe('must be an absolute file path');
    expect((await api().call('settings.get', {})).delivery).toEqual(before.delivery);

    await fill(user, form, 'Bearer token file', '/etc/proceduredesk/fhir-token');
    await fill(user, form, 'First wait (seconds)', '60');
    await fill(user, form, 'Longest wait (seconds)', '1800');
    await user.click(within(form).getByRole('button', { name: 'Save delivery settings' }));
    await coreSettled();
    expect(await within(form).findByRole('status')).toHaveProperty('textContent',
      'Delivery saved: folder, MLLP to engine.example:2575, FHIR to https://ehr.example.org/fhir/r4 (bearer token).');
    const saved = (await api().call('settings.get', {})).delivery;
    expect(saved).toEqual({
      folder: FOLDER,
      mllp: { host: 'engine.example', port: 2575, timeoutSeconds: 20 },
      fhir: { base: 'https://ehr.example.org/fhir/r4', auth: { kind: 'bearer', tokenFile: '/etc/proceduredesk/fhir-token' }, timeoutSeconds: 30 },
      retryBaseSeconds: 60, retryCapSeconds: 1800,
    });

    await user.click(within(form).getByRole('checkbox', { name: 'Send over MLLP (HL7 v2)' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Drop in a folder' }));
    await user.click(within(form).getByRole('button', { name: 'Save delivery settings' }));
    await coreSettled();
    expect(await within(form).findByText('Delivery saved: FHIR to https://ehr.example.org/fhir/r4 (bearer token).')).toBeTruthy();
    expect((await api().call('settings.get', {})).delivery).toMatchObject({ folder: null, mllp: null, fhir: { auth: { kind: 'bearer' } } });
  });
});

describe("Day's schedule (real core)", () => {
  it('refuses a listener port below 1024 beside the field, then saves the FHIR pull and the inbox folder', async () => {
    const user = userEvent.setup();
    const form = await openForm(user, "Day's schedule");
    // The pull takes no SMART token: only None and Bearer are offered.
    await user.click(within(form).getByRole('checkbox', { name: 'Pull appointments from a FHIR server' }));
    expect(within(form).queryByRole('radio', { name: 'SMART Backend Services' })).toBeNull();
    await user.click(within(form).getByRole('checkbox', { name: 'Listen for HL7 over MLLP' }));
    await fill(user, form, 'Listen port', '80');
    await fill(user, form, 'FHIR base URL', 'https://ehr.example.org/fhir/r4');
    await fill(user, form, 'Location', 'Location/123');
    await user.click(within(form).getByRole('radio', { name: 'Bearer token from a file' }));
    await fill(user, form, 'Bearer token file', '/etc/proceduredesk/schedule-token');
    await user.click(within(form).getByRole('button', { name: 'Save schedule settings' }));
    await coreSettled();
    expect(besideField(form, 'Listen port')).toBe('is a port from 1024 to 65535');
    expect((await api().call('settings.get', {})).schedule).toEqual(before.schedule);

    await user.click(within(form).getByRole('checkbox', { name: 'Listen for HL7 over MLLP' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Read HL7 SIU/ADT files from an inbox folder' }));
    await fill(user, form, 'HL7 inbox folder (absolute path; each file moves to done/ or refused/ beside it)', FOLDER);
    await user.click(within(form).getByRole('button', { name: 'Save schedule settings' }));
    await coreSettled();
    expect(await within(form).findByText('Schedule sources saved: FHIR Appointment search at https://ehr.example.org/fhir/r4 for Location/123, HL7 inbox folder.')).toBeTruthy();
    expect((await api().call('settings.get', {})).schedule).toEqual({
      fhir: { baseUrl: 'https://ehr.example.org/fhir/r4', location: 'Location/123', auth: { kind: 'bearer', tokenFile: '/etc/proceduredesk/schedule-token' }, timeoutSeconds: 30 },
      hl7Inbox: FOLDER, mllp: null, maxMessageBytes: before.schedule.maxMessageBytes,
    });
  });
});
