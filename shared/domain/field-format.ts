/**
 * The one format date and date-time fields speak, in input, hint and error alike (issue 18 §7, §11).
 * ISO order because it reads the same to US and European staff; the time is the clinic's wall clock.
 */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:MM';

/** What a date field says when its value is not a real date in its format. */
export const DATE_FORMAT_ERROR = `must be a date as ${DATE_FORMAT}`;
/** What a date-time field says when its value is not a real date and time in its format. */
export const DATE_TIME_FORMAT_ERROR = `must be a date and time as ${DATE_TIME_FORMAT}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar date in the field's format that exists ("2026-02-30" does not). */
export function isDateText(value: string): boolean {
  const m = DATE.exec(value.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The date n days on from a valid date text (for arrow keys in a date field). */
export function shiftDateText(value: string, days: number): string {
  const [y, mo, d] = value.trim().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
