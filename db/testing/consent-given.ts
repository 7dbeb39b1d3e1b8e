/**
 * The consent a team records before the time-out, for tests that walk the procedure
 * day: the discussion saved with the decision "consents", and the patient's signature
 * marked as signed on paper. No override lifts either, nor the signed time-out
 * (shared/domain/consent-blockers.ts), so set-ups that override their way on do these first.
 */
import { NURSE, ok, PHYSICIAN, TEST_PASSWORD, type TempCore } from './temp-core';

export const CONSENT_DISCUSSION = {
  discussedAt: null, place: 'Procedure room 2', benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '',
  questions: [], capacity: { kind: 'patient-has-capacity' }, interpreter: { used: false }, decision: 'consents',
} as const;

/** One call as a physician (the contract method and its input), however the test reaches the core. */
export type Act = (method: string, input: Record<string, unknown>) => Promise<unknown>;

/** Before moving `to`: what no override can stand in for. */
export async function doneBeforeMoving(act: Act, encounterId: string, to: string, password = TEST_PASSWORD): Promise<void> {
  if (to === 'time-out') {
    await act('consent.save', { encounterId, ...CONSENT_DISCUSSION });
    await act('consent.captureSignature', { encounterId, signer: 'patient', signerName: 'The Patient', method: 'paper' });
  }
  if (to === 'procedure') {
    await act('encounter.addRecord', { encounterId, password, record: { kind: 'time-out', data: { participants: [{ name: NURSE.name, role: 'nurse' }, { name: PHYSICIAN.name, role: 'physician' }] } } });
  }
}

export const physicianAct = (core: TempCore): Act => async (method, input) => ok(await core.as(PHYSICIAN)(method as never, input));

export async function consentGiven(core: TempCore, encounterId: string): Promise<void> {
  await doneBeforeMoving(physicianAct(core), encounterId, 'time-out');
}
