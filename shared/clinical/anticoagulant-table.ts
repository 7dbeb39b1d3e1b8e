/**
 * Anticoagulant and antiplatelet management before interventional pain procedures, as data:
 * the ASRA/ESRA/AAPM/INS/NANS/WIP pain-procedure guideline, second edition (Narouze 2018),
 * as far as the fact base could read it (shared/clinical/fact-reference.md §1.3 and §1.3a).
 *
 * Provenance, row by row:
 * - Up to and including dalteparin: the UpToDate table mirror [V2]; ship as
 *   "secondary source: confirm against the primary".
 * - After dalteparin: the mirror was truncated, so the values are recalled [M] and compared
 *   with two third-party encodings [M] (§1.3a); every such row needs clinical review. Where
 *   the sources differ the longer interval is encoded and `disagreement` says so: the fact
 *   base forbids picking silently.
 *
 * Numbers appear here only where the fact base states them. A cell the fact base does not
 * show is `unknown`, never a guess.
 */
import type { SourceRef } from '../library/schema';
import type { AnticoagulantRow } from './anticoagulant-rules';
import { MIRROR_ROWS } from './anticoagulant-rows-mirror';
import { RECALLED_ROWS } from './anticoagulant-rows-recalled';

export { DRUG_GROUPS, RISK_CLASSES, type AnticoagulantRow, type DrugGroup, type HoldRule, type RestartRule, type RiskClass } from './anticoagulant-rules';

// The table's order: the mirror's rows, then the recalled ones.
export const ANTICOAGULANT_TABLE: readonly AnticoagulantRow[] = [...MIRROR_ROWS, ...RECALLED_ROWS];

const byId = new Map(ANTICOAGULANT_TABLE.map((r) => [r.id, r]));

export function findAnticoagulant(drugId: string): AnticoagulantRow | undefined {
  return byId.get(drugId);
}

/** The guideline every rule comes from, for the exported note (the fact base asks for edition and DOI with every rule). */
export const ANTICOAGULANT_GUIDELINE = {
  text: 'Narouze S, et al. Interventional Spine and Pain Procedures in Patients on Antiplatelet and Anticoagulant Medications (Second Edition). Reg Anesth Pain Med 2018;43(3):225–262. doi:10.1097/AAP.0000000000000700',
  sourceId: 'narouze-2018-asra',
} as const;

/** Before stopping a drug, coordinate with its prescriber (§1.1 core principle). */
export const PRESCRIBER_PRINCIPLE = {
  text: 'Before stopping an anticoagulant or antiplatelet drug, agree with the prescriber (PCP, cardiologist or neurologist) whether and for how long it can be stopped.',
  sources: [{ sourceId: 'clinicalpainadvisor-asra-2015', evidence: 'V2' }] as readonly SourceRef[],
} as const;
