/**
 * The core's dispatcher while the data file is checked in the background after a
 * crash (db/runtime.ts). Calls run one at a time, so the ids and times a change
 * draws are its own (db/command-tape.ts), and every acknowledged change is
 * appended to the side journal (db/check-journal.ts), fsynced, before its answer
 * goes out. Replay onto a restored backup (replayJournal) gives the same ids and
 * times; an answer that differs from the acknowledged one is kept for an
 * administrator, never silently accepted.
 *
 * - Sign-in, sign-out, lock and unlock change only sessions (held in memory;
 *   a recovery signs everyone out): answered, not journaled.
 * - A change whose input carries a password (signing, password changes) would
 *   need the password written down to be replayed: refused until the check is
 *   over, with when to try again. Nothing is acknowledged that cannot be replayed.
 *
 * Why not check only what the crash could have touched (the WAL's frames)? SQLite
 * itself recovers a torn WAL; quick_check after a crash is for the disk having lost
 * or misplaced writes it said were durable, and those can be any page written by
 * earlier checkpoints, not only the frames still in the WAL. quick_check also works
 * per b-tree, not per page. So every page is still checked, in the background.
 */
import type { Caller, Dispatch } from '#shared/contract/dispatcher';
import { type CommandError } from '#shared/contract/errors';
import { isMethodName, METHODS } from '#shared/contract/methods';
import type { CheckJournal, JournalRecord } from './check-journal';
import type { CommandTape } from './command-tape';
import type { Core } from './core';

const SESSION_ONLY = new Set(['auth.login', 'auth.logout', 'auth.lock', 'auth.unlock']);
const SECRET_KEY = /password|consoleCode/i;

function carriesSecret(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => SECRET_KEY.test(k) || carriesSecret(v));
}

const refuse = (code: CommandError['code'], message: string) => ({ ok: false as const, error: { code, message } });

export interface JournaledDispatch {
  dispatch: Dispatch;
  /** Stops taking calls (damage found) and settles once the call in progress has answered. */
  stop(reason: string): Promise<void>;
}

export function journaledDispatch(core: Core, journal: CheckJournal, tape: CommandTape, secondsLeft: () => number): JournaledDispatch {
  let queue: Promise<unknown> = Promise.resolve();
  let stopped: string | null = null;

  async function one(method: unknown, input: unknown, session?: string | null): ReturnType<Dispatch> {
    if (stopped) return refuse('UNAVAILABLE', stopped);
    const spec = isMethodName(method) ? METHODS[method] : null;
    if (!spec?.writes || SESSION_ONLY.has(method as string)) return core.dispatch(method, input, session);
    const parsed = spec.input.safeParse(input ?? {});
    if (parsed.success && carriesSecret(parsed.data)) {
      return refuse('UNAVAILABLE', `This waits until the background check of the data file is over (about ${secondsLeft()} s more): it needs your password, which is never written down meanwhile. Nothing was changed; try again then.`);
    }
    // Who is calling, as the core will find it; a refusal there is the core's to answer.
    let caller: Caller | null = null;
    if (spec.access !== 'public') {
      try {
        caller = core.auth.authenticate(typeof session === 'string' ? session : null, spec.access, method as never);
      } catch {
        return core.dispatch(method, input, session);
      }
    }
    const at = new Date().toISOString();
    const { value: answer, draws } = await tape.record(() => core.dispatch(method, input, session));
    if (!answer.ok) return answer;
    try {
      journal.append({ method: method as string, input: parsed.success ? parsed.data : input, caller: caller && { actor: caller.actor, userId: caller.userId }, at, ...draws, answer: answer.value });
    } catch (error) {
      // Saved in the file, but without the copy a restore would replay: say so rather than acknowledge.
      return refuse('INTERNAL', `${method as string}: saved, but the safety copy kept while the data file is checked could not be written (${error instanceof Error ? error.message : String(error)}). Tell your administrator.`);
    }
    return answer;
  }

  return {
    dispatch(method, input, session) {
      const next = queue.then(() => one(method, input, session));
      queue = next.catch(() => undefined);
      return next;
    },
    async stop(reason) {
      stopped = reason;
      await queue;
    },
  };
}

export interface ReplayOutcome {
  replayed: number;
  /** Commands whose replay failed or answered differently: kept in the journal for an administrator. */
  kept: { seq: number; method: string; at: string; why: string }[];
}

/** Replays the journal's commands in order onto a restored core, with their original caller, ids and times. */
export async function replayJournal(core: Core, tape: CommandTape, records: JournalRecord[]): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { replayed: 0, kept: [] };
  for (const r of records) {
    const caller = r.caller && { ...r.caller, token: '' };
    const answer = await tape.play(r, () => core.replay(r.method, r.input, caller));
    const why = !answer.ok ? `${answer.error.code}: ${answer.error.message}` : JSON.stringify(answer.value) !== JSON.stringify(r.answer) ? 'the replay answered differently' : null;
    if (why) outcome.kept.push({ seq: r.seq, method: r.method, at: r.at, why });
    else outcome.replayed++;
  }
  return outcome;
}
