/**
 * Payers' coverage rules for a procedure, as data (issue 20 point 2). Each rule
 * says in plain words what the payer asks, how the app checks it (a check kind
 * with its parameters), and the fact base's source and evidence tag for it
 * (shared/clinical/fact-reference.md §2.1 and §2.2). Registry keyed by payer so
 * other payers' sets sit beside Medicare's.
 *
 * Relief percentages and durations are not restated here: they are read from the
 * relief-threshold rows (relief-thresholds.ts), which are checked against the
 * library's facts. No number appears that the fact base does not state; where it
 * says a cap exists but not its number, the rule carries null and is never met.
 */
import type { PayerId } from '../contract/patient';
import type { SourceRef } from '../library/schema';
import { M, V2 } from '../library/evidence';
import { durationInDays } from '../domain/outcomes';
import { RELIEF_THRESHOLDS, type ThresholdRow } from './relief-thresholds';

/** A procedure family as coverage rules count sessions: epidural steroid injections, medial branch blocks, medial branch RFA. */
export type ProcedureFamily = 'esi' | 'mbb' | 'facet-rfa';
export type SpinalRegion = 'cervical' | 'thoracic' | 'lumbosacral';

export type RuleCheck =
  /** Pain has lasted at least this long, from the intake's earliest symptom onset. */
  | { kind: 'pain-duration'; minWeeks: number }
  /** Conservative care tried and not helping, from the intake's therapies. */
  | { kind: 'conservative-care-failed' }
  /** A baseline pain score and a function measure in the intake. */
  | { kind: 'baseline-scales' }
  /** Imaging and a neurological examination recorded (whether they agree is the physician's judgement). */
  | { kind: 'history-exam-imaging' }
  /** Levels in one session; the maximum depends on the approach. */
  | { kind: 'levels-per-session'; maxLevels: { transforaminal: number; other: number } }
  /** Sessions of the family within `months` before the procedure, this one included; maxSessions null: the cap's number is not known. */
  | { kind: 'sessions-in-window'; maxSessions: number | null; months: number; perRegion: boolean }
  /** Days since the most recent earlier session of the family. */
  | { kind: 'min-interval'; days: number }
  /** The most recent earlier procedure of the family gave this relief (a repeat). */
  | { kind: 'repeat-relief'; threshold: ReliefRule }
  /** Earlier diagnostic blocks of `blockFamily`, `count` of them each giving the relief. */
  | { kind: 'diagnostic-blocks'; blockFamily: ProcedureFamily; count: number; threshold: ReliefRule };

/** A relief criterion: percent, how long (weeks) and what the rule accepts instead or asks besides, in its words. */
export interface ReliefRule {
  percent: number;
  /** How long the relief must last, in days (months as 365.25 / 12 days, as the outcomes screen counts them). */
  minDays: number | null;
  /** Accepted instead of the relief (the app cannot compute it: a shortfall is then unknown, never not met). */
  alternative: string | null;
  /** Asked besides the relief (the app cannot compute it: meeting the relief is then unknown, never met). */
  alsoRequired: string | null;
  /** Said beside the result: what the app does not judge and the reader must (as the outcomes screen says it). */
  caveat?: string;
}

export interface PayerRule {
  id: string;
  /** What the payer asks, in plain words. */
  text: string;
  check: RuleCheck;
  sources: SourceRef[];
}

export interface PayerRuleSet {
  payer: PayerId;
  id: string;
  title: string;
  /** The policy's number, the only citation a chart note carries. */
  policy: string;
  /** What the policy's number is, for the line on screen: "LCD", "guideline". */
  policyKind: string;
  /** Template ids the set applies to. */
  procedures: readonly string[];
  rules: readonly PayerRule[];
}

/** The contract's payer ids (shared/contract/patient.ts): a patient's record names one. */
export type { PayerId };

/** The relief-threshold row a rule reads; a missing row is a build error, caught at load and by the tests. */
function thresholdRow(templateId: string, factId: string): ThresholdRow {
  const row = RELIEF_THRESHOLDS.find((r) => r.templateId === templateId && r.factId === factId);
  if (!row) throw new Error(`payer-rules: no relief threshold ${templateId}/${factId}`);
  return row;
}

function reliefOf(row: ThresholdRow): ReliefRule {
  return {
    percent: row.percent,
    minDays: row.minDuration ? durationInDays(row.minDuration) : null,
    alternative: row.alternative,
    alsoRequired: null,
  };
}

/** Epidural steroid injection templates (shared/library/data/templates). */
export const ESI_TEMPLATES = [
  'cervical-interlaminar-esi', 'thoracic-interlaminar-esi', 'lumbar-interlaminar-esi',
  'cervical-transforaminal-esi', 'lumbar-transforaminal-esi', 'caudal-esi',
] as const;
export const MBB_TEMPLATES = ['cervical-medial-branch-block', 'lumbar-medial-branch-block'] as const;
export const FACET_RFA_TEMPLATES = ['cervical-medial-branch-rfa', 'lumbar-medial-branch-rfa'] as const;

const L33906 = [V2('lcd-l33906')];
const L38765 = [M('medicare-facet-lcds')];
const CMM200 = [V2('evicore-cmm-200')];

const MEDICARE_ESI: PayerRuleSet = {
  payer: 'medicare', id: 'medicare-esi', title: 'Medicare ESI', policy: 'L33906', policyKind: 'LCD', procedures: ESI_TEMPLATES,
  rules: [
    { id: 'pain-4-weeks', text: 'Pain for at least 4 weeks (acute herpes zoster excepted).', check: { kind: 'pain-duration', minWeeks: 4 }, sources: L33906 },
    { id: 'conservative-care', text: 'Conservative care tried and failed.', check: { kind: 'conservative-care-failed' }, sources: L33906 },
    { id: 'baseline-scales', text: 'Baseline pain and function scales recorded.', check: { kind: 'baseline-scales' }, sources: L33906 },
    { id: 'history-exam-imaging', text: 'History, examination and imaging recorded, and they agree.', check: { kind: 'history-exam-imaging' }, sources: L33906 },
    {
      id: 'levels', text: 'In one session: transforaminal at no more than 2 levels per region; caudal or interlaminar at 1 level.',
      check: { kind: 'levels-per-session', maxLevels: { transforaminal: 2, other: 1 } }, sources: L33906,
    },
    {
      id: 'sessions-12-months', text: 'No more than 4 sessions per spinal region in any rolling 12 months.',
      check: { kind: 'sessions-in-window', maxSessions: 4, months: 12, perRegion: true }, sources: L33906,
    },
    {
      id: 'repeat-relief', text: 'A repeat injection needs ≥50% lasting pain relief or ≥50% better function after the last one.',
      check: { kind: 'repeat-relief', threshold: reliefOf(thresholdRow('lumbar-transforaminal-esi', 'repeat-criteria-lcd')) }, sources: L33906,
    },
  ],
};

// L38765's criteria were not read (fact base §7 item 10): every rule here is [M]. Left out because the fact
// base does not state them: a minimum interval between the two blocks, and a number of levels per session.
const MEDICARE_FACET_RFA: PayerRuleSet = {
  payer: 'medicare', id: 'medicare-facet-rfa', title: 'Medicare facet RFA', policy: 'L38765', policyKind: 'LCD', procedures: FACET_RFA_TEMPLATES,
  rules: [
    {
      id: 'two-diagnostic-blocks', text: 'Two diagnostic medial branch blocks, each with ≥80% relief for at least the local anaesthetic’s expected duration.',
      check: {
        kind: 'diagnostic-blocks', blockFamily: 'mbb', count: 2,
        threshold: {
          ...reliefOf(thresholdRow('lumbar-medial-branch-block', 'rfa-threshold-payer')),
          caveat: 'How long the relief must last (the local anaesthetic’s expected duration) is not in the library: judge it from the diaries.',
        },
      },
      sources: L38765,
    },
    {
      id: 'repeat-relief', text: 'A repeat RFA needs ≥50% relief lasting ≥6 months after the last one.',
      check: { kind: 'repeat-relief', threshold: reliefOf(thresholdRow('lumbar-medial-branch-rfa', 'repeat-rfa-criteria')) }, sources: L38765,
    },
    {
      id: 'sessions-12-months', text: 'The number of RFA sessions in a rolling 12 months is capped (the cap is not in the library: check the LCD).',
      check: { kind: 'sessions-in-window', maxSessions: null, months: 12, perRegion: false }, sources: L38765,
    },
  ],
};

// A private payer's rules, as the fact base's example of another payer (§2.1, [V2]).
const EVICORE_ESI: PayerRuleSet = {
  payer: 'evicore', id: 'evicore-esi', title: 'eviCore ESI', policy: 'CMM-200', policyKind: 'guideline', procedures: ESI_TEMPLATES,
  rules: [
    {
      id: 'repeat-relief', text: 'A repeat injection needs ≥50% relief for ≥2 weeks, with better function or less medication.',
      check: { kind: 'repeat-relief', threshold: { percent: 50, minDays: 14, alternative: null, alsoRequired: 'better function or less medication' } }, sources: CMM200,
    },
    { id: 'interval-14-days', text: 'At least 14 days between injections.', check: { kind: 'min-interval', days: 14 }, sources: CMM200 },
    {
      id: 'sessions-6-months', text: 'At most 3 per region in 6 months.',
      check: { kind: 'sessions-in-window', maxSessions: 3, months: 6, perRegion: true }, sources: CMM200,
    },
    {
      id: 'sessions-12-months', text: 'At most 4 per region in 12 months.',
      check: { kind: 'sessions-in-window', maxSessions: 4, months: 12, perRegion: true }, sources: CMM200,
    },
  ],
};

export const PAYER_RULE_SETS: Readonly<Record<PayerId, readonly PayerRuleSet[]>> = {
  medicare: [MEDICARE_ESI, MEDICARE_FACET_RFA],
  evicore: [EVICORE_ESI],
};

/** The payer's rule sets that apply to a template. */
export function ruleSetsFor(payer: PayerId, templateId: string): PayerRuleSet[] {
  return PAYER_RULE_SETS[payer].filter((s) => s.procedures.includes(templateId));
}

/** The family a template belongs to, for counting sessions; null for procedures no rule counts. */
export function familyOfTemplate(templateId: string): ProcedureFamily | null {
  if ((ESI_TEMPLATES as readonly string[]).includes(templateId)) return 'esi';
  if ((MBB_TEMPLATES as readonly string[]).includes(templateId)) return 'mbb';
  if ((FACET_RFA_TEMPLATES as readonly string[]).includes(templateId)) return 'facet-rfa';
  return null;
}

/** The spinal region of a template. Caudal counts with lumbar (one lumbosacral region): a choice, not a fact-base statement. */
export function regionOfTemplate(templateId: string): SpinalRegion | null {
  if (templateId.startsWith('cervical-')) return 'cervical';
  if (templateId.startsWith('thoracic-')) return 'thoracic';
  if (templateId.startsWith('lumbar-') || templateId === 'caudal-esi') return 'lumbosacral';
  return null;
}
