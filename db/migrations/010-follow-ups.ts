/**
 * 010: follow-up visits and pain diaries ("did it help?").
 *
 * - follow_ups: one row per follow-up contact after a procedure: when it took
 *   place, the pain score (0–10 numeric rating scale), function, the percent
 *   relief the patient reports and how long it lasted, notes, and who recorded
 *   it. Function is three 0–10 interference ratings (0 = does not interfere,
 *   10 = interferes completely) for work, sleep and daily activities, in the
 *   style of the Brief Pain Inventory's interference items; NULL = not asked.
 *   A scale, not a clinical threshold: nothing is judged from it.
 * - pain_diaries / pain_diary_entries: after a diagnostic block, the baseline
 *   score and the scores at set times after the block (minutes_after; the
 *   fixed set is in shared/contract/follow-up.ts), with the local anaesthetic
 *   as recorded so the reader can judge its duration.
 *
 * All are insert-only by trigger. A follow-up or diary entered in error is
 * withdrawn by a row in follow_up_voids / pain_diary_voids with who, when and why.
 */
import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: 'follow-ups',
  up: `
    CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      seen_at TEXT NOT NULL,
      pain_score INTEGER NOT NULL CHECK (pain_score BETWEEN 0 AND 10),
      work_interference INTEGER CHECK (work_interference BETWEEN 0 AND 10),
      sleep_interference INTEGER CHECK (sleep_interference BETWEEN 0 AND 10),
      activity_interference INTEGER CHECK (activity_interference BETWEEN 0 AND 10),
      percent_relief INTEGER CHECK (percent_relief BETWEEN 0 AND 100),
      -- How long the relief lasted (or has lasted so far, when relief_ongoing = 1); both or neither.
      relief_duration INTEGER CHECK (relief_duration BETWEEN 0 AND 1000),
      relief_duration_unit TEXT CHECK (relief_duration_unit IN ('hours', 'days', 'weeks', 'months')),
      relief_ongoing INTEGER NOT NULL DEFAULT 0 CHECK (relief_ongoing IN (0, 1)),
      notes TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id),
      CHECK ((relief_duration IS NULL) = (relief_duration_unit IS NULL))
    ) STRICT;
    CREATE INDEX follow_ups_by_encounter ON follow_ups (encounter_id, seen_at);
    CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
      BEGIN SELECT RAISE(ABORT, 'a follow-up never changes; withdraw it and record it again'); END;
    CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups
      BEGIN SELECT RAISE(ABORT, 'a follow-up never changes; withdraw it and record it again'); END;

    CREATE TABLE follow_up_voids (
      follow_up_id TEXT PRIMARY KEY REFERENCES follow_ups (id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE TRIGGER follow_up_voids_no_update BEFORE UPDATE ON follow_up_voids
      BEGIN SELECT RAISE(ABORT, 'the follow-up history is append-only'); END;
    CREATE TRIGGER follow_up_voids_no_delete BEFORE DELETE ON follow_up_voids
      BEGIN SELECT RAISE(ABORT, 'the follow-up history is append-only'); END;

    CREATE TABLE pain_diaries (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      -- Time zero of the diary: when the block was done.
      block_at TEXT NOT NULL,
      baseline INTEGER NOT NULL CHECK (baseline BETWEEN 0 AND 10),
      local_anaesthetic TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE INDEX pain_diaries_by_encounter ON pain_diaries (encounter_id, at);
    CREATE TABLE pain_diary_entries (
      diary_id TEXT NOT NULL REFERENCES pain_diaries (id),
      minutes_after INTEGER NOT NULL CHECK (minutes_after > 0),
      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
      PRIMARY KEY (diary_id, minutes_after)
    ) STRICT;
    CREATE TRIGGER pain_diaries_no_update BEFORE UPDATE ON pain_diaries
      BEGIN SELECT RAISE(ABORT, 'a pain diary never changes; withdraw it and enter it again'); END;
    CREATE TRIGGER pain_diaries_no_delete BEFORE DELETE ON pain_diaries
      BEGIN SELECT RAISE(ABORT, 'a pain diary never changes; withdraw it and enter it again'); END;
    CREATE TRIGGER pain_diary_entries_no_update BEFORE UPDATE ON pain_diary_entries
      BEGIN SELECT RAISE(ABORT, 'a pain diary never changes; withdraw it and enter it again'); END;
    CREATE TRIGGER pain_diary_entries_no_delete BEFORE DELETE ON pain_diary_entries
      BEGIN SELECT RAISE(ABORT, 'a pain diary never changes; withdraw it and enter it again'); END;

    CREATE TABLE pain_diary_voids (
      diary_id TEXT PRIMARY KEY REFERENCES pain_diaries (id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE TRIGGER pain_diary_voids_no_update BEFORE UPDATE ON pain_diary_voids
      BEGIN SELECT RAISE(ABORT, 'the pain diary history is append-only'); END;
    CREATE TRIGGER pain_diary_voids_no_delete BEFORE DELETE ON pain_diary_voids
      BEGIN SELECT RAISE(ABORT, 'the pain diary history is append-only'); END;
  `,
};
