/**
 * Sample patients and today's encounters, so a newcomer sees a populated worklist.
 * Goes through the dispatcher like any other caller, as the signed-in user who
 * asked for it; runs only on an empty database.
 */
import type { Dispatch } from '#shared/contract/dispatcher';
import type { Db } from './connection';

const PATIENTS = [
  { mrn: 'DEMO-1001', familyName: 'Núñez', givenName: 'José', birthDate: '1961-03-14', sex: 'male' },
  { mrn: 'DEMO-1002', familyName: 'Okafor', givenName: 'Adaeze', birthDate: '1975-08-02', sex: 'female' },
  { mrn: 'DEMO-1003', familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1958-11-30', sex: 'female' },
] as const;

const PLANS = [
  { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Left L5 radicular pain for 8 weeks from an L4-L5 disc herniation; failed physical therapy and NSAIDs.' },
  { templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral', indication: 'Axial low back pain for 6 months, worse on extension; suspected L4-L5 facet-mediated pain.' },
  { templateId: 'lumbar-transforaminal-esi', levels: ['L5-S1'], laterality: 'right', indication: 'Right S1 radiculopathy with concordant MRI; 6 weeks of symptoms despite conservative care.' },
] as const;

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n === 0;
}

export async function seedDemo(dispatch: Dispatch, session: string, db: Db, today: string): Promise<boolean> {
  if (!isEmpty(db)) return false;
  for (const [i, p] of PATIENTS.entries()) {
    const created = await dispatch('patient.create', { ...p }, session);
    if (!created.ok) throw new Error(`demo patient: ${created.error.message}`);
    const plan = PLANS[i];
    if (!plan) continue;
    const encounter = await dispatch('encounter.create', {
      patientId: (created.value as { id: string }).id,
      ...plan,
      levels: [...plan.levels],
      plannedDate: today,
    }, session);
    if (!encounter.ok) throw new Error(`demo encounter: ${encounter.error.message}`);
  }
  return true;
}
