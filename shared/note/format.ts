/** Formatting shared by the note renderings and the UI; times: shared/domain/clinic-time.ts. */
import type { Patient } from '../contract/patient';

export function patientName(p: Pick<Patient, 'familyName' | 'givenName'>): string {
  return `${p.familyName.toUpperCase()}, ${p.givenName}`;
}

/** Dates stay ISO (YYYY-MM-DD): unambiguous across US and European readers. */
export function formatDate(isoDate: string): string {
  return isoDate;
}

/**
 * "Label: text". A label may be a whole sentence (a counselling fact's clinician wording
 * ends with a full stop): its closing punctuation is dropped, so a line never reads ".:".
 */
export function labelled(label: string, text: string): string {
  return `${label.replace(/[\s.,:;]+$/, '')}: ${text}`;
}
