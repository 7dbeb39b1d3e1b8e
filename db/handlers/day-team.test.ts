// The team of the day (issue 18, point 4), through the real core on a real file: picked once per
// room and clinic date from active nurse and physician accounts plus visitors, the latest pick is
// the team, every pick is audited and kept, and bad input (an unknown or inactive account, a
// repeated member, a bad date or room, the wrong role) is refused with a specific error, writing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayTeamView } from '#shared/contract/day-team';
import { ADMIN, NURSE, ok, openTempCore, PHYSICIAN, RECORDS, tableCounts, type TempCore } from '../testing/temp-core';

let core: TempCore;
const nurse = () => core.as(NURSE);
const ROOM = 'Procedure room 1';
const DAY = '2026-11-24';

beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T07:30:00Z') });
});
afterEach(() => core.cleanup());

/** Signs in each so their accounts exist; returns the pickable accounts as the nurse sees them. */
async function accounts(): Promise<DayTeamView['accounts']> {
  ok(await core.as(PHYSICIAN)('auth.status', {}));
  ok(await core.as(RECORDS)('auth.status', {}));
  return ok<DayTeamView>(await nurse()('dayTeam.get', { room: ROOM, date: DAY })).accounts;
}

describe('the team of the day', () => {
  it('is picked from active nurse and physician accounts plus visitors, once per room and day, and read back by name and role', async () => {
    const pickable = await accounts();
    // Administrators and records staff are not in the procedure room.
    expect(pickable.map((a) => [a.name, a.role]).sort()).toEqual([[PHYSICIAN.name, 'physician'], [NURSE.name, 'nurse']].sort());
    expect(ok<DayTeamView>(await nurse()('dayTeam.get', { room: ROOM, date: DAY })).team).toBeNull();

    const members = [...pickable.map((a) => ({ kind: 'account', userId: a.userId })), { kind: 'visitor', name: '  Sam Okafor ', role: 'radiographer' }];
    const set = ok<DayTeamView>(await nurse()('dayTeam.set', { room: ROOM, date: DAY, members }));
    expect(set.team).toMatchObject({ by: NURSE, at: '2026-11-24T07:30:00.000Z' });
    expect(set.team!.members.map((m) => `${m.name} (${m.role})`)).toEqual([...pickable.map((a) => `${a.name} (${a.role})`), 'Sam Okafor (radiographer)']);

    // The same room under another case is the same room; another room or day has no team yet.
    expect(ok<DayTeamView>(await core.as(PHYSICIAN)('dayTeam.get', { room: 'procedure ROOM 1', date: DAY })).team!.members).toHaveLength(3);
    expect(ok<DayTeamView>(await nurse()('dayTeam.get', { room: 'Procedure room 2', date: DAY })).team).toBeNull();
    expect(ok<DayTeamView>(await nurse()('dayTeam.get', { room: ROOM, date: '2026-11-25' })).team).toBeNull();

    // Picked again: the latest is the team, the earlier pick is kept and cannot be changed.
    ok(await nurse()('dayTeam.set', { room: ROOM, date: DAY, members: [members[0]] }));
    expect(ok<DayTeamView>(await nurse()('dayTeam.get', { room: ROOM, date: DAY })).team!.members).toHaveLength(1);
    expect(core.db.prepare('SELECT count(*) FROM day_teams').pluck().get()).toBe(2);
    expect(() => core.db.prepare("UPDATE day_teams SET room = 'x'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM day_teams').run()).toThrow(/append-only/);
    const audit = core.db.prepare("SELECT action, target, user_name AS who FROM audit_log WHERE action LIKE 'dayTeam.%' ORDER BY seq").all();
    expect(audit).toEqual([
      { action: 'dayTeam.set', target: `day-team:${ROOM}/${DAY}`, who: NURSE.name },
      { action: 'dayTeam.set', target: `day-team:${ROOM}/${DAY}`, who: NURSE.name },
    ]);
  });

  it('drops an account deactivated since the pick, and refuses to pick it again', async () => {
    const pickable = await accounts();
    const doctor = pickable.find((a) => a.role === 'physician')!;
    ok(await nurse()('dayTeam.set', { room: ROOM, date: DAY, members: pickable.map((a) => ({ kind: 'account', userId: a.userId })) }));
    ok(await core.as(ADMIN)('users.setActive', { userId: doctor.userId, active: false }));
    const after = ok<DayTeamView>(await nurse()('dayTeam.get', { room: ROOM, date: DAY }));
    expect(after.team!.members.map((m) => m.name)).toEqual([NURSE.name]);
    expect(after.accounts.map((a) => a.name)).toEqual([NURSE.name]);
    const before = tableCounts(core);
    expect(await nurse()('dayTeam.set', { room: ROOM, date: DAY, members: [{ kind: 'account', userId: doctor.userId }] }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('members.0: is not an active nurse or physician account') } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('refuses bad input with a specific message and writes nothing', async () => {
    const pickable = await accounts();
    const someone = { kind: 'account', userId: pickable[0]!.userId };
    const before = tableCounts(core);
    const refusals: [unknown, string | RegExp][] = [
      [{ room: ROOM, date: DAY, members: [someone, someone] }, 'is already on the team'],
      [{ room: ROOM, date: DAY, members: [{ kind: 'visitor', name: 'Sam', role: 'x' }, { kind: 'visitor', name: 'sam', role: 'y' }] }, 'is already on the team'],
      [{ room: ROOM, date: DAY, members: [{ kind: 'visitor', name: 'Sam', role: '' }] }, "give the visitor's role"],
      [{ room: ROOM, date: DAY, members: [{ kind: 'account', userId: '00000000-0000-4000-8000-000000000000' }] }, 'is not an active nurse or physician account'],
      [{ room: '', date: DAY, members: [] }, 'name the room'],
      [{ room: ROOM, date: '2026-02-30', members: [] }, 'is not a real calendar date'],
      [{ room: ROOM, date: DAY, members: [{ kind: 'guest', name: 'X' }] }, /kind/],
    ];
    for (const [input, message] of refusals) {
      const answer = await nurse()('dayTeam.set', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((answer as { error: { message: string } }).error.message).toMatch(message);
    }
    // Administrators and records staff neither read nor pick it.
    for (const who of [ADMIN, RECORDS]) {
      expect(await core.as(who)('dayTeam.set', { room: ROOM, date: DAY, members: [someone] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await core.as(who)('dayTeam.get', { room: ROOM, date: DAY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(tableCounts(core)).toEqual(before);
  });
});
