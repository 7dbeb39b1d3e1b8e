// The checklist's keyboard shortcuts on the real encounter screen, against the
// real core over HTTP: J/K move between items, C checks, N asks for the reason,
// ? opens the help overlay (a named dialog; Esc closes it and focus returns),
// and none of them fires while typing in a text field.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { coreSettled } from '../testing/core-calls';
import { signInAs } from '../testing/session';
import { isTypingTarget, SHORTCUTS, shortcutFor } from './checklist-keys';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';

beforeAll(async () => {
  await signInAs('nurseSession');
  const patient = await api().call('patient.create', {
    mrn: `KEYS-${Date.now().toString(36)}`.toUpperCase(), familyName: 'Þórsdóttir', givenName: 'Hekla', birthDate: '1970-02-14', sex: 'female',
  });
  const encounter = await api().call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'right', plannedDate: '2026-11-25', indication: 'Axial low back pain.',
  });
  encounterId = encounter.id;
});
afterEach(cleanup);

// The rows of the part on show (one part of the encounter shows at a time).
const rows = () => Array.from(document.querySelectorAll<HTMLElement>('li.checklist-item')).filter((li) => !li.closest('[hidden]'));
const focusedRow = () => document.activeElement?.closest('li.checklist-item') ?? null;

async function openScreen(): Promise<void> {
  render(<EncounterScreen encounterId={encounterId} />);
  // Loaded from the core: the screen shows the checklist.
  await coreSettled();
  // The risks are a part of their own: chosen on the rail.
  await userEvent.setup().click(screen.getByRole('tab', { name: /^Consent/ }));
  expect(screen.getByRole('checkbox', { name: 'Infection' })).toBeTruthy();
}

describe('checklist keyboard shortcuts', () => {
  it('J and K move between items; C checks the focused item and it is saved in the core', async () => {
    await openScreen();
    const user = userEvent.setup();
    await user.keyboard('j');
    expect(focusedRow()).toBe(rows()[0]);
    await user.keyboard('jj');
    expect(focusedRow()).toBe(rows()[2]);
    await user.keyboard('k');
    expect(focusedRow()).toBe(rows()[1]);

    // Walk back to the "Infection" risk (the first of the part), then check it with C.
    const infection = screen.getByRole('checkbox', { name: 'Infection' }).closest('li')!;
    expect(rows()[0]).toBe(infection);
    await user.keyboard('k');
    expect(focusedRow()).toBe(infection);
    await user.keyboard('c');
    await coreSettled();
    expect(within(infection).getByText(/^Saved /)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Infection' }).checked).toBe(true);
    const stored = await api().call('encounter.get', { encounterId });
    expect(stored.items.find((i) => i.itemId === 'infection')?.status).toBe('checked');
  });

  it('N asks for the reason; keys typed there stay in the field; Enter confirms and focus stays on the row', async () => {
    await openScreen();
    const user = userEvent.setup();
    const row = screen.getByRole('checkbox', { name: 'Bleeding and local hematoma' }).closest('li')!;
    screen.getByRole('checkbox', { name: 'Bleeding and local hematoma' }).focus();
    await user.keyboard('n');
    const field = within(row).getByRole('textbox', { name: 'Reason not applicable' });
    expect(document.activeElement).toBe(field);
    // j, k, c, n and ? are letters of the reason here, not shortcuts.
    await user.keyboard('Not on anticoagulants, checked ? jkcn{Enter}');
    await coreSettled();
    expect(within(row).getByText('Not applicable: Not on anticoagulants, checked ? jkcn')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row.contains(document.activeElement)).toBe(true);
    const stored = await api().call('encounter.get', { encounterId });
    expect(stored.items.find((i) => i.itemId === 'bleeding')).toMatchObject({ status: 'not-applicable', reason: 'Not on anticoagulants, checked ? jkcn' });
  });

  it('? opens the help overlay listing every shortcut; Esc closes it and focus returns', async () => {
    await openScreen();
    const user = userEvent.setup();
    const box = screen.getByRole('checkbox', { name: 'Infection' });
    box.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    for (const s of SHORTCUTS) expect(within(dialog).getByRole('cell', { name: s.description })).toBeTruthy();
    // Keys do nothing behind the dialog while it is open; Tab stays inside.
    await user.keyboard('j');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(box);
    // The visible button opens the same overlay.
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});

describe('which keys are shortcuts', () => {
  const key = (k: string, target: EventTarget | null, mods: Partial<KeyboardEvent> = {}) =>
    shortcutFor({ key: k, target, ctrlKey: false, altKey: false, metaKey: false, defaultPrevented: false, ...mods });

  it('never while typing in a text field, a text area or a select; always on checkboxes and buttons', () => {
    const text = document.createElement('input');
    const area = document.createElement('textarea');
    const select = document.createElement('select');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect([text, area, select].map(isTypingTarget)).toEqual([true, true, true]);
    expect(isTypingTarget(box)).toBe(false);
    expect(key('j', text)).toBeNull();
    expect(key('?', area)).toBeNull();
    expect(key('j', box)).toBe('next');
    expect(key('?', document.body)).toBe('help');
  });

  it('not with Ctrl, Alt or Meta, and arrows or Space only on a checklist row', () => {
    expect(key('j', document.body, { ctrlKey: true })).toBeNull();
    expect(key('n', document.body, { metaKey: true })).toBeNull();
    expect(key('ArrowDown', document.body)).toBeNull();
    expect(key(' ', document.body)).toBeNull();
    const row = document.createElement('li');
    row.className = 'checklist-item';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    row.append(box);
    document.body.append(row);
    expect(key('ArrowDown', box)).toBe('next');
    expect(key(' ', row)).toBe('check');
    // Space on the checkbox itself is the checkbox's own key.
    expect(key(' ', box)).toBeNull();
    row.remove();
  });
});
