/**
 * Instants and clinic wall-clock time in an IANA time zone, with Intl.DateTimeFormat only.
 *
 * Why no library: shared/ runs anywhere (no Node, no DOM) and Intl is ECMAScript, so the
 * zone rules come from the runtime's own tz data, the same data the clinic's clock uses.
 *
 * Instants are ISO 8601 strings with an explicit zone ("…Z" or "…+05:30"); a time without
 * a zone is refused, because JavaScript would read it in the machine's zone, not the clinic's.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;
export const HOUR_MS = HOUR;

/** A wall-clock reading in some zone. month is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    // hourCycle h23: midnight is 00, never 24 (some engines print 24 with hour12:false).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for a zone the runtime does not know (Intl does the checking). */
export function assertTimeZone(timeZone: string): void {
  partsFormatter(timeZone);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an ISO instant with an explicit zone; RangeError otherwise. */
export function parseInstant(iso: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO 8601 instant with a zone: "${iso}"`);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The wall-clock reading of an instant in a zone. */
export function wallTimeOf(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: −5 h). */
export function offsetAt(ms: number, timeZone: string): number {
  return wallAsUtc(wallTimeOf(ms, timeZone)) - ms;
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

function assertWallTime(w: WallTime): void {
  const probe = new Date(wallAsUtc(w));
  const valid =
    Number.isInteger(w.year) && probe.getUTCFullYear() === w.year && probe.getUTCMonth() === w.month - 1 && probe.getUTCDate() === w.day &&
    probe.getUTCHours() === w.hour && probe.getUTCMinutes() === w.minute && probe.getUTCSeconds() === w.second;
  if (!valid) throw new RangeError(`not a calendar date and time: ${JSON.stringify(w)}`);
}

/**
 * The instant at which a zone's clocks show a wall time. Where the wall time happens twice
 * (autumn fall-back) or never (spring-forward gap), the LATER instant is returned: every
 * caller here computes "not before" times (earliest procedure start, earliest restart, a
 * last dose), and the later reading can only lengthen an interval, never shorten it.
 * For a gap time that means the wall time shifted forward by the gap (02:30 → 03:30).
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  assertWallTime(wall);
  const naive = wallAsUtc(wall);
  // Offsets are within ±14 h, and zone transitions are weeks apart, so sampling the
  // offsets over ±24 h around the naive reading finds the one or two that can apply.
  const offsets = new Set<number>();
  for (let k = -4; k <= 4; k++) offsets.add(offsetAt(naive + k * 6 * HOUR, timeZone));
  const candidates = [...offsets].map((o) => naive - o);
  const matching = candidates.filter((c) => sameWall(wallTimeOf(c, timeZone), wall));
  return Math.max(...(matching.length ? matching : candidates));
}

/** The same wall-clock time n calendar days later (n may be negative). */
export function addCalendarDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// The date-time field's "YYYY-MM-DD HH:MM"; "T" as the separator is accepted too (ISO, and what a datetime-local gave).
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A date-time field's value ("2026-03-07 09:00" or "2026-03-07T09:00"), read as clinic wall-clock time, to an ISO
 * instant. null when the value is not a valid date and time. Gap and repeated times resolve
 * to the later instant (see instantOfWallTime).
 */
export function localInputToInstant(value: string, timeZone: string): string | null {
  assertTimeZone(timeZone); // a wrong zone is the caller's error, not a bad value
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Number((frac ?? '0').padEnd(3, '0')),
  };
  try {
    return toIso(instantOfWallTime(wall, timeZone));
  } catch (error) {
    if (error instanceof RangeError) return null; // e.g. 2026-02-30
    throw error;
  }
}

/** An ISO instant as a date-time field's value in the clinic zone ("2026-03-07 09:00"). */
export function instantToLocalInput(iso: string, timeZone: string): string {
  const w = wallTimeOf(parseInstant(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}
