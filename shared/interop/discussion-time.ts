/**
 * When the consent discussion happened, for FHIR Consent.dateTime and HL7 TXA-4 (activity date/time):
 * the time the clinician recorded for the discussion, else when the patient (or surrogate) signed,
 * else, with neither recorded, when the discussion was last saved. Never simply the last save when
 * a better time is known: a note edited the next day must not move the discussion to that day.
 */
import type { EncounterDetail } from '../contract/encounter';

export function discussionTime(detail: Pick<EncounterDetail, 'consent'> & Partial<Pick<EncounterDetail, 'signatures'>>): string | null {
  const { consent } = detail;
  if (!consent) return null;
  if (consent.discussedAt) return consent.discussedAt;
  const signed = (detail.signatures ?? [])
    .filter((s) => !s.voided && (s.signer === 'patient' || s.signer === 'surrogate'))
    .map((s) => s.at)
    .sort()[0];
  return signed ?? consent.updatedAt;
}
