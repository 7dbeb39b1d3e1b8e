/**
 * What an encounter has answered, by the rules the phase blockers use: an item ticked or marked
 * not applicable, one a saved record resolves (record-items.ts) and one answered by confirming
 * the patient's facts (fact-items.ts). The worklist's progress counts by the same rules, so its
 * "12 of 30" means what the phase panel means.
 */
import type { EncounterRecord } from '../contract/encounter-records';
import type { PatientFactsView } from '../contract/patient-facts';
import { factResolutions } from '../workflow/fact-items';
import { recordResolutions } from '../workflow/record-items';

export function resolvedItemIds(
  answered: Iterable<string>,
  records: readonly EncounterRecord[],
  patientFacts: Pick<PatientFactsView, 'facts' | 'confirmations'> | null | undefined,
  anticoagulantClear = false,
): Set<string> {
  return new Set([...answered, ...recordResolutions(records).keys(), ...factResolutions(patientFacts, anticoagulantClear).keys()]);
}
