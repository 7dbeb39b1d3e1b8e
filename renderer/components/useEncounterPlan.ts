import { useMemo } from 'react';
import { encounterPlanOf, planKey, type EncounterPlan } from '#shared/domain/encounter-plan';
import { useEncounter } from '../stores/encounter';

/**
 * The open encounter's plan facts (sedation, side, imaging, the patient's diabetes, the
 * planned contrast), built as the core builds them; the same object while they stay the same,
 * so what is memoised on it is not rebuilt on every record saved.
 */
export function useEncounterPlan(): EncounterPlan {
  const plan = useMaybeEncounterPlan();
  if (!plan) throw new Error('useEncounterPlan: no encounter is open');
  return plan;
}

/** The same, or null while no encounter is loaded. */
export function useMaybeEncounterPlan(): EncounterPlan | null {
  const detail = useEncounter((s) => s.detail);
  const plan = detail ? encounterPlanOf(detail.encounter, { records: detail.records, patientFacts: detail.patientFacts.facts }) : null;
  const key = plan ? planKey(plan) : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key holds every field of the plan
  return useMemo(() => plan, [key]);
}
