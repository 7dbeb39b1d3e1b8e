/**
 * Fact-reference §7 ("Not verified: ship only as 'needs clinical review'") as data: each
 * item of shared/clinical/fact-reference.md §7, with what in the product states it.
 * Citing rule 4: whatever §7 lists is marked "needs clinical review", [V2] and [V] rows
 * included; evidence-state.ts applies it. section7.test.ts checks every id listed here
 * exists (a template fact, a procedure-day item, a source, an anticoagulant row).
 *
 * Published template content never changes for this: the rule is applied when a fact is
 * shown, so a fact keeps its tag in the data and is shown as needing review.
 */

/** A fact of the library: the template's id ('*' = every template that has it) and the fact's checklist id. */
export interface Section7Fact {
  templateId: string;
  factId: string;
  /** Only the risk's incidence figure is §7 (item 11): applies once a figure is stated. */
  part?: 'incidence';
}

export interface Section7Item {
  /** The item's number in §7. */
  item: number;
  summary: string;
  /** Sources that carry nothing but §7 claims: every fact citing one needs review, whatever its tag. */
  sourceIds: readonly string[];
  /** Facts stating the item whose other sources also carry verified facts. */
  facts: readonly Section7Fact[];
  /** Procedure-day items (shared/workflow/phase-items.ts) that state it. */
  workflowItemIds: readonly string[];
  /** Rows of the anticoagulant table (shared/clinical/anticoagulant-table.ts). */
  anticoagulantRows: readonly string[];
  /** Where nothing in the product states the item, why. */
  note?: string;
}

const all = (...factIds: string[]): Section7Fact[] => factIds.map((factId) => ({ templateId: '*', factId }));
const incidenceOf = (templateIds: string[], ...riskIds: string[]): Section7Fact[] =>
  templateIds.flatMap((templateId) => riskIds.map((factId) => ({ templateId, factId, part: 'incidence' as const })));

const ESI = ['caudal-esi', 'cervical-interlaminar-esi', 'cervical-transforaminal-esi', 'lumbar-interlaminar-esi', 'lumbar-transforaminal-esi', 'thoracic-interlaminar-esi'];

export const SECTION7: readonly Section7Item[] = [
  {
    item: 1,
    summary: 'Narouze 2018 drug table, every row below dalteparin (no stop or restart interval seen); the dipyridamole restart interval; the aspirin "*" and NSAID "Δ" footnotes',
    sourceIds: [],
    facts: [],
    workflowItemIds: [],
    anticoagulantRows: [
      'fondaparinux', 'dabigatran', 'rivaroxaban', 'apixaban', 'edoxaban', 'clopidogrel', 'prasugrel', 'ticagrelor', 'cangrelor',
      'abciximab', 'eptifibatide-tirofiban', 'vorapaxar', 'thrombolytics', 'ssri-snri', 'herbal-supplements',
    ],
    note: 'The dipyridamole row states its restart interval as unknown (not legible), so it states nothing §7 lists; no row states what the footnotes say.',
  },
  {
    item: 2, summary: 'A number for "normal INR" before pain procedures', sourceIds: [], facts: [], workflowItemIds: [], anticoagulantRows: [],
    note: 'No fact states an INR number; the warfarin row gives none.',
  },
  {
    item: 3, summary: 'Whether the 2018 ASRA list has paravertebral, intradiscal, epiduroscopy, SIJ with sacral lateral branch blocks',
    sourceIds: [], facts: [], workflowItemIds: [], anticoagulantRows: [],
    note: 'The library has no template for these procedures; the SIJ template classes SIJ injection alone.',
  },
  {
    item: 4, summary: 'Whether a third edition of the ASRA pain-procedure guideline exists',
    sourceIds: [], facts: [], workflowItemIds: [], anticoagulantRows: [],
    note: 'No fact states that the 2018 guideline is current or superseded.',
  },
  {
    item: 5, summary: 'The 17 clinical considerations of Rathmell 2015 word for word',
    sourceIds: [],
    facts: all('avoid-heavy-sedation', 'cervical-interlaminar-level', 'contrast-real-time-before-steroid', 'extension-tubing',
      'interlaminar-views-contrast-test-dose', 'local-anesthetic-test-dose', 'nonparticulate-steroid-initial', 'prior-mri-ct-epidural-space'),
    workflowItemIds: [], anticoagulantRows: [],
  },
  {
    item: 6, summary: 'The patient symptom list of the FDA 2014 DSC; the exact text of the label Warning',
    sourceIds: [], facts: all('fda-warning-symptoms'), workflowItemIds: ['wf-discharge-vision-change'], anticoagulantRows: [],
  },
  {
    item: 7, summary: "The WHO checklist's exact words",
    sourceIds: [], facts: [], workflowItemIds: [], anticoagulantRows: [],
    note: "The product paraphrases the WHO items and quotes none of the form's words.",
  },
  {
    item: 8, summary: 'TJC RI.01.03.01 EP13 wording; the minimum time-out elements of UP.01.03.01 and its documentation requirement',
    sourceIds: [], facts: all('time-out'), workflowItemIds: [], anticoagulantRows: [],
  },
  {
    item: 9, summary: 'ASA 2018 monitoring advice for moderate sedation; ASA continuum definitions; fasting for GLP-1 RAs',
    sourceIds: [], facts: all('sedation-monitoring', 'reversal-agents-available'), workflowItemIds: [], anticoagulantRows: [],
  },
  {
    item: 10,
    summary: 'MBB ≥50% (Cohen 2020) and one vs two blocks; Medicare facet LCD (two MBBs at ≥80%, repeat RFA after ≥50% for ≥6 months, session caps); SIS ≥75% for SIJ; the Hurley 2022 citation',
    sourceIds: ['droracle-facet-payer-criteria', 'medicare-facet-lcds', 'hurley-2022-cervical-facet'],
    facts: [
      { templateId: 'lumbar-medial-branch-rfa', factId: 'mbb-threshold-consensus' },
      { templateId: 'lumbar-medial-branch-block', factId: 'rfa-threshold-consensus' },
      { templateId: 'cervical-medial-branch-block', factId: 'rfa-threshold-lumbar-consensus-carried-over' },
      { templateId: 'sacroiliac-joint-injection', factId: 'positive-block-threshold' },
    ],
    workflowItemIds: [], anticoagulantRows: [],
  },
  {
    item: 11,
    summary: 'No incidence figure for vasovagal reactions, PDPH after ESI, epidural haematoma or abscess after ESI or SCS, RFA neuritis and burn, SGB, LSB, GON, TPI, genicular RFA, facet and MBB complications',
    sourceIds: [],
    facts: [
      ...incidenceOf(ESI, 'vasovagal-reaction', 'epidural-hematoma'),
      ...incidenceOf(['scs-trial', 'scs-permanent-implant'], 'epidural-hematoma'),
      ...incidenceOf(['lumbar-medial-branch-rfa', 'cervical-medial-branch-rfa', 'genicular-rfa'], 'rfa-neuritis', 'skin-burn'),
    ],
    workflowItemIds: [], anticoagulantRows: [],
    note: 'The product states "No incidence figure" for these; should a figure be added, it is shown as needing review. (The ESI dural-puncture figure is for the puncture, not the headache.)',
  },
  {
    item: 12, summary: 'How long to observe after a procedure without sedation (15–30 min is only common practice)',
    sourceIds: [], facts: all('observation-if-not-sedated'), workflowItemIds: ['wf-observation-period'], anticoagulantRows: [],
  },
  {
    item: 13, summary: 'Steroid dose equivalences (MP 40 = 80 mg, triamcinolone 10 mg minimum, dexamethasone 4 = 8–12 mg); how long glucose stays raised in diabetics',
    sourceIds: ['droracle-esi-dose', 'droracle-esi-glucose'],
    facts: all('steroid-dose-reviewed', 'blood-glucose-rise', 'diabetic-glucose-monitoring'),
    workflowItemIds: ['wf-diabetic-glucose-plan'], anticoagulantRows: [],
  },
  {
    item: 14, summary: 'What the 2024 ASRA corticosteroid guideline recommends for GON block and for sympathetic blocks (podcast only)',
    sourceIds: ['castbox-asra-2024-corticosteroid'],
    facts: [
      { templateId: 'greater-occipital-nerve-block', factId: 'corticosteroid-cluster-not-migraine' },
      { templateId: 'lumbar-sympathetic-block', factId: 'no-corticosteroid-added' },
    ],
    workflowItemIds: [], anticoagulantRows: [],
  },
  {
    item: 15, summary: 'SCS lead migration 13.2%, lead breakage ~9%, battery failure ~2% (clinic page only)',
    sourceIds: ['painandspineclinics-scs'],
    facts: [{ templateId: 'scs-permanent-implant', factId: 'lead-migration' }, { templateId: 'scs-permanent-implant', factId: 'lead-breakage' }, { templateId: 'scs-permanent-implant', factId: 'battery-failure' }],
    workflowItemIds: [], anticoagulantRows: [],
  },
];

const SOURCE_IDS = new Set(SECTION7.flatMap((i) => i.sourceIds));
const WORKFLOW_IDS = new Set(SECTION7.flatMap((i) => i.workflowItemIds));
const ANTICOAGULANT_ROWS = new Set(SECTION7.flatMap((i) => i.anticoagulantRows));
const FACTS = SECTION7.flatMap((i) => i.facts);

/** The fact cites a source that carries nothing but §7 claims. */
export function citesSection7Source(sources: readonly { sourceId: string }[]): boolean {
  return sources.some((s) => SOURCE_IDS.has(s.sourceId));
}

/**
 * The template fact states a §7 item. `hasIncidence`: the risk states an incidence figure
 * (an item-11 entry applies only then).
 */
export function isSection7Fact(templateId: string, factId: string, hasIncidence = false): boolean {
  return FACTS.some((f) => f.factId === factId && (f.templateId === '*' || f.templateId === templateId) && (f.part !== 'incidence' || hasIncidence));
}

export function isSection7WorkflowItem(id: string): boolean {
  return WORKFLOW_IDS.has(id);
}

export function isSection7AnticoagulantRow(id: string): boolean {
  return ANTICOAGULANT_ROWS.has(id);
}
