/**
 * How every screen and every human-readable export (text note, PDF) writes a time: the
 * clinic's wall clock, to the minute, "2026-11-24 08:15". Never seconds or milliseconds,
 * never a "UTC-06:00" after each time. Machine formats (HL7, FHIR) keep their own instants.
 *
 * A chart copy names its zone once, in a header ("CST (Central Standard Time, America/Chicago)");
 * a time on the other side of a daylight-saving change carries its own short name ("CDT"),
 * so the repeated autumn hour still reads one way. See noteClock.
 */
import { assertTimeZone, offsetAt, parseInstant, wallTimeOf } from './zoned-time';

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant or ms since the epoch. */
export type Instant = string | number;
const msOf = (at: Instant): number => (typeof at === 'number' ? at : parseInstant(at));

/**
 * Minutes are cut, not rounded: a recorded event shows the minute it happened in. A computed
 * "not before" time (earliest safe procedure start, restart) passes `up`, so the time shown
 * is never earlier than the one computed.
 */
function toMinute(ms: number, round: 'down' | 'up'): number {
  return round === 'up' ? Math.ceil(ms / MINUTE) * MINUTE : Math.floor(ms / MINUTE) * MINUTE;
}

/** The clinic's calendar date, YYYY-MM-DD (ISO: unambiguous to US and European readers). */
export function clinicDate(at: Instant, timeZone: string): string {
  const w = wallTimeOf(msOf(at), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function plainTime(ms: number, timeZone: string): string {
  const w = wallTimeOf(ms, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * Within 12 hours of a daylight-saving change the wall clock skips or repeats an hour, so
 * a bare "01:30" could be either: there the time carries its zone's short name ("01:30 CDT").
 */
function nearChange(ms: number, timeZone: string): boolean {
  return offsetAt(ms - 12 * 60 * MINUTE, timeZone) !== offsetAt(ms + 12 * 60 * MINUTE, timeZone);
}
const marked = (text: string, ms: number, timeZone: string) => (nearChange(ms, timeZone) ? `${text} ${zoneAbbreviation(ms, timeZone)}` : text);

/** The clinic's time of day, "HH:MM" (24-hour); "01:30 CDT" near a daylight-saving change. */
export function clinicTime(at: Instant, timeZone: string, round: 'down' | 'up' = 'down'): string {
  const ms = toMinute(msOf(at), round);
  return marked(plainTime(ms, timeZone), ms, timeZone);
}

/** The clinic's date and time, "YYYY-MM-DD HH:MM"; "2026-11-01 01:30 CDT" near a daylight-saving change. */
export function clinicDateTime(at: Instant, timeZone: string, round: 'down' | 'up' = 'down'): string {
  const ms = toMinute(msOf(at), round);
  return marked(`${clinicDate(ms, timeZone)} ${plainTime(ms, timeZone)}`, ms, timeZone);
}

/**
 * A "not before" time a patient reads: "Wednesday, November 25 at 4:05 PM EST", in the clinic's
 * zone, rounded up to the minute so it never shows earlier than computed. `locale`: the
 * language the patient reads it in (a BCP 47 tag; the handout passes the patient's).
 */
export function patientTime(at: Instant, timeZone: string, locale = 'en-US'): string {
  const ms = toMinute(msOf(at), 'up');
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(ms));
}

const shortNames = new Map<string, Intl.DateTimeFormat>();
const longNames = new Map<string, Intl.DateTimeFormat>();

function nameIn(cache: Map<string, Intl.DateTimeFormat>, style: 'short' | 'long', ms: number, timeZone: string): string {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style });
    cache.set(timeZone, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The zone's short name at an instant: "CST", "CDT", "GMT". Where the runtime has no
 * abbreviation for the zone (it prints "GMT+5:30") the numeric offset, "UTC+05:30".
 */
export function zoneAbbreviation(at: Instant, timeZone: string): string {
  const name = nameIn(shortNames, 'short', msOf(at), timeZone);
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  return m ? `UTC${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}` : name === 'UTC' || name === '' ? 'UTC' : name;
}

/** "CST (Central Standard Time, America/Chicago)": the zone named once, for a header. */
export function zoneHeading(at: Instant, timeZone: string): string {
  const short = zoneAbbreviation(at, timeZone);
  const long = nameIn(longNames, 'long', msOf(at), timeZone);
  return long && long !== short ? `${short} (${long}, ${timeZone})` : `${short} (${timeZone})`;
}

/** Reads a zoneHeading back: its short name and zone, or null. */
export function parseZoneHeading(text: string): { abbreviation: string; timeZone: string } | null {
  const m = /^(\S+) \((?:.*, )?([A-Za-z0-9_+\-/]+)\)$/.exec(text);
  return m ? { abbreviation: m[1]!, timeZone: m[2]! } : null;
}

/** Times in one chart copy: all in one zone, named once in its header. */
export interface NoteClock {
  timeZone: string;
  /** What the header says, or null when the copy has no header (each time then names its zone). */
  heading: string | null;
  /** "2026-11-24 08:15", or "2026-03-09 08:00 CDT" when not in the header's short name. */
  at(at: Instant): string;
}

/** A clock whose header names the zone as it is at `reference` (the note's own time: generated or signed). */
export function noteClock(timeZone: string, reference: Instant | null): NoteClock {
  const headerAbbreviation = reference === null ? null : zoneAbbreviation(reference, timeZone);
  return {
    timeZone,
    heading: reference === null ? null : zoneHeading(reference, timeZone),
    at(at) {
      const ms = toMinute(msOf(at), 'down');
      const text = `${clinicDate(ms, timeZone)} ${plainTime(ms, timeZone)}`;
      const abbreviation = zoneAbbreviation(ms, timeZone);
      return abbreviation === headerAbbreviation ? text : `${text} ${abbreviation}`;
    },
  };
}

/** The clock of a copy whose header says `heading` (zoneHeading's text), or null if it is not one. */
export function clockOfHeading(heading: string): NoteClock | null {
  const parsed = parseZoneHeading(heading);
  if (!parsed) return null;
  try {
    assertTimeZone(parsed.timeZone);
    const clock = noteClock(parsed.timeZone, null);
    return { ...clock, heading, at: (at) => clock.at(at).replace(new RegExp(` ${escape(parsed.abbreviation)}$`), '') };
  } catch {
    return null; // a zone this runtime does not know
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
