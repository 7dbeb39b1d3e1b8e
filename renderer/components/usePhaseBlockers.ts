import { useShallow } from 'zustand/react/shallow';
import type { Blocker } from '#shared/contract/encounter-records';
import { consentStandingOf } from '#shared/domain/consent-blockers';
import { resolvedIdsOf } from '#shared/domain/checklist';
import { phaseBlockers } from '#shared/domain/encounter-workflow';
import { anticoagulantInputOf } from '#shared/domain/anticoagulant-verdict';
import type { Template } from '#shared/library/schema';
import { recoveryStartedAt } from '#shared/workflow/observation';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { useEncounterPlan } from './useEncounterPlan';

/** What still blocks the open encounter's next state: read by the phase panel and the progress rail alike. */
export function usePhaseBlockers(template: Template, now: string): Blocker[] {
  const detail = useEncounter((s) => s.detail)!;
  // The resolved ids (the same list while a save leaves them so): the blockers need nothing else of the items.
  const resolvedIds = useChecklist(useShallow((s) => resolvedIdsOf(Object.values(s.items))));
  const settings = useEncounter((s) => s.settings);
  const { state } = detail.encounter;
  const plan = useEncounterPlan();
  if (!settings) return [];
  return phaseBlockers({
    state, template, plan, resolvedIds: new Set(resolvedIds), records: detail.records, bleedingRiskRaises: detail.bleedingRiskRaises,
    settings, now, recoveryStartedAt: recoveryStartedAt(detail.transitions), anticoagulant: anticoagulantInputOf(detail), consent: consentStandingOf(detail.consent, detail.signatures), patientFacts: detail.patientFacts,
  });
}
