/**
 * The anticoagulant / antiplatelet check before an interventional pain procedure: for each
 * drug the patient takes, is the time since the last dose long enough for the procedure's
 * bleeding-risk class (Narouze 2018, as encoded in shared/clinical/anticoagulant-table.ts)?
 *
 * Pure: no clock, no storage. The caller passes the planned start, the clinic's IANA time zone
 * and, for vitamin K antagonists, the INR and the lab's threshold.
 *
 * Safety rules this module keeps:
 * - A rule the fact base does not give ("shared assessment", not retrieved, not legible)
 *   never produces a time; it is surfaced as needing a decision, never as clear.
 * - Ranges are computed with their longer end; day intervals with the later of two readings
 *   of "N days" (see addDaysConservatively).
 * - "Normal INR" has no number in the fact base: without a lab threshold the row is not clear.
 */
import { findAnticoagulant, type AnticoagulantRow, type HoldRule, type RiskClass } from '../clinical/anticoagulant-table';
import type { SourceRef } from '../library/schema';
import { CONTINUED_TEXT, NOT_VERIFIED_TEXT, SHARED_TEXT, holdText, plural, restartText } from './anticoagulant-rule-text';
import { clinicDateTime } from './clinic-time';
import { DAY_MS, HOUR_MS, addCalendarDays, assertTimeZone, instantOfWallTime, parseInstant, toIso, wallTimeOf } from './zoned-time';

export type { RiskClass } from '../clinical/anticoagulant-table';
export { NOT_VERIFIED_TEXT, SHARED_TEXT, holdText, restartText } from './anticoagulant-rule-text';
export { NO_RISK_FACTORS, RISK_FACTORS, effectiveRiskClass, type EffectiveRisk, type PatientRiskFactors, type RiskFactorKey } from './patient-risk-factors';

export interface AnticoagulantEntry {
  /** The caller's id for the entry, echoed on its result row. */
  id?: string;
  drugId: string;
  /** ISO 8601 instant with an explicit zone ("…Z"). */
  lastDoseAt: string;
  /** Impaired renal function (dabigatran). Not stated = the longer, renal interval is used. */
  renalImpaired?: boolean;
}

/** The INR and the lab-defined upper limit of normal; the fact base gives no number for it. */
export interface InrInput {
  value: number | null;
  threshold: number | null;
}

export interface CheckInput {
  entries: readonly AnticoagulantEntry[];
  riskClass: RiskClass;
  plannedStartAt: string;
  timeZone: string;
  inr?: InrInput;
}

export type RowStatus =
  | 'clear'
  | 'too-recent'
  | 'continue'
  | 'shared-assessment'
  | 'unknown'
  | 'inr-required'
  /** Follow other rows' rules (ASA combination products: enter the components). */
  | 'see-components'
  /** The interval has passed, but labs the app cannot check must be confirmed (thrombolytics). */
  | 'confirm-labs';

export interface RowResult {
  entryId: string | null;
  drugId: string;
  drugName: string;
  lastDoseAt: string;
  lastDoseLocal: string;
  /** The rule in plain words, e.g. "Stop 5 days before a high-risk procedure and confirm a normal INR". */
  ruleText: string;
  status: RowStatus;
  statusText: string;
  earliestSafeAt: string | null;
  earliestSafeLocal: string | null;
  restartRule: string;
  needsClinicalReview: boolean;
  secondarySource: boolean;
  disagreement: string | null;
  notes: readonly string[];
  sources: readonly SourceRef[];
}

export interface CheckResult {
  riskClass: RiskClass;
  plannedStartAt: string;
  plannedStartLocal: string;
  rows: RowResult[];
  /** A drug taken too recently, or an INR not shown normal: the procedure must not start. */
  hardStop: boolean;
  /** Something the clinician must decide with the prescriber or a reviewer; not clear. */
  needsDecision: boolean;
  /** Some row rests on [M] or inferred facts. */
  needsReview: boolean;
  summary: string;
}

const HARD_STOP: readonly RowStatus[] = ['too-recent', 'inr-required'];
const DECISION: readonly RowStatus[] = ['shared-assessment', 'unknown', 'see-components', 'confirm-labs'];


/** Throws RangeError for an unknown time zone or an instant without a zone. */
export function checkAnticoagulants(input: CheckInput): CheckResult {
  assertTimeZone(input.timeZone);
  const planned = parseInstant(input.plannedStartAt);
  const rows = input.entries.map((e) => checkEntry(e, input, planned));
  const hardStop = rows.some((r) => HARD_STOP.includes(r.status));
  const needsDecision = rows.some((r) => DECISION.includes(r.status));
  const needsReviewAny = rows.some((r) => r.needsClinicalReview);
  return {
    riskClass: input.riskClass,
    plannedStartAt: toIso(planned),
    plannedStartLocal: clinicDateTime(planned, input.timeZone),
    rows,
    hardStop,
    needsDecision,
    needsReview: needsReviewAny,
    summary: summarize(rows, input.riskClass, hardStop, needsDecision, needsReviewAny),
  };
}

/** The hold rule that applies to an entry: the renal variant where renal function is impaired or not stated. */
export function holdRuleFor(row: AnticoagulantRow, riskClass: RiskClass, renalImpaired: boolean | undefined): HoldRule {
  const renal = row.renalImpairedHold?.[riskClass];
  return renal && renalImpaired !== false ? renal : row.hold[riskClass];
}

function checkEntry(entry: AnticoagulantEntry, input: CheckInput, planned: number): RowResult {
  const { riskClass, timeZone } = input;
  const lastDose = parseInstant(entry.lastDoseAt);
  const base = {
    entryId: entry.id ?? null,
    drugId: entry.drugId,
    lastDoseAt: toIso(lastDose),
    lastDoseLocal: clinicDateTime(lastDose, timeZone),
  };
  const row = findAnticoagulant(entry.drugId);
  if (!row) {
    return {
      ...base, drugName: `Unknown drug "${entry.drugId}"`, ruleText: NOT_VERIFIED_TEXT, status: 'unknown', statusText: NOT_VERIFIED_TEXT,
      earliestSafeAt: null, earliestSafeLocal: null, restartRule: restartText({ kind: 'unknown' }),
      needsClinicalReview: true, secondarySource: false, disagreement: null, notes: ['This drug is not in the table.'], sources: [],
    };
  }
  const rule = holdRuleFor(row, riskClass, entry.renalImpaired);
  const renalUsed = rule !== row.hold[riskClass];
  const renalNote = renalUsed
    ? entry.renalImpaired === undefined ? ' (renal function not stated: the impaired-renal interval is used)' : ' (impaired renal function)'
    : '';
  const safeAt = earliestSafe(rule, lastDose, timeZone);
  const { status, statusText } = statusOf(rule, safeAt, planned, input.inr);
  return {
    ...base,
    drugName: row.name,
    ruleText: holdText(rule, riskClass) + renalNote,
    status,
    statusText,
    earliestSafeAt: safeAt === null ? null : toIso(safeAt),
    earliestSafeLocal: safeAt === null ? null : clinicDateTime(safeAt, timeZone, 'up'),
    restartRule: row.hold[riskClass].kind === 'continue' ? CONTINUED_TEXT : restartText(row.restart[riskClass]),
    needsClinicalReview: row.needsClinicalReview,
    secondarySource: row.secondarySource,
    disagreement: row.disagreement,
    notes: row.notes,
    sources: row.sources,
  };
}

/**
 * "N days" after an instant, read conservatively. Hours are absolute durations, but a day
 * interval can be read two ways when the clocks change in between: N × 24 h of elapsed time,
 * or the same wall-clock time N calendar days later (what a clinician counting on a calendar
 * means). Across spring-forward the calendar reading comes an hour earlier than N × 24 h;
 * across fall-back an hour later. The later of the two satisfies both readings, so it is used.
 */
export function addDaysConservatively(fromMs: number, days: number, timeZone: string): number {
  const elapsed = fromMs + days * DAY_MS;
  const calendar = instantOfWallTime(addCalendarDays(wallTimeOf(fromMs, timeZone), days), timeZone);
  return Math.max(elapsed, calendar);
}

/** Earliest instant the procedure may start for a timed rule; null when the rule gives no time. */
function earliestSafe(rule: HoldRule, lastDose: number, timeZone: string): number | null {
  switch (rule.kind) {
    case 'hold':
      return lastDose + rule.hours * HOUR_MS;
    case 'hold-days':
      return addDaysConservatively(lastDose, rule.days, timeZone);
    case 'hold-range':
      // The longer end of the range: the conservative reading.
      return rule.unit === 'hours' ? lastDose + rule.max * HOUR_MS : addDaysConservatively(lastDose, rule.max, timeZone);
    default:
      return null;
  }
}

function statusOf(rule: HoldRule, safeAt: number | null, planned: number, inr: InrInput | undefined): { status: RowStatus; statusText: string } {
  switch (rule.kind) {
    case 'continue':
      return { status: 'continue', statusText: 'Continue: no hold needed' };
    case 'shared-assessment':
      return { status: 'shared-assessment', statusText: SHARED_TEXT };
    case 'follow':
      return { status: 'see-components', statusText: 'Enter the aspirin and the other component as their own drugs' };
    case 'unknown':
    case 'half-lives':
      return { status: 'unknown', statusText: NOT_VERIFIED_TEXT };
  }
  // Timed rules: boundary inclusive (a start exactly at the earliest safe time is clear).
  if (safeAt === null || planned < safeAt) return { status: 'too-recent', statusText: 'Too recent: hard stop' };
  if (rule.requiresNormalInr) {
    const problem = inrProblem(inr);
    if (problem) return { status: 'inr-required', statusText: problem };
  }
  if (rule.confirm) return { status: 'confirm-labs', statusText: `Interval passed: confirm ${rule.confirm}` };
  return { status: 'clear', statusText: 'Clear: the interval has passed' };
}

/** Why the INR does not show "normal", or null when it does (at or below the lab's threshold). */
function inrProblem(inr: InrInput | undefined): string | null {
  const threshold = inr?.threshold;
  if (threshold === null || threshold === undefined || !Number.isFinite(threshold) || threshold <= 0) {
    return 'INR threshold not configured: hard stop until the lab threshold is set';
  }
  const value = inr?.value;
  if (value === null || value === undefined || !Number.isFinite(value)) return 'INR result needed: hard stop';
  if (value > threshold) return `INR ${value} is above the lab threshold ${threshold}: hard stop`;
  return null;
}

/**
 * When a drug may be restarted after a procedure ends. Hours are absolute durations; a range
 * uses its longer end. No time is given for an unverified or specialist-directed restart, or
 * for a drug that is continued for this class.
 */
export function restartAt(
  drug: string | AnticoagulantRow,
  riskClass: RiskClass,
  procedureEndAt: string,
  timeZone: string,
): { at: string | null; local: string | null; ruleText: string } {
  assertTimeZone(timeZone);
  const end = parseInstant(procedureEndAt);
  const row = typeof drug === 'string' ? findAnticoagulant(drug) : drug;
  if (!row) return { at: null, local: null, ruleText: restartText({ kind: 'unknown' }) };
  if (row.hold[riskClass].kind === 'continue') return { at: null, local: null, ruleText: CONTINUED_TEXT };
  const rule = row.restart[riskClass];
  const hours = rule.kind === 'hours' ? rule.hours : rule.kind === 'range-hours' ? rule.max : null;
  if (hours === null) return { at: null, local: null, ruleText: restartText(rule) };
  const at = end + hours * HOUR_MS;
  return { at: toIso(at), local: clinicDateTime(at, timeZone, 'up'), ruleText: restartText(rule) };
}

function summarize(rows: readonly RowResult[], riskClass: RiskClass, hardStop: boolean, needsDecision: boolean, review: boolean): string {
  if (!rows.length) return 'No anticoagulant or antiplatelet drugs entered.';
  const names = (statuses: readonly RowStatus[]) => rows.filter((r) => statuses.includes(r.status)).map((r) => r.drugName).join(', ');
  const parts: string[] = [];
  if (hardStop) parts.push(`Hard stop: do not start the ${riskClass}-risk procedure (${names(HARD_STOP)}).`);
  if (needsDecision) parts.push(`Decision needed before the procedure: ${names(DECISION)}.`);
  if (!hardStop && !needsDecision) parts.push(`No hold conflict for the ${riskClass}-risk procedure at the planned start.`);
  const reviewCount = rows.filter((r) => r.needsClinicalReview).length;
  if (review) parts.push(`${plural(reviewCount, 'rule')} ${reviewCount === 1 ? 'needs' : 'need'} clinical review.`);
  return parts.join(' ');
}
