/**
 * How the anticoagulant table's rows are written: `row()` derives the review flags from the
 * evidence, and the shorthands, source lists and notes keep the data readable as a table.
 */
import { needsClinicalReview } from '../library/reliability';
import { isSection7AnticoagulantRow } from '../library/section7';
import type { Evidence, SourceRef } from '../library/schema';
import type { HoldRule, RestartRule, AnticoagulantRow } from './anticoagulant-rules';

export type RowSpec = Omit<AnticoagulantRow, 'needsClinicalReview' | 'secondarySource' | 'disagreement' | 'notes'> & {
  disagreement?: string;
  notes?: readonly string[];
};

/** Review flags are derived from the evidence so the two can never disagree. */
export function row(spec: RowSpec): AnticoagulantRow {
  const has = (...tags: Evidence[]) => spec.sources.some((s) => tags.includes(s.evidence));
  return {
    ...spec,
    // Fact-reference §7 item 1 beats a row's tag (section7.ts).
    needsClinicalReview: needsClinicalReview(spec.sources) || isSection7AnticoagulantRow(spec.id),
    secondarySource: has('V2'),
    disagreement: spec.disagreement ?? null,
    notes: spec.notes ?? [],
  };
}

// ---- rule shorthands (data stays readable as a table) ----
export const h = (hours: number): HoldRule => ({ kind: 'hold', hours });
export const d = (days: number): HoldRule => ({ kind: 'hold-days', days });
export const dInr = (days: number): HoldRule => ({ kind: 'hold-days', days, requiresNormalInr: true });
export const dRange = (min: number, max: number): HoldRule => ({ kind: 'hold-range', unit: 'days', min, max });
export const hRange = (min: number, max: number): HoldRule => ({ kind: 'hold-range', unit: 'hours', min, max });
export const NO: HoldRule = { kind: 'continue' };
export const SHARED: HoldRule = { kind: 'shared-assessment' };
export const UNKNOWN: HoldRule = { kind: 'unknown' };
export const same = (rule: HoldRule) => ({ low: rule, intermediate: rule, high: rule });

export const rH = (hours: number): RestartRule => ({ kind: 'hours', hours });
export const rRange = (min: number, max: number): RestartRule => ({ kind: 'range-hours', min, max });
export const R_UNKNOWN: RestartRule = { kind: 'unknown' };
export const restartAll = (rule: RestartRule) => ({ low: rule, intermediate: rule, high: rule });

// ---- sources ----
export const MIRROR: readonly SourceRef[] = [
  { sourceId: 'narouze-2018-asra', evidence: 'V2' },
  { sourceId: 'uptodate-antithrombotic-mirror', evidence: 'V2' },
];
/** Recalled from Narouze 2018 (§1.3, [M]) and compared with both third-party encodings (§1.3a, [M]). */
export const RECALLED_AND_ENCODINGS: readonly SourceRef[] = [
  { sourceId: 'narouze-2018-asra', evidence: 'M' },
  { sourceId: 'anticoag2-hold-app', evidence: 'M' },
  { sourceId: 'french-us-pain-manual-memo', evidence: 'M' },
];
export const ONE_ENCODING_ONLY =
  'Only one of the two third-party encodings gives this row; the fact base does not say which, so both are cited.';

export const MIRROR_FOOTNOTE = 'An asterisk footnote on the intermediate-risk cell is present in the mirror, but its text was not visible.';
export const NSAID_FOOTNOTE = 'A Δ footnote on the intermediate-risk "No" is present in the mirror, but its text was not visible.';
export const NAMED_NSAID_NOTE =
  'The mirror lists this NSAID under the general NSAID row with a high-risk interval only; intermediate-risk, low-risk ("No") and restart (24 h) are read from the general row.';

export function namedNsaid(id: string, name: string, highDays: number, extra: Partial<RowSpec> = {}): AnticoagulantRow {
  return row({
    id,
    name,
    group: 'Aspirin and NSAIDs',
    hold: { high: d(highDays), intermediate: NO, low: NO },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    factBase: '§1.3 (NSAIDs)',
    ...extra,
    notes: [NAMED_NSAID_NOTE, NSAID_FOOTNOTE, ...(extra.notes ?? [])],
  });
}

export const LMWH_RESTART = { low: rH(4), intermediate: rRange(12, 24), high: rRange(12, 24) };
