/** Formatting shared by the note renderings and the UI. */
import type { Patient } from '../contract/patient';

export function patientName(p: Pick<Patient, 'familyName' | 'givenName'>): string {
  return `${p.familyName.toUpperCase()}, ${p.givenName}`;
}

/** Dates stay ISO (YYYY-MM-DD): unambiguous across US and European readers. */
export function formatDate(isoDate: string): string {
  return isoDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time with its UTC offset, e.g. "2026-11-24 14:05 (UTC-05:00)". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}

/**
 * "Label: text". A label may be a whole sentence (a counselling fact's clinician wording
 * ends with a full stop): its closing punctuation is dropped, so a line never reads ".:".
 */
export function labelled(label: string, text: string): string {
  return `${label.replace(/[\s.,:;]+$/, '')}: ${text}`;
}
