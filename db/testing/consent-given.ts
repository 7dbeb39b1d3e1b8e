/**
 * The consent a team records before the time-out, for tests that walk the procedure
 * day: the discussion saved with the decision "consents", and the patient's signature
 * marked as signed on paper. No override lifts either (shared/domain/consent-blockers.ts).
 */
import { ok, PHYSICIAN, type TempCore } from './temp-core';

export const CONSENT_DISCUSSION = {
  discussedAt: null, place: 'Procedure room 2', benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '',
  questions: [], capacity: { kind: 'patient-has-capacity' }, interpreter: { used: false }, decision: 'consents',
} as const;

export async function consentGiven(core: TempCore, encounterId: string, signerName = 'The Patient'): Promise<void> {
  ok(await core.as(PHYSICIAN)('consent.save', { encounterId, ...CONSENT_DISCUSSION }));
  ok(await core.as(PHYSICIAN)('consent.captureSignature', { encounterId, signer: 'patient', signerName, method: 'paper' }));
}
