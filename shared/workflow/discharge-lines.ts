/**
 * The going-home lines for one encounter, as the discharge screen and the patient handout
 * both show them: the template's warning signs, then each held blood thinner's restart,
 * counted from the end of the procedure (entering recovery) in the clinic's time zone.
 */
import type { EncounterDetail } from '../contract/encounter';
import { anticoagulantCheck } from '../domain/encounter-workflow';
import { recordsOf } from '../domain/record-access';
import { evidenceState } from '../library/evidence-state';
import type { Template } from '../library/schema';
import { dischargeInstructions, restartInstructions, type InstructionLine } from './discharge-instructions';
import { recoveryStartedAt } from './observation';

/** What the lines read of the encounter. */
export type DischargeDetail = Pick<EncounterDetail, 'encounter' | 'records' | 'transitions' | 'bleedingRiskRaises'>;

export interface DischargeLines {
  signs: InstructionLine[];
  restart: InstructionLine[];
}

export function dischargeLines(
  template: Template, detail: DischargeDetail, settings: { inrThreshold: number | null; timeZone: string }, now: string, locale = 'en-US',
): DischargeLines {
  const { encounter, records, transitions, bleedingRiskRaises } = detail;
  const drugs = recordsOf(records, 'anticoagulant').map((r) => r.entry.data.drugId);
  // The procedure ends when the patient enters recovery (as RestartTimes counts it).
  const endedAt = recoveryStartedAt(transitions) ?? now;
  const { risk } = anticoagulantCheck(template, records, bleedingRiskRaises, settings, now);
  return {
    signs: dischargeInstructions(template, { sedationPlanned: encounter.sedationPlanned }),
    restart: drugs.length ? restartInstructions(drugs, risk.riskClass, endedAt, settings.timeZone, locale) : [],
  };
}

/** A line a patient sheet marks " *": its advice still awaits a clinician's review. */
export const lineNeedsReview = (l: InstructionLine): boolean => evidenceState({ sources: l.sources }) === 'needs-review';
