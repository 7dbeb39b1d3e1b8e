/**
 * Calendar arithmetic for follow-up: the week a day falls in, days between two
 * clinic dates, and the longest relief a follow-up can report at a given time
 * after the procedure. Pure; dates are the clinic's calendar (YYYY-MM-DD).
 *
 * Choices made here, not clinical facts:
 * - A week runs Monday to Sunday.
 * - Relief "cannot exceed the time since the procedure" counts a month as 28 days
 *   (the shortest), so a relief of "1 month" is accepted from day 28: the check
 *   refuses only what cannot be true, never a calendar month honestly reported.
 */
import type { ReliefDuration } from '../contract/follow-up';

const toUtc = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/** Monday and Sunday of the week the date falls in. */
export function weekOf(date: string): { start: string; end: string } {
  const weekday = (new Date(toUtc(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const start = addDays(date, -weekday);
  return { start, end: addDays(start, 6) };
}

/** The least time each unit can mean, in hours (a month: 28 days). */
const MIN_HOURS: Record<ReliefDuration['unit'], number> = { hours: 1, days: 24, weeks: 7 * 24, months: 28 * 24 };

/** Whether a reported relief duration fits in the hours elapsed since the procedure. */
export function reliefFits(duration: ReliefDuration, hoursSinceProcedure: number): boolean {
  return duration.value * MIN_HOURS[duration.unit] <= hoursSinceProcedure;
}

/** "2 days" / "5 hours" since the procedure, for the error beside the field. */
export function elapsedWords(hours: number): string {
  if (hours < 48) {
    const h = Math.max(0, Math.floor(hours));
    return `${h} hour${h === 1 ? '' : 's'}`;
  }
  const d = Math.floor(hours / 24);
  return `${d} days`;
}
