/**
 * The core's clock and id generator, wrapped so one command's draws can be
 * recorded (while the background check runs, for the side journal) and played
 * back (when the journal is replayed onto a restored backup): a replayed command
 * then creates the same ids at the same times, and later commands that name
 * those ids find them.
 */
import { randomUUID } from 'node:crypto';

export interface Draws {
  ids: string[];
  times: string[];
}

export interface CommandTape {
  now: () => Date;
  newId: () => string;
  /** Runs fn, recording what it draws. Callers run one recorded command at a time. */
  record<T>(fn: () => Promise<T>): Promise<{ value: T; draws: Draws }>;
  /** Runs fn drawing the recorded values; extra times repeat the last one, extra ids are fresh (the answer then differs). */
  play<T>(draws: Draws, fn: () => Promise<T>): Promise<T>;
}

export function commandTape(clock: () => Date = () => new Date(), ids: () => string = randomUUID): CommandTape {
  let recording: Draws | null = null;
  let playing: { draws: Draws; id: number; time: number } | null = null;
  return {
    now() {
      if (playing) {
        const { times } = playing.draws;
        const t = times[Math.min(playing.time++, times.length - 1)];
        if (t) return new Date(t);
      }
      const d = clock();
      recording?.times.push(d.toISOString());
      return d;
    },
    newId() {
      if (playing && playing.id < playing.draws.ids.length) return playing.draws.ids[playing.id++]!;
      const id = ids();
      recording?.ids.push(id);
      return id;
    },
    async record(fn) {
      const draws: Draws = { ids: [], times: [] };
      recording = draws;
      try {
        return { value: await fn(), draws };
      } finally {
        recording = null;
      }
    },
    async play(draws, fn) {
      playing = { draws, id: 0, time: 0 };
      try {
        return await fn();
      } finally {
        playing = null;
      }
    },
  };
}
