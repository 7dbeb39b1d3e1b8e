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
import { needsClinicalReview } from '../library/reliability';
import { isSection7AnticoagulantRow } from '../library/section7';
import type { Evidence, SourceRef } from '../library/schema';

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

type RowSpec = Omit<AnticoagulantRow, 'needsClinicalReview' | 'secondarySource' | 'disagreement' | 'notes'> & {
  disagreement?: string;
  notes?: readonly string[];
};

/** Review flags are derived from the evidence so the two can never disagree. */
function row(spec: RowSpec): AnticoagulantRow {
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
const h = (hours: number): HoldRule => ({ kind: 'hold', hours });
const d = (days: number): HoldRule => ({ kind: 'hold-days', days });
const dInr = (days: number): HoldRule => ({ kind: 'hold-days', days, requiresNormalInr: true });
const dRange = (min: number, max: number): HoldRule => ({ kind: 'hold-range', unit: 'days', min, max });
const hRange = (min: number, max: number): HoldRule => ({ kind: 'hold-range', unit: 'hours', min, max });
const NO: HoldRule = { kind: 'continue' };
const SHARED: HoldRule = { kind: 'shared-assessment' };
const UNKNOWN: HoldRule = { kind: 'unknown' };
const same = (rule: HoldRule) => ({ low: rule, intermediate: rule, high: rule });

const rH = (hours: number): RestartRule => ({ kind: 'hours', hours });
const rRange = (min: number, max: number): RestartRule => ({ kind: 'range-hours', min, max });
const R_UNKNOWN: RestartRule = { kind: 'unknown' };
const restartAll = (rule: RestartRule) => ({ low: rule, intermediate: rule, high: rule });

// ---- sources ----
const MIRROR: readonly SourceRef[] = [
  { sourceId: 'narouze-2018-asra', evidence: 'V2' },
  { sourceId: 'uptodate-antithrombotic-mirror', evidence: 'V2' },
];
/** Recalled from Narouze 2018 (§1.3, [M]) and compared with both third-party encodings (§1.3a, [M]). */
const RECALLED_AND_ENCODINGS: readonly SourceRef[] = [
  { sourceId: 'narouze-2018-asra', evidence: 'M' },
  { sourceId: 'anticoag2-hold-app', evidence: 'M' },
  { sourceId: 'french-us-pain-manual-memo', evidence: 'M' },
];
const ONE_ENCODING_ONLY =
  'Only one of the two third-party encodings gives this row; the fact base does not say which, so both are cited.';

const MIRROR_FOOTNOTE = 'An asterisk footnote on the intermediate-risk cell is present in the mirror, but its text was not visible.';
const NSAID_FOOTNOTE = 'A Δ footnote on the intermediate-risk "No" is present in the mirror, but its text was not visible.';
const NAMED_NSAID_NOTE =
  'The mirror lists this NSAID under the general NSAID row with a high-risk interval only; intermediate-risk, low-risk ("No") and restart (24 h) are read from the general row.';

function namedNsaid(id: string, name: string, highDays: number, extra: Partial<RowSpec> = {}): AnticoagulantRow {
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

const LMWH_RESTART = { low: rH(4), intermediate: rRange(12, 24), high: rRange(12, 24) };

export const ANTICOAGULANT_TABLE: readonly AnticoagulantRow[] = [
  // ---------------- [V2] rows: UpToDate mirror of the Narouze 2018 table ----------------
  row({
    id: 'aspirin-primary',
    name: 'Aspirin, primary prophylaxis',
    group: 'Aspirin and NSAIDs',
    hold: { high: d(6), intermediate: SHARED, low: NO },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    disagreement:
      'One secondary source gives 4–6 days before high-risk procedures; the fact base keeps the §1.3 value (6 days), which is closer to the guideline.',
    notes: [MIRROR_FOOTNOTE],
    factBase: '§1.3; §1.3a (note)',
  }),
  row({
    id: 'aspirin-secondary',
    name: 'Aspirin, secondary prophylaxis',
    group: 'Aspirin and NSAIDs',
    hold: { high: SHARED, intermediate: SHARED, low: NO },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    notes: [MIRROR_FOOTNOTE],
    factBase: '§1.3',
  }),
  row({
    id: 'aspirin-combination',
    name: 'ASA combination product (e.g. ASA + dipyridamole)',
    group: 'Aspirin and NSAIDs',
    // "Follow ASA recommendations": which aspirin row applies depends on primary vs secondary
    // prophylaxis, which the product alone does not tell; the components are entered separately.
    hold: { high: { kind: 'follow', drugIds: ['aspirin-primary', 'aspirin-secondary'] }, intermediate: SHARED, low: UNKNOWN },
    restart: restartAll(R_UNKNOWN),
    sources: MIRROR,
    notes: ['Column alignment in the mirror is ambiguous for this row.', MIRROR_FOOTNOTE],
    factBase: '§1.3',
  }),
  row({
    id: 'nsaid-other',
    name: 'Other NSAID (general rule)',
    group: 'Aspirin and NSAIDs',
    hold: { high: { kind: 'half-lives', count: 5 }, intermediate: NO, low: NO },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    notes: [NSAID_FOOTNOTE, 'Choose the named NSAID where it is listed: its interval is given in days.'],
    factBase: '§1.3 (NSAIDs)',
  }),
  namedNsaid('diclofenac', 'Diclofenac', 1),
  namedNsaid('ketorolac', 'Ketorolac', 1),
  namedNsaid('ibuprofen', 'Ibuprofen', 1),
  namedNsaid('etodolac', 'Etodolac', 2),
  namedNsaid('indomethacin', 'Indomethacin', 2),
  namedNsaid('naproxen', 'Naproxen', 4),
  namedNsaid('meloxicam', 'Meloxicam', 4),
  namedNsaid('nabumetone', 'Nabumetone', 6),
  namedNsaid('oxaprozin', 'Oxaprozin', 10),
  namedNsaid('piroxicam', 'Piroxicam', 10, {
    disagreement:
      'One secondary source gives 4 days before high-risk procedures; the fact base keeps the §1.3 value (10 days), which is closer to the guideline.',
    factBase: '§1.3 (NSAIDs); §1.3a (note)',
  }),
  row({
    id: 'cilostazol',
    name: 'Cilostazol',
    group: 'Other antiplatelets',
    hold: { high: d(2), intermediate: NO, low: NO },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    factBase: '§1.3',
  }),
  row({
    id: 'dipyridamole',
    name: 'Dipyridamole',
    group: 'Other antiplatelets',
    hold: { high: d(2), intermediate: NO, low: NO },
    restart: restartAll(R_UNKNOWN),
    sources: MIRROR,
    notes: ['The restart interval is not shown in the mirror (not legible).'],
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'warfarin',
    name: 'Warfarin (Coumadin)',
    group: 'Vitamin K antagonists',
    // Low risk reads "No; shared assessment & risk stratification": encoded as shared
    // assessment, so the row asks for a decision instead of showing "continue" alone.
    hold: { high: dInr(5), intermediate: dInr(5), low: SHARED },
    restart: restartAll(rH(6)),
    sources: MIRROR,
    notes: ['Low-risk cell reads "No; shared assessment & risk stratification".', 'The table says "normal INR"; the threshold is the lab\'s, configured by the clinic.'],
    factBase: '§1.3',
  }),
  row({
    id: 'acenocoumarol',
    name: 'Acenocoumarol',
    group: 'Vitamin K antagonists',
    hold: { high: dInr(3), intermediate: dInr(3), low: SHARED },
    restart: restartAll(rH(24)),
    sources: MIRROR,
    notes: ['Low-risk cell reads "No; shared assessment & risk stratification".', 'The table says "normal INR"; the threshold is the lab\'s, configured by the clinic.'],
    factBase: '§1.3',
  }),
  row({
    id: 'ufh-iv',
    name: 'Unfractionated heparin, IV',
    group: 'Heparins and fondaparinux',
    hold: same(h(6)),
    restart: restartAll(rH(2)),
    sources: MIRROR,
    factBase: '§1.3',
  }),
  row({
    id: 'ufh-sc',
    name: 'Unfractionated heparin, SC (BID/TID)',
    group: 'Heparins and fondaparinux',
    hold: { high: h(24), intermediate: h(6), low: h(6) },
    restart: { low: rH(2), intermediate: rH(2), high: rH(6) },
    sources: MIRROR,
    factBase: '§1.3',
  }),
  row({
    id: 'enoxaparin-prophylactic',
    name: 'Enoxaparin, prophylactic dose',
    group: 'Heparins and fondaparinux',
    hold: same(h(12)),
    restart: LMWH_RESTART,
    sources: MIRROR,
    factBase: '§1.3',
  }),
  row({
    id: 'enoxaparin-therapeutic',
    name: 'Enoxaparin, therapeutic dose',
    group: 'Heparins and fondaparinux',
    hold: same(h(24)),
    restart: LMWH_RESTART,
    sources: MIRROR,
    factBase: '§1.3',
  }),
  row({
    id: 'dalteparin',
    name: 'Dalteparin',
    group: 'Heparins and fondaparinux',
    hold: same(h(24)),
    restart: LMWH_RESTART,
    sources: MIRROR,
    notes: ['The intermediate/high-risk restart text is truncated in the mirror.'],
    factBase: '§1.3',
  }),

  // ---------------- [M] rows: past the truncation of the mirror ----------------
  row({
    id: 'fondaparinux',
    name: 'Fondaparinux',
    group: 'Heparins and fondaparinux',
    hold: { high: d(4), intermediate: d(4), low: SHARED },
    restart: { low: rRange(6, 24), intermediate: rH(24), high: rH(24) },
    sources: RECALLED_AND_ENCODINGS,
    disagreement:
      'Restart after a low-risk procedure: §1.3 recalls 24 h ("possibly 6 h after low-risk"); one third-party encoding gives 6 h. The 24 h end is used for the computed time.',
    notes: [ONE_ENCODING_ONLY],
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'dabigatran',
    name: 'Dabigatran',
    group: 'Direct oral anticoagulants',
    hold: { high: dRange(4, 5), intermediate: dRange(4, 5), low: SHARED },
    renalImpairedHold: { high: d(6), intermediate: d(6) },
    restart: restartAll(rH(24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement:
      '§1.3 recalls 4–5 days, 6 days with impaired renal function. The third-party encodings give 4 days, longer with impaired renal function (one: 5–6 days; the other: 4 d if CrCl ≥ 80, 5 d if 50–79, up to 6 d if 30–49 mL/min). The longer is used: 5 days, 6 days with impaired renal function. Low risk: shared assessment in one encoding, continue in the other; shared assessment is used.',
    notes: ['Where renal function is not stated, the impaired-renal interval is used.'],
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'rivaroxaban',
    name: 'Rivaroxaban',
    group: 'Direct oral anticoagulants',
    hold: { high: d(3), intermediate: d(3), low: SHARED },
    restart: restartAll(rH(24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement: 'Low risk: shared assessment in §1.3, "shared assessment / continue" in the encodings; shared assessment is used.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'apixaban',
    name: 'Apixaban',
    group: 'Direct oral anticoagulants',
    hold: { high: dRange(3, 5), intermediate: dRange(3, 5), low: SHARED },
    restart: restartAll(rH(24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement:
      '§1.3 recalls 3–5 days; both third-party encodings give 3 days. The longer (5 days) is used for the computed time. Low risk: "shared assessment / continue" in the encodings; shared assessment is used.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'edoxaban',
    name: 'Edoxaban',
    group: 'Direct oral anticoagulants',
    hold: { high: d(3), intermediate: d(3), low: SHARED },
    restart: restartAll(rH(24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement: 'Low risk: shared assessment in §1.3, "shared assessment / continue" in the encodings; shared assessment is used.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'clopidogrel',
    name: 'Clopidogrel',
    group: 'Other antiplatelets',
    hold: { high: d(7), intermediate: d(7), low: NO },
    restart: restartAll(rRange(12, 24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement: 'Restart differs: 24 h in one source, 12–24 h in the other. The 24 h end is used for the computed time.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'prasugrel',
    name: 'Prasugrel',
    group: 'Other antiplatelets',
    hold: { high: dRange(7, 10), intermediate: dRange(7, 10), low: NO },
    restart: restartAll(rRange(12, 24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement: 'Restart: §1.3 recalls 12–24 h; the encodings give 24 h. The 24 h end is used for the computed time.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'ticagrelor',
    name: 'Ticagrelor',
    group: 'Other antiplatelets',
    hold: { high: dRange(5, 7), intermediate: dRange(5, 7), low: NO },
    restart: restartAll(rRange(12, 24)),
    sources: RECALLED_AND_ENCODINGS,
    disagreement:
      'Stop differs: 5 days (§1.3 and one encoding) vs 5–7 days (the other encoding); the longer (7 days) is used. Restart: §1.3 recalls 12–24 h, the encodings 24 h; the 24 h end is used.',
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'cangrelor',
    name: 'Cangrelor',
    group: 'Other antiplatelets',
    hold: { high: h(3), intermediate: h(3), low: SHARED },
    restart: restartAll(rH(24)),
    sources: [
      { sourceId: 'anticoag2-hold-app', evidence: 'M' },
      { sourceId: 'french-us-pain-manual-memo', evidence: 'M' },
    ],
    notes: [ONE_ENCODING_ONLY, 'Not in the §1.3 table.'],
    factBase: '§1.3a',
  }),
  row({
    id: 'abciximab',
    name: 'Abciximab (GP IIb/IIIa inhibitor)',
    group: 'Other antiplatelets',
    hold: { high: dRange(2, 5), intermediate: dRange(2, 5), low: UNKNOWN },
    restart: { low: R_UNKNOWN, intermediate: rRange(8, 12), high: rRange(8, 12) },
    sources: [{ sourceId: 'narouze-2018-asra', evidence: 'M' }],
    notes: ['Low confidence in the fact base; not found in either third-party encoding.'],
    factBase: '§1.3 (GP IIb/IIIa); §1.3a',
  }),
  row({
    id: 'eptifibatide-tirofiban',
    name: 'Eptifibatide or tirofiban (GP IIb/IIIa inhibitor)',
    group: 'Other antiplatelets',
    hold: { high: hRange(8, 24), intermediate: hRange(8, 24), low: UNKNOWN },
    restart: { low: R_UNKNOWN, intermediate: rRange(8, 12), high: rRange(8, 12) },
    sources: [{ sourceId: 'narouze-2018-asra', evidence: 'M' }],
    notes: ['Low confidence in the fact base; not found in either third-party encoding.'],
    factBase: '§1.3 (GP IIb/IIIa); §1.3a',
  }),
  row({
    id: 'vorapaxar',
    name: 'Vorapaxar',
    group: 'Other antiplatelets',
    hold: same(UNKNOWN),
    restart: restartAll(R_UNKNOWN),
    sources: [
      { sourceId: 'anticoag2-hold-app', evidence: 'M' },
      { sourceId: 'french-us-pain-manual-memo', evidence: 'M' },
    ],
    notes: ['Not found in either third-party encoding, and not in the §1.3 table: no interval is known to the app.'],
    factBase: '§1.3a',
  }),
  row({
    id: 'thrombolytics',
    name: 'Thrombolytic (alteplase etc.)',
    group: 'Thrombolytics',
    hold: same({ kind: 'hold', hours: 48, confirm: 'normal coagulation studies and fibrinogen' }),
    restart: restartAll({ kind: 'specialist-directed' }),
    sources: [...RECALLED_AND_ENCODINGS, { sourceId: 'horlocker-2018-asra-regional', evidence: 'M' }],
    notes: [
      '"Avoid": at least 48 h and normal coagulation/fibrinogen, extrapolated from ASRA regional-anesthesia guidance (low confidence).',
      '48 h in every class and specialist-directed restart come from one third-party encoding only.',
    ],
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'ssri-snri',
    name: 'SSRI or SNRI',
    group: 'Other drugs and supplements',
    hold: { high: SHARED, intermediate: NO, low: NO },
    restart: restartAll(R_UNKNOWN),
    sources: RECALLED_AND_ENCODINGS,
    disagreement:
      '§1.3 recalls an individualised, shared decision for high-risk procedures; one third-party encoding continues them in every class. Shared assessment is used for high risk.',
    notes: [
      'Discussed in 2018 as raising bleeding risk, especially with antiplatelets: weigh together with the other antithrombotics. Routine discontinuation is not recommended.',
      ONE_ENCODING_ONLY,
    ],
    factBase: '§1.3; §1.3a',
  }),
  row({
    id: 'herbal-supplements',
    name: 'Herbal or dietary supplement (fish oil, garlic, ginkgo, ginseng, vitamin E, etc.)',
    group: 'Other drugs and supplements',
    hold: same(UNKNOWN),
    restart: restartAll(R_UNKNOWN),
    sources: [
      { sourceId: 'asra-news-2019', evidence: 'V' },
      { sourceId: 'narouze-2018-asra', evidence: 'M' },
    ],
    notes: [
      'The 2018 edition added dietary-supplement recommendations, but the specific intervals were not retrieved.',
      'General perioperative intervals (Ang-Lee, JAMA 2001) are not the pain guideline and sources conflict, so the app does not use them.',
    ],
    factBase: '§1.1; §1.3; §1.3a',
  }),
];

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
