/** Test data through the contract: a patient, a lumbar TFESI encounter today, and the physician's consent discussion (the patient consents). */
import { InvokeError } from './app-process';
import type { AppHandle } from './fixtures';

type NewPatient = { mrn: string; familyName: string; givenName: string; birthDate: string; sex: string };

/** A new patient and a scheduled left L4-L5 lumbar TFESI for today; returns the encounter's id. */
export async function tfesiToday(app: AppHandle, patient: NewPatient): Promise<string> {
  const { id: patientId } = await app.call<{ id: string }>('patient.create', patient);
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Left L5 radicular pain for 8 weeks.',
  });
  return encounterId;
}

export async function consentedEncounter(app: AppHandle, patient: NewPatient, questions: { question: string; answer: string }[] = []): Promise<string> {
  const encounterId = await tfesiToday(app, patient);
  await app.call('consent.save', {
    encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: 'Physical therapy reviewed.',
    questions, interpreter: { used: false }, decision: 'consents',
  }, 'physician');
  return encounterId;
}

/** What no override lifts before the time-out (issue 18): the patient consents, and signs (on paper here). */
export async function consentGivenAndSigned(app: AppHandle, encounterId: string): Promise<void> {
  await app.call('consent.save', { encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }, 'physician');
  await app.call('consent.captureSignature', { encounterId, signer: 'patient', signerName: 'The Patient', method: 'paper' }, 'physician');
}

/** The signed time-out no override lifts before the procedure. */
export async function timeOutSigned(app: AppHandle, encounterId: string, password: string): Promise<void> {
  await app.call('encounter.addRecord', { encounterId, password, record: { kind: 'time-out', data: { participants: [{ name: 'Nina Nurse', role: 'nurse' }, { name: 'Dr Pat Physician', role: 'physician' }] } } }, 'physician');
}

/** For set-ups (issue 18: overrides are per blocker): ask to move; if refused, override each blocker the refusal names with `reason`. */
export async function advanceOverridingOpen(app: AppHandle, encounterId: string, to: string, reason: string, password: string): Promise<void> {
  try {
    await app.call('encounter.advance', { encounterId, to }, 'physician');
  } catch (error) {
    if (!(error instanceof InvokeError) || error.code !== 'CONFLICT') throw error;
    const details = (error.body as { details?: { path?: string }[] } | undefined)?.details ?? [];
    const overrides = details.flatMap((d) => (d.path?.startsWith('blockers.') ? [{ blockerId: d.path.slice('blockers.'.length), reason }] : []));
    await app.call('encounter.advance', { encounterId, to, overrides, password }, 'physician');
  }
}
