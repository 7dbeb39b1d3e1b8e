import { describe, expect, it } from 'vitest';
import { clinicDate, clinicDateTime, clinicTime, clockOfHeading, noteClock, parseZoneHeading, zoneAbbreviation, zoneHeading } from './clinic-time';

describe('clinic time: to the minute, in the clinic zone', () => {
  it('drops seconds and milliseconds, and never prints an offset', () => {
    expect(clinicDateTime('2026-12-04T18:45:12.807Z', 'UTC')).toBe('2026-12-04 18:45');
    expect(clinicDateTime('2026-12-04T18:45:12.807Z', 'America/Chicago')).toBe('2026-12-04 12:45');
    expect(clinicTime('2026-12-04T18:45:59.999Z', 'America/Chicago')).toBe('12:45');
    expect(clinicDate('2026-12-05T03:00:00Z', 'America/Chicago')).toBe('2026-12-04');
  });

  it('rounds a computed "not before" time up, never showing it earlier than computed', () => {
    expect(clinicDateTime('2026-12-04T18:45:00.001Z', 'UTC', 'up')).toBe('2026-12-04 18:46');
    expect(clinicDateTime('2026-12-04T18:45:00.000Z', 'UTC', 'up')).toBe('2026-12-04 18:45');
  });

  it('follows daylight saving: Chicago, London, Sydney', () => {
    // US spring-forward 2026-03-08 02:00 CST → 03:00 CDT.
    expect(clinicDateTime('2026-03-08T07:59:00Z', 'America/Chicago')).toBe('2026-03-08 01:59 CST');
    expect(clinicDateTime('2026-03-08T08:00:00Z', 'America/Chicago')).toBe('2026-03-08 03:00 CDT');
    expect(clinicDateTime('2026-03-10T08:00:00Z', 'America/Chicago')).toBe('2026-03-10 03:00');
    expect(zoneAbbreviation('2026-03-08T07:59:00Z', 'America/Chicago')).toBe('CST');
    expect(zoneAbbreviation('2026-03-08T08:00:00Z', 'America/Chicago')).toBe('CDT');
    // UK: 2026-03-29 01:00 GMT → 02:00 BST.
    expect(clinicDateTime('2026-03-29T00:59:00Z', 'Europe/London')).toBe('2026-03-29 00:59 GMT');
    expect(clinicDateTime('2026-03-29T01:00:00Z', 'Europe/London')).toBe('2026-03-29 02:00 UTC+01:00');
    expect(clinicDateTime('2026-07-01T08:00:00Z', 'Europe/London')).toBe('2026-07-01 09:00');
    // Southern hemisphere: Sydney leaves daylight time on 2026-04-05 03:00 → 02:00.
    // The repeated hour reads two ways, each with its zone's name.
    const sydneyFirst = clinicDateTime('2026-04-04T15:30:00Z', 'Australia/Sydney');
    const sydneySecond = clinicDateTime('2026-04-04T16:30:00Z', 'Australia/Sydney');
    expect(sydneyFirst).toMatch(/^2026-04-05 02:30 \S+$/);
    expect(sydneySecond).toMatch(/^2026-04-05 02:30 \S+$/);
    expect(sydneyFirst).not.toBe(sydneySecond);
    expect(clinicDateTime('2026-11-01T06:30:00Z', 'America/Chicago')).toBe('2026-11-01 01:30 CDT');
    expect(clinicDateTime('2026-11-01T07:30:00Z', 'America/Chicago')).toBe('2026-11-01 01:30 CST');
  });

  it('names a zone without an abbreviation by its offset', () => {
    expect(zoneAbbreviation('2026-06-01T00:00:00Z', 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(zoneAbbreviation('2026-06-01T00:00:00Z', 'UTC')).toBe('UTC');
    expect(zoneHeading('2026-11-24T14:00:00Z', 'America/Chicago')).toBe('CST (Central Standard Time, America/Chicago)');
    expect(parseZoneHeading('CST (Central Standard Time, America/Chicago)')).toEqual({ abbreviation: 'CST', timeZone: 'America/Chicago' });
  });
});

describe('a chart copy names its zone once', () => {
  it('prints times bare in the header zone, and marks the other side of a change', () => {
    const clock = noteClock('America/Chicago', '2026-11-24T14:30:00Z');
    expect(clock.heading).toBe('CST (Central Standard Time, America/Chicago)');
    expect(clock.at('2026-11-24T14:15:12.807Z')).toBe('2026-11-24 08:15');
    expect(clock.at('2026-10-20T14:15:00Z')).toBe('2026-10-20 09:15 CDT');
  });

  it('tells the repeated autumn hour apart', () => {
    // 2026-11-01: 01:30 happens twice in Chicago, first CDT (06:30Z), then CST (07:30Z).
    const clock = noteClock('America/Chicago', '2026-11-24T14:30:00Z');
    expect(clock.at('2026-11-01T06:30:00Z')).toBe('2026-11-01 01:30 CDT');
    expect(clock.at('2026-11-01T07:30:00Z')).toBe('2026-11-01 01:30');
  });

  it('without a header, every time names its zone; a header reads back to the same clock', () => {
    expect(noteClock('America/Chicago', null).at('2026-11-24T14:15:00Z')).toBe('2026-11-24 08:15 CST');
    const back = clockOfHeading('CST (Central Standard Time, America/Chicago)')!;
    expect(back.at('2026-11-24T14:15:00Z')).toBe('2026-11-24 08:15');
    expect(back.at('2026-10-20T14:15:00Z')).toBe('2026-10-20 09:15 CDT');
    expect(clockOfHeading('2026-11-24 08:15 (UTC-06:00)')).toBeNull();
    expect(clockOfHeading('XST (Nowhere/Atlantis)')).toBeNull();
  });
});
