/** The shape of the anticoagulant table: risk classes, hold and restart rules, drug groups and one drug's row. */

import type { SourceRef } from '../library/schema';

export type RiskClass = 'low' | 'intermediate' | 'high';
export const RISK_CLASSES: readonly RiskClass[] = ['low', 'intermediate', 'high'];

/** Conditions a hold can carry besides time. */
interface HoldFlags {
  /** "+ normal INR": the procedure also needs an INR at or below the lab's threshold. */
  requiresNormalInr?: true;
  /** Further laboratory confirmation the app cannot check (e.g. fibrinogen), in plain words. */
  confirm?: string;
}

/** What to do before a procedure of one risk class. */
export type HoldRule =
  | ({ kind: 'hold'; hours: number } & HoldFlags)
  /** Whole days. Computed conservatively across clock changes (see anticoagulant-check.ts). */
  | ({ kind: 'hold-days'; days: number } & HoldFlags)
  /** The fact base gives a range: computed with `max` (the longer, conservative) and shown as a range. */
  | ({ kind: 'hold-range'; unit: 'hours' | 'days'; min: number; max: number } & HoldFlags)
  /** The general NSAID rule: a count of half-lives. No half-life is in the fact base, so it cannot be computed. */
  | { kind: 'half-lives'; count: number }
  /** "Follow ASA recommendations": the rule of other rows (the components entered separately). */
  | { kind: 'follow'; drugIds: readonly string[] }
  /** "No": continue the drug. */
  | { kind: 'continue' }
  /** "Shared assessment & risk stratification" with the prescriber. */
  | { kind: 'shared-assessment' }
  /** Not retrieved, not shown, or not legible in the fact base. */
  | { kind: 'unknown' };

/** When the drug may be restarted after the procedure. */
export type RestartRule =
  | { kind: 'hours'; hours: number }
  /** A range such as 12–24 h: computed with `max`, shown as the range. */
  | { kind: 'range-hours'; min: number; max: number }
  | { kind: 'specialist-directed' }
  | { kind: 'unknown' };

export type DrugGroup =
  | 'Aspirin and NSAIDs'
  | 'Other antiplatelets'
  | 'Vitamin K antagonists'
  | 'Heparins and fondaparinux'
  | 'Direct oral anticoagulants'
  | 'Thrombolytics'
  | 'Other drugs and supplements';

export const DRUG_GROUPS: readonly DrugGroup[] = [
  'Aspirin and NSAIDs',
  'Other antiplatelets',
  'Vitamin K antagonists',
  'Heparins and fondaparinux',
  'Direct oral anticoagulants',
  'Thrombolytics',
  'Other drugs and supplements',
];

export interface AnticoagulantRow {
  /** Stable kebab-case id; entries are stored against it. */
  id: string;
  name: string;
  group: DrugGroup;
  hold: Readonly<Record<RiskClass, HoldRule>>;
  /** Replaces `hold` for the listed classes when renal function is impaired (dabigatran). */
  renalImpairedHold?: Readonly<Partial<Record<RiskClass, HoldRule>>>;
  restart: Readonly<Record<RiskClass, RestartRule>>;
  sources: readonly SourceRef[];
  /** Any source tagged [M] or inferred, or low-reliability sources only (library/reliability.ts): show "needs clinical review". Derived from `sources`. */
  needsClinicalReview: boolean;
  /** Any source tagged [V2]: show "secondary source: confirm against the primary". Derived from `sources`. */
  secondarySource: boolean;
  /** Where the sources differ; shown beside the rule, never resolved silently. */
  disagreement: string | null;
  notes: readonly string[];
  /** The fact-base section(s) the row is read from. */
  factBase: string;
}
