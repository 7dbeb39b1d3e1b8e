// The anticoagulant check in the clinic's time zone: day rules across clock changes take the later
// of N × 24 h and the same wall-clock time, hour rules are exact durations, in zones on both
// hemispheres and with odd offsets; and the clinic-time input (datetime-local) read and shown back.
import { describe, expect, it } from 'vitest';
import type { RiskClass } from '../clinical/anticoagulant-table';
import { checkAnticoagulants } from './anticoagulant-check';
import { instantToLocalInput, localInputToInstant } from './zoned-time';
import { clinicDateTime } from './clinic-time';

describe('time zones and clock changes', () => {
  const check = (drugId: string, lastDoseAt: string, timeZone: string, riskClass: RiskClass = 'high') =>
    checkAnticoagulants({ entries: [{ drugId, lastDoseAt, renalImpaired: false }], riskClass, plannedStartAt: lastDoseAt, timeZone }).rows[0]!;

  it('America/New_York, spring forward (2026-03-08): a day rule takes N × 24 h, the later reading', () => {
    // Last dose Fri 6 Mar 09:00 EST. 7 calendar days later at 09:00 EDT is 13:00Z, only 167 h;
    // 7 × 24 h is 14:00Z = 10:00 EDT. The later wins.
    const row = check('clopidogrel', '2026-03-06T14:00:00Z', 'America/New_York');
    expect(row.lastDoseLocal).toBe('2026-03-06 09:00');
    expect(row.earliestSafeAt).toBe('2026-03-13T14:00:00.000Z');
    expect(row.earliestSafeLocal).toBe('2026-03-13 10:00');
  });

  it('America/New_York, fall back (2026-11-01): a day rule takes the same wall-clock time, the later reading', () => {
    // Last dose Fri 30 Oct 09:00 EDT (13:00Z). 5 × 24 h is 13:00Z = 08:00 EST; 09:00 EST is 14:00Z.
    const row = check('warfarin', '2026-10-30T13:00:00Z', 'America/New_York');
    expect(row.earliestSafeAt).toBe('2026-11-04T14:00:00.000Z');
    expect(row.earliestSafeLocal).toBe('2026-11-04 09:00');
  });

  it('an hours rule across a clock change is an exact duration', () => {
    // Enoxaparin therapeutic, 24 h: Sat 7 Mar 20:00 EST → Sun 8 Mar 21:00 EDT (23 wall-clock hours later).
    const spring = check('enoxaparin-therapeutic', '2026-03-08T01:00:00Z', 'America/New_York');
    expect(spring.earliestSafeAt).toBe('2026-03-09T01:00:00.000Z');
    expect(spring.earliestSafeLocal).toBe('2026-03-08 21:00');
    // UFH SC 24 h over fall-back: Sat 31 Oct 20:00 EDT → Sun 1 Nov 19:00 EST.
    const autumn = check('ufh-sc', '2026-11-01T00:00:00Z', 'America/New_York');
    expect(autumn.earliestSafeAt).toBe('2026-11-02T00:00:00.000Z');
    expect(autumn.earliestSafeLocal).toBe('2026-11-01 19:00');
  });

  it('a day rule landing in the spring-forward gap, and in the repeated autumn hour, takes the later instant', () => {
    // 02:30 EST on 5 Mar + 3 days = 02:30 on 8 Mar, which does not exist: read as 03:30 EDT (07:30Z),
    // equal to 3 × 24 h here.
    expect(check('rivaroxaban', '2026-03-05T07:30:00Z', 'America/New_York').earliestSafeLocal).toBe('2026-03-08 03:30 EDT');
    // 01:30 EDT on 29 Oct + 3 days = 01:30 on 1 Nov, which happens twice: the later (EST, 06:30Z),
    // an hour after 3 × 24 h.
    const autumn = check('rivaroxaban', '2026-10-29T05:30:00Z', 'America/New_York');
    expect(autumn.earliestSafeAt).toBe('2026-11-01T06:30:00.000Z');
    expect(autumn.earliestSafeLocal).toBe('2026-11-01 01:30 EST');
  });

  it('the boundary holds across a clock change: exactly at the limit is clear, one minute earlier is not', () => {
    const entries = [{ drugId: 'warfarin', lastDoseAt: '2026-10-30T13:00:00Z' }];
    const inr = { value: 1.0, threshold: 1.2 };
    const at = (plannedStartAt: string) => checkAnticoagulants({ entries, riskClass: 'high', plannedStartAt, timeZone: 'America/New_York', inr }).rows[0]!.status;
    expect(at('2026-11-04T14:00:00Z')).toBe('clear');
    expect(at('2026-11-04T13:59:00Z')).toBe('too-recent');
  });

  it('Europe/London (BST from 2026-03-29)', () => {
    // Fri 27 Mar 08:00 GMT + 3 days: 08:00 BST on 30 Mar is 07:00Z; 72 h is 08:00Z = 09:00 BST.
    const row = check('rivaroxaban', '2026-03-27T08:00:00Z', 'Europe/London');
    expect(row.lastDoseLocal).toBe('2026-03-27 08:00');
    expect(row.earliestSafeAt).toBe('2026-03-30T08:00:00.000Z');
    expect(row.earliestSafeLocal).toBe('2026-03-30 09:00');
  });

  it('Australia/Sydney, southern hemisphere (daylight saving ends 2026-04-05)', () => {
    // Fri 3 Apr 09:00 AEDT (22:00Z on 2 Apr) + 4 days: 09:00 AEST on 7 Apr is 23:00Z on 6 Apr,
    // an hour after 96 h. The later wins.
    const row = check('fondaparinux', '2026-04-02T22:00:00Z', 'Australia/Sydney');
    expect(row.lastDoseLocal).toBe('2026-04-03 09:00');
    expect(row.earliestSafeAt).toBe('2026-04-06T23:00:00.000Z');
    expect(row.earliestSafeLocal).toBe('2026-04-07 09:00');
    // Daylight saving starts 2026-10-04: the 96 h reading is later there.
    expect(check('fondaparinux', '2026-10-01T23:00:00Z', 'Australia/Sydney').earliestSafeAt).toBe('2026-10-05T23:00:00.000Z');
  });

  it('Asia/Kolkata (UTC+05:30) and Pacific/Chatham (UTC+13:45 / +12:45)', () => {
    const kolkata = check('clopidogrel', '2026-03-06T03:30:00Z', 'Asia/Kolkata');
    expect(kolkata.lastDoseLocal).toBe('2026-03-06 09:00');
    expect(kolkata.earliestSafeLocal).toBe('2026-03-13 09:00');
    // Chatham leaves daylight saving on 2026-04-05 (03:45 → 02:45). 3 days from Fri 3 Apr 09:00 +13:45:
    // 72 h is 08:00 +12:45 on 6 Apr; 09:00 +12:45 is later.
    const chatham = check('edoxaban', '2026-04-02T19:15:00Z', 'Pacific/Chatham');
    expect(chatham.lastDoseLocal).toBe('2026-04-03 09:00');
    expect(chatham.earliestSafeAt).toBe('2026-04-05T20:15:00.000Z');
    expect(chatham.earliestSafeLocal).toBe('2026-04-06 09:00');
  });
});

describe('clinic-time input (datetime-local) and formatting', () => {
  it('reads wall-clock time in the clinic zone', () => {
    expect(localInputToInstant('2026-03-07T09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(localInputToInstant('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(localInputToInstant('2026-07-01T09:00', 'Asia/Kolkata')).toBe('2026-07-01T03:30:00.000Z');
    expect(instantToLocalInput('2026-03-07T14:00:00Z', 'America/New_York')).toBe('2026-03-07 09:00');
    expect(localInputToInstant('2026-03-07 09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
  });

  it('reads a time in the spring-forward gap, or in the repeated hour, as the later instant', () => {
    expect(localInputToInstant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(localInputToInstant('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
    expect(localInputToInstant('2026-10-04T02:30', 'Australia/Sydney')).toBe('2026-10-03T16:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(localInputToInstant('', 'UTC')).toBeNull();
    expect(localInputToInstant('2026-02-30T09:00', 'UTC')).toBeNull();
    expect(localInputToInstant('07/03/2026 09:00', 'UTC')).toBeNull();
    expect(localInputToInstant('2026-03-07 9:00', 'UTC')).toBeNull();
    expect(() => localInputToInstant('2026-03-07T09:00', 'Not/AZone')).toThrow(RangeError);
  });

  it('shows the minute, rounded up for a "not before" time, so a shown safe time is never earlier than the computed one', () => {
    expect(clinicDateTime('2026-06-01T08:00:30Z', 'UTC', 'up')).toBe('2026-06-01 08:01');
    expect(clinicDateTime('2026-06-01T08:00:30Z', 'UTC')).toBe('2026-06-01 08:00');
  });
});
