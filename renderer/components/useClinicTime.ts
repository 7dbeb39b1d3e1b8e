/**
 * Times on screen, in the clinic's zone, to the minute: the one formatter
 * (shared/domain/clinic-time.ts) bound to the session's zone.
 */
import { useMemo } from 'react';
import { clinicDate, clinicDateTime, clinicTime, type Instant } from '#shared/domain/clinic-time';
import { useSession } from '../stores/session';

export interface ClinicTime {
  timeZone: string;
  /** "2026-11-24 08:15" */
  dateTime: (at: Instant) => string;
  /** "08:15" */
  time: (at: Instant) => string;
  /** "2026-11-24" */
  date: (at: Instant) => string;
}

export function clinicTimeIn(timeZone: string): ClinicTime {
  return {
    timeZone,
    dateTime: (at) => clinicDateTime(at, timeZone),
    time: (at) => clinicTime(at, timeZone),
    date: (at) => clinicDate(at, timeZone),
  };
}

export function useClinicTime(): ClinicTime {
  const timeZone = useSession((s) => s.timeZone);
  return useMemo(() => clinicTimeIn(timeZone), [timeZone]);
}
