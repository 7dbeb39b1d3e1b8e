/**
 * 018: the team of the day (issue 18, point 4). Picked once per procedure room and clinic
 * date, from accounts plus visitors by name and role, it fills the time-out's list of people.
 * Append-only: a new pick is a new row and the latest for the room and date is the team, so
 * who was on it at any moment, and who changed it, stays answerable.
 */
import type { Migration } from './types';

export const migration018: Migration = {
  version: 18,
  name: 'day-teams',
  up: `
    CREATE TABLE day_teams (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      room TEXT NOT NULL COLLATE NOCASE CHECK (length(room) BETWEEN 1 AND 60),
      clinic_date TEXT NOT NULL CHECK (clinic_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      -- JSON array: {"kind":"account","userId":…} or {"kind":"visitor","name":…,"role":…}.
      members_json TEXT NOT NULL CHECK (json_valid(members_json) AND json_type(members_json) = 'array'),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE INDEX day_teams_room_date ON day_teams (room, clinic_date, seq);
    CREATE TRIGGER day_teams_no_update BEFORE UPDATE ON day_teams
      BEGIN SELECT RAISE(ABORT, 'day teams are append-only: pick the team again'); END;
    CREATE TRIGGER day_teams_no_delete BEFORE DELETE ON day_teams
      BEGIN SELECT RAISE(ABORT, 'day teams are append-only: pick the team again'); END;
  `,
};
