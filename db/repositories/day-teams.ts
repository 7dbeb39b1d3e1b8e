/** The team of the day per room and clinic date: each pick is a row, the latest is the team (append-only). */
import type { Actor } from '#shared/contract/common';
import type { DayTeamMemberInput } from '#shared/contract/day-team';
import type { Db } from '../connection';

interface DayTeamRow {
  members_json: string;
  at: string;
  by_name: string;
  by_role: Actor['role'];
}

export interface StoredDayTeam {
  members: DayTeamMemberInput[];
  at: string;
  by: Actor;
}

export function createDayTeamRepository(db: Db) {
  const latest = db.prepare<[string, string], DayTeamRow>(
    'SELECT members_json, at, by_name, by_role FROM day_teams WHERE room = ? AND clinic_date = ? ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO day_teams (id, room, clinic_date, members_json, at, by_name, by_role, by_user_id)
     VALUES (@id, @room, @date, @members, @at, @byName, @byRole, @byUserId)`,
  );
  return {
    latest(room: string, date: string): StoredDayTeam | null {
      const row = latest.get(room, date);
      if (!row) return null;
      return { members: JSON.parse(row.members_json) as DayTeamMemberInput[], at: row.at, by: { name: row.by_name, role: row.by_role } };
    },
    add(pick: { id: string; room: string; date: string; members: readonly DayTeamMemberInput[]; at: string; by: Actor; byUserId: string }): void {
      insert.run({ id: pick.id, room: pick.room, date: pick.date, members: JSON.stringify(pick.members), at: pick.at, byName: pick.by.name, byRole: pick.by.role, byUserId: pick.byUserId });
    },
  };
}
export type DayTeamRepository = ReturnType<typeof createDayTeamRepository>;
