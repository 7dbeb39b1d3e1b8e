/**
 * The dayTeam namespace: the team of the day per room and clinic date, picked from the
 * clinic's active nurse and physician accounts plus visitors typed by name and role. The
 * time-out starts from it, so the team's names are typed once a day, not at every time-out.
 */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { DayTeamMember, DayTeamMemberInput, DayTeamView, TeamAccount } from '#shared/contract/day-team';
import { createDayTeamRepository } from '../repositories/day-teams';
import { createUserRepository } from '../repositories/users';
import type { HandlerContext } from './support/context';

/** The accounts that can be picked: active clinical accounts (administrators and records staff are not in the room). */
function teamAccounts(users: ReturnType<typeof createUserRepository>): TeamAccount[] {
  return users.list()
    .filter((u) => u.active && (u.role === 'nurse' || u.role === 'physician'))
    .map((u) => ({ userId: u.id, name: u.displayName, role: u.role }));
}

export function dayTeamHandlers(ctx: HandlerContext): Pick<Handlers, 'dayTeam.get' | 'dayTeam.set'> {
  const teams = createDayTeamRepository(ctx.db);
  const users = createUserRepository(ctx.db);

  function view(room: string, date: string): DayTeamView {
    const accounts = teamAccounts(users);
    const stored = teams.latest(room, date);
    // An account deactivated since the pick has left the team: it can no longer take part.
    const members = stored?.members.flatMap((m): DayTeamMember[] => {
      if (m.kind === 'visitor') return [{ kind: 'visitor', userId: null, name: m.name, role: m.role }];
      const account = accounts.find((a) => a.userId === m.userId);
      return account ? [{ kind: 'account', userId: account.userId, name: account.name, role: account.role }] : [];
    });
    return { room, date, team: stored && members ? { members, at: stored.at, by: stored.by } : null, accounts };
  }

  return {
    'dayTeam.get': ({ room, date }) => view(room, date),

    'dayTeam.set': ({ room, date, members }, { caller }) => {
      const pickable = new Set(teamAccounts(users).map((a) => a.userId));
      const refused = members.flatMap((m: DayTeamMemberInput, i) => (m.kind === 'account' && !pickable.has(m.userId) ? [i] : []));
      if (refused.length) {
        throw new CommandError('INVALID_INPUT', `dayTeam.set: ${refused.map((i) => `members.${i}`).join(', ')}: is not an active nurse or physician account`,
          refused.map((i) => ({ path: `members.${i}.userId`, message: 'is not an active nurse or physician account' })));
      }
      teams.add({ id: ctx.newId(), room, date, members, at: ctx.now(), by: caller.actor, byUserId: caller.userId });
      return view(room, date);
    },
  };
}
