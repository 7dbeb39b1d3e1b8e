import { inject } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useSession } from '../stores/session';
import { coreClient } from './core-calls';

/**
 * For screen tests against the real core: the nurse signed in, a patient, and a lumbar
 * transforaminal ESI (left, one level) moved to pre-procedure. Returns the encounter id.
 */
export async function nurseWithPreProcedureEncounter(patient: { mrn: string; familyName: string; givenName: string; birthDate: string; sex: 'female' | 'male' }, levels: string[]): Promise<string> {
  setClient(coreClient());
  setSessionToken(inject('nurseSession'));
  const session = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: session.session!.user });
  const created = await api().call('patient.create', patient);
  const encounter = await api().call('encounter.create', {
    patientId: created.id, templateId: 'lumbar-transforaminal-esi', levels, laterality: 'left', plannedDate: '2026-11-24', indication: 'Radicular pain.',
  });
  await api().call('encounter.advance', { encounterId: encounter.id, to: 'pre-procedure' });
  return encounter.id;
}
