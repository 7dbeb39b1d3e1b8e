// The time-out sign-off starts from the team of the day (issue 18, point 4), against the real core
// over HTTP: with no team for the room the form offers to pick one; picked once (accounts by checkbox,
// a visitor by name and role), the people are filled in and the physician only signs. Each test uses
// its own room: the host's core is shared by every renderer test.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { useDayTeam } from '../stores/day-team';
import { signInAs } from '../testing/session';
import { TimeOutSignOff } from './TimeOutSignOff';

const DAY = '2026-11-24';
const NURSE = 'Nina Nurse';
const PHYSICIAN = 'Dr Pat Physician';
let room = '';
let signed: unknown[] = [];
const onSubmit = (data: unknown) => {
  signed.push(data);
  return Promise.resolve(null);
};
const people = () => within(screen.getByRole('form', { name: 'Time-out sign-off' })).queryAllByLabelText<HTMLInputElement>(/^Name of person \d+$/).map((i) => i.value);

beforeEach(async () => {
  await signInAs('physicianSession');
  room = `Room ${Math.random().toString(36).slice(2, 8)}`;
  useDayTeam.getState().setRoom(room);
  signed = [];
});
afterEach(cleanup);

describe('the time-out sign-off and the team of the day (real core over HTTP)', () => {
  it('with no team picked, offers to pick it; once picked, the team fills the people taking part', async () => {
    const user = userEvent.setup();
    render(<TimeOutSignOff date={DAY} onSubmit={onSubmit} />);
    expect(await screen.findByText(`No team picked for today in ${room}.`)).toBeTruthy();
    expect(people()).toEqual([PHYSICIAN]);

    await user.click(screen.getByRole('button', { name: "Pick today's team" }));
    const dialog = await screen.findByRole('dialog', { name: `Team of the day, ${DAY}` });
    const form = await within(dialog).findByRole('form', { name: 'Team of the day' });
    // The signed-in physician starts ticked; the nurse is one click.
    expect(within(form).getByRole<HTMLInputElement>('checkbox', { name: `${PHYSICIAN} (physician)` }).checked).toBe(true);
    await user.click(within(form).getByRole('checkbox', { name: `${NURSE} (nurse)` }));
    await user.click(within(form).getByRole('button', { name: 'Add visitor' }));
    await user.type(within(form).getByLabelText('Name of visitor 1'), 'Sam Okafor');
    // A visitor without a role is refused beside the field, and nothing is stored.
    await user.click(within(form).getByRole('button', { name: "Save today's team" }));
    expect(await within(form).findByText("give the visitor's role")).toBeTruthy();
    expect((await api().call('dayTeam.get', { room, date: DAY })).team).toBeNull();
    await user.type(within(form).getByLabelText('Role of visitor 1'), 'radiographer');
    await user.click(within(form).getByRole('button', { name: "Save today's team" }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByText(`Today's team in ${room}; remove anyone not here.`);
    expect(people()).toEqual([PHYSICIAN, NURSE, 'Sam Okafor']);
    const stored = await api().call('dayTeam.get', { room, date: DAY });
    expect(stored.team!.members.map((m) => `${m.name}/${m.role}`)).toEqual([`${PHYSICIAN}/physician`, `${NURSE}/nurse`, 'Sam Okafor/radiographer']);
  });

  it('a team already picked for the room is there when the form opens: remove who is absent, then only sign', async () => {
    const view = await api().call('dayTeam.get', { room, date: DAY });
    await api().call('dayTeam.set', {
      room, date: DAY, members: [...view.accounts.filter((a) => a.name === NURSE).map((a) => ({ kind: 'account' as const, userId: a.userId })), { kind: 'visitor', name: 'Lee Chan', role: 'student' }],
    });
    const user = userEvent.setup();
    render(<TimeOutSignOff date={DAY} onSubmit={onSubmit} />);
    await screen.findByText(`Today's team in ${room}; remove anyone not here.`);
    // Whoever signs takes part: the physician first, then the team.
    expect(people()).toEqual([PHYSICIAN, NURSE, 'Lee Chan']);
    await user.click(screen.getByRole('button', { name: 'Remove Lee Chan' }));
    await user.type(screen.getByLabelText('Your password (signs the time-out)'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign the time-out' }));
    await waitFor(() => expect(signed).toHaveLength(1));
    expect(signed[0]).toEqual({ participants: [{ name: PHYSICIAN, role: 'physician' }, { name: NURSE, role: 'nurse' }] });
    // Another room has its own team (none here).
    useDayTeam.getState().setRoom(`${room} b`);
    expect(await screen.findByText(`No team picked for today in ${room} b.`)).toBeTruthy();
  });
});
