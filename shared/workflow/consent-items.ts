/**
 * The consent item answered by the consent itself: "Consent discussion done and the signed
 * consent is available" is resolved once the discussion records the decision "consents" and
 * the patient or a surrogate has signed (not voided), as a saved record resolves its items
 * (record-items.ts). A voided signature or a changed decision opens it again.
 */
import type { Actor } from '../contract/common';
import type { ConsentDiscussion, ParticipantSignature } from '../contract/consent';

export const CONSENT_ITEM = 'wf-consent-discussion-done';

export interface ConsentResolution { itemId: string; at: string; by: Actor }

/** The consent item's resolution: the latest standing patient or surrogate signature, or null. */
export function consentResolution(
  consent: Pick<ConsentDiscussion, 'decision'> | null,
  signatures: readonly Pick<ParticipantSignature, 'signer' | 'voided' | 'at' | 'by'>[],
): ConsentResolution | null {
  if (consent?.decision !== 'consents') return null;
  const signed = signatures.filter((s) => !s.voided && (s.signer === 'patient' || s.signer === 'surrogate')).at(-1);
  return signed ? { itemId: CONSENT_ITEM, at: signed.at, by: signed.by } : null;
}
