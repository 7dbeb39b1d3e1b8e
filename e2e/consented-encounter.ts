/** Test data through the contract: a patient, a lumbar TFESI encounter today, and the physician's consent discussion (the patient consents). */
import type { AppHandle } from './fixtures';

export async function consentedEncounter(
  app: AppHandle,
  patient: { mrn: string; familyName: string; givenName: string; birthDate: string; sex: string },
  questions: { question: string; answer: string }[] = [],
): Promise<string> {
  const { id: patientId } = await app.call<{ id: string }>('patient.create', patient);
  const { id: encounterId } = await app.call<{ id: string }>('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Left L5 radicular pain for 8 weeks.',
  });
  await app.call('consent.save', {
    encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: 'Physical therapy reviewed.',
    questions, interpreter: { used: false }, decision: 'consents',
  }, 'physician');
  return encounterId;
}
