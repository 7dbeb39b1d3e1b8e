/**
 * The whole checklist of one encounter (the template's sections plus the
 * procedure-day items that apply to it), and what blocks leaving its current
 * state. The core enforces these rules and the screen shows the same list, so
 * what the nurse sees as "still open" is exactly what the core will refuse.
 */
import type { BleedingRiskRaise } from '../contract/encounter-bleeding-risk';
import type { Blocker, EncounterRecord, InjectatePlan, RecordData } from '../contract/encounter-records';
import type { Template } from '../library/schema';
import { aldreteDischargeReady, aldreteTotal } from '../workflow/aldrete';
import { observationBlocker } from '../workflow/observation';
import type { EncounterPlanFacts } from '../workflow/applicability';
import { workflowItemsFor, type WorkflowItem } from '../workflow/phase-items';
import { openRequiredItems, phaseItemsFromChecklist, type PhaseItem } from '../workflow/requirements';
import { isWorkPhase, type EncounterState, type WorkPhase } from '../workflow/states';
import { plannedSteroidCheck, steroidRouteRule, withGeneric, type SteroidCheck } from '../workflow/steroid-warning';
import type { PatientFactsView } from '../contract/patient-facts';
import { CONSENT_ITEM } from '../workflow/consent-items';
import { templateItemApplies } from '../workflow/template-item-applicability';
import { twinBase } from '../workflow/template-item-twins';
import { procedureTraits } from '../workflow/traits';
import { checkAnticoagulants, NO_RISK_FACTORS, type AnticoagulantEntry, type CheckResult } from './anticoagulant-check';
import { checkAtPlannedStart, type EncounterAnticoagulantInput, type TimedCheck } from './anticoagulant-verdict';
import { encounterBleedingRisk, type EncounterBleedingRisk } from './bleeding-risk';
import { buildChecklist, progress, type ReviewedFacts } from './checklist';
import { consentBlockers, type ConsentStanding } from './consent-blockers';
import { resolvedItemIds } from './resolved-items';

export interface EncounterPlan extends EncounterPlanFacts {
  sedationPlanned: boolean;
}

/** Every item an encounter can resolve: the template's checklist and the procedure-day items. */
export function encounterItems(template: Template, plan: EncounterPlan, reviewed?: ReviewedFacts): { phaseItems: PhaseItem[]; workflow: WorkflowItem[] } {
  const traits = procedureTraits(template);
  const workflow = workflowItemsFor(traits, plan);
  // A template item that asks what an applying base item asks is not asked again (template-item-twins.ts).
  const bases = new Set(workflow.map((w) => w.id));
  const fromTemplate = phaseItemsFromChecklist(buildChecklist(template, reviewed)).filter((i) => templateItemApplies(i.id, traits, plan) && !twinBase(i.id, bases));
  return { phaseItems: [...workflow.map((w) => ({ id: w.id, label: w.label, phase: w.phase, required: w.required })), ...fromTemplate], workflow };
}

/** The worklist's "done of total": the items that apply to the plan, answered by the rules the blockers use (resolved-items.ts). */
export function encounterProgress(
  template: Template,
  plan: EncounterPlan,
  answered: { resolvedIds: Iterable<string>; records: readonly EncounterRecord[]; patientFacts: Pick<PatientFactsView, 'facts' | 'confirmations'> },
): { done: number; total: number } {
  return progress(encounterItems(template, plan).phaseItems, resolvedItemIds(answered.resolvedIds, answered.records, answered.patientFacts));
}

/**
 * The ids an encounter may store a state for: the procedure-day items that apply, and every
 * template item, including one the patient's facts or the planned injectate make inapplicable
 * (hidden, not refused: those facts can change, and a stored answer stays readable).
 */
export function encounterItemIds(template: Template, plan: EncounterPlan): Set<string> {
  const workflow = workflowItemsFor(procedureTraits(template), plan).map((w) => w.id);
  return new Set([...workflow, ...buildChecklist(template).flatMap((s) => s.items.map((i) => i.id))]);
}

type Entry<K extends RecordData['kind']> = Extract<RecordData, { kind: K }>;

/** Records still standing (not voided), oldest first. */
export function activeRecords(records: readonly EncounterRecord[]): EncounterRecord[] {
  return records.filter((r) => !r.voided);
}

export function recordsOf<K extends RecordData['kind']>(records: readonly EncounterRecord[], kind: K): (EncounterRecord & { entry: Entry<K> })[] {
  return activeRecords(records).filter((r): r is EncounterRecord & { entry: Entry<K> } => r.entry.kind === kind);
}

export function latestOf<K extends RecordData['kind']>(records: readonly EncounterRecord[], kind: K): (EncounterRecord & { entry: Entry<K> }) | null {
  return recordsOf(records, kind).at(-1) ?? null;
}

export interface AnticoagulantContext {
  /** The encounter's bleeding-risk class (template, patient factors, physicians' raises) and why. */
  risk: EncounterBleedingRisk;
  result: CheckResult;
}

/**
 * The records and raises as they stood at `at`: later ones left out, and a void
 * or void made after `at` not yet applied (what a note signed then saw).
 */
export function asOf(records: readonly EncounterRecord[], raises: readonly BleedingRiskRaise[], at: string): { records: EncounterRecord[]; raises: BleedingRiskRaise[] } {
  return {
    records: records.filter((r) => r.at <= at).map((r) => (r.voided && r.voided.at > at ? { ...r, voided: null } : r)),
    raises: raises.filter((r) => r.at <= at).map((r) => (r.voided && r.voided.at > at ? { ...r, voided: null } : r)),
  };
}

/** The encounter's bleeding-risk class from its records (the latest patient factors) and the physicians' raises. */
export function encounterRisk(template: Template, records: readonly EncounterRecord[], raises: readonly BleedingRiskRaise[]): EncounterBleedingRisk {
  const factors = latestOf(records, 'risk-factors')?.entry.data ?? NO_RISK_FACTORS;
  return encounterBleedingRisk(template, factors, raises);
}

/**
 * The anticoagulant check as of `at`, at the encounter's bleeding-risk class, from the
 * patient's drugs (patient facts), the encounter's own drug records (entered before
 * patient facts existed), its raises and the clinic settings.
 */
export function anticoagulantCheck(
  template: Template,
  records: readonly EncounterRecord[],
  raises: readonly BleedingRiskRaise[],
  settings: { inrThreshold: number | null; timeZone: string },
  at: string,
  patientEntries: readonly AnticoagulantEntry[] = [],
): AnticoagulantContext {
  const risk = encounterRisk(template, records, raises);
  const inr = latestOf(records, 'inr')?.entry.data;
  const result = checkAnticoagulants({
    entries: [...patientEntries, ...recordsOf(records, 'anticoagulant').map((r) => ({ id: r.id, ...r.entry.data }))],
    riskClass: risk.riskClass,
    plannedStartAt: at,
    timeZone: settings.timeZone,
    inr: { value: inr?.value ?? null, threshold: settings.inrThreshold },
  });
  return { risk, result };
}

/** The planned injectate standing now (the latest not voided), or null. */
export function plannedInjectate(records: readonly EncounterRecord[]): (EncounterRecord & { entry: Entry<'injectate-plan'> }) | null {
  return latestOf(records, 'injectate-plan');
}

/** Whether this procedure asks for a planned injectate before the time-out: a steroid is commonly injected, or the fact base restricts the steroid for its route. */
export function injectatePlanRequired(template: Template): boolean {
  const traits = procedureTraits(template);
  return traits.steroid || steroidRouteRule(traits) !== null;
}

/** The planned steroid against the route's rule (shared/workflow/steroid-warning.ts). */
export function injectateSteroidCheck(template: Template, records: readonly EncounterRecord[]): SteroidCheck {
  return plannedSteroidCheck(procedureTraits(template), plannedInjectate(records)?.entry.data ?? null);
}

/** The plan read back, one line per part: what the time-out item and the record history show. */
export function injectatePlanLines(plan: InjectatePlan): string[] {
  const drug = (d: { name: string; dose: string } | null, none: string, what: string) => (d ? `${what}: ${[d.name, d.dose].filter(Boolean).join(', ')}` : none);
  const lines = [
    drug(plan.steroid, 'No steroid planned', 'Steroid'),
    drug(plan.localAnaesthetic, 'No local anaesthetic planned', 'Local anaesthetic'),
    drug(plan.contrast, 'No contrast planned', 'Contrast'),
  ];
  if (plan.nonParticulateConfirmed) lines.push('Steroid confirmed nonparticulate by a physician');
  return lines;
}

const PLAN_LABEL = 'Planned injectate recorded: steroid (or none) with its dose, local anaesthetic and contrast';

/** The steroid check as blockers of the time-out: a hard stop, a physician's confirmation, or the missing plan. */
function steroidBlockers(template: Template, records: readonly EncounterRecord[]): Blocker[] {
  if (!injectatePlanRequired(template)) return [];
  const check = injectateSteroidCheck(template, records);
  const rule = check.rule;
  switch (check.status) {
    case 'no-plan':
      return [{ id: 'record-injectate-plan', label: `${PLAN_LABEL} (the steroid is checked against it)`, hardStop: false }];
    case 'hard-stop':
      return [{
        id: 'steroid-particulate',
        label: `${withGeneric(check.steroid!)} is a particulate steroid, and ${rule!.route} takes nonparticulate steroid only (${rule!.risk})`,
        hardStop: true,
        sources: check.sources,
      }];
    case 'confirm':
      return [{
        id: 'steroid-confirm-nonparticulate',
        label: `Physician to confirm that ${check.steroid!.entered} is nonparticulate: it is not in the steroid table, and ${rule!.route} takes nonparticulate steroid only`,
        hardStop: false,
        sources: check.sources,
      }];
    default:
      return [];
  }
}

export interface BlockerInput {
  state: EncounterState;
  template: Template;
  plan: EncounterPlan;
  resolvedIds: ReadonlySet<string>;
  records: readonly EncounterRecord[];
  /** Physicians' raises of the bleeding-risk class: the anticoagulant hard stop is judged at the encounter's class. */
  bleedingRiskRaises: readonly BleedingRiskRaise[];
  settings: { inrThreshold: number | null; timeZone: string };
  /** Now: recovery's minimum observation time is judged against it (never the anticoagulant check). */
  now: string;
  /** When the encounter entered recovery: discharge waits for the template's minimum observation time from then. */
  recoveryStartedAt?: string | null;
  /** What the anticoagulant check is judged against: the patient's drugs and the planned start a person entered (never the running clock). */
  anticoagulant: EncounterAnticoagulantInput;
  /** The patient's facts and this encounter's confirmations of them: the allergy items read them. */
  patientFacts?: Pick<PatientFactsView, 'facts' | 'confirmations'> | null;
  /** The consent decision and signature: leaving the pre-procedure needs both, and no override lifts them. */
  consent: ConsentStanding;
}

/** The anticoagulant check of an encounter at its planned start, or over its planned day when none was entered. */
export function timedAnticoagulantCheck(
  template: Template,
  records: readonly EncounterRecord[],
  raises: readonly BleedingRiskRaise[],
  settings: { inrThreshold: number | null; timeZone: string },
  input: EncounterAnticoagulantInput,
): TimedCheck & { risk: EncounterBleedingRisk } {
  let risk: EncounterBleedingRisk | null = null;
  const timed = checkAtPlannedStart((at) => {
    const context = anticoagulantCheck(template, records, raises, settings, at, input.patientEntries);
    risk = context.risk;
    return context.result;
  }, input.plannedStartAt, input.plannedDate, settings.timeZone);
  return { ...timed, risk: risk! };
}

/**
 * The anticoagulant blockers: hard stops from pre-procedure on (the first moment they are
 * knowable) and again at the time-out; the planned start when the verdict depends on it;
 * and, at the time-out, the drugs a physician must decide on.
 */
function anticoagulantBlockers(input: BlockerInput, phase: WorkPhase): Blocker[] {
  if (phase !== 'pre-procedure' && phase !== 'time-out') return [];
  const { result, needsPlannedStart } = timedAnticoagulantCheck(input.template, input.records, input.bleedingRiskRaises, input.settings, input.anticoagulant);
  const out: Blocker[] = [];
  for (const row of result.rows) {
    if (row.status === 'too-recent' || row.status === 'inr-required') {
      const safe = row.status === 'too-recent' && row.earliestSafeLocal ? ` (earliest safe start ${row.earliestSafeLocal})` : '';
      out.push({ id: `anticoagulant-${row.entryId ?? row.drugId}`, label: `${row.drugName}: ${row.statusText}${safe}`, hardStop: true });
    } else if (phase === 'time-out' && ['shared-assessment', 'unknown', 'see-components', 'confirm-labs'].includes(row.status)) {
      out.push({ id: `anticoagulant-${row.entryId ?? row.drugId}`, label: `${row.drugName}: ${row.statusText} (a physician decides)`, hardStop: false });
    }
  }
  if (needsPlannedStart) {
    out.push({ id: 'record-planned-start', label: 'Planned start time entered: whether the anticoagulant was stopped long enough depends on it', hardStop: false });
  }
  return out;
}

/** Whether the anticoagulant check at the planned start has no open hard stop (the review item then reads the confirmed drugs). */
export function anticoagulantClear(input: Pick<BlockerInput, 'template' | 'records' | 'bleedingRiskRaises' | 'settings' | 'anticoagulant'>): boolean {
  const { result } = timedAnticoagulantCheck(input.template, input.records, input.bleedingRiskRaises, input.settings, input.anticoagulant);
  return !result.rows.some((row) => row.status === 'too-recent' || row.status === 'inr-required');
}

/** Resolved by the minimum observation time having passed (observation.ts), not by a tick. */
const OBSERVATION_ITEM = 'wf-observation-period';

/**
 * What must be done before leaving the current state. Hard stops (an
 * anticoagulant dose too recent, an INR not shown normal, a planned particulate
 * steroid where the route takes nonparticulate only) are marked: only a
 * physician may override them, with a reason, and the note shows it.
 */
export function phaseBlockers(input: BlockerInput): Blocker[] {
  const { state, records } = input;
  if (!isWorkPhase(state)) return [];
  const phase: WorkPhase = state;
  // A saved record resolves its own "…recorded" items (record-items.ts), as a tick would; the
  // confirmed patient facts theirs (fact-items.ts); the consent and signature the consent item
  // (consent-items.ts); the minimum observation time, once passed, the observation item.
  const resolved = resolvedItemIds(input.resolvedIds, records, input.patientFacts, anticoagulantClear(input));
  if (input.consent.decision === 'consents' && input.consent.signedByPatientOrSurrogate) resolved.add(CONSENT_ITEM);
  if (phase === 'recovery' && input.recoveryStartedAt && !observationBlocker(input.template.id, input.recoveryStartedAt, input.now)) resolved.add(OBSERVATION_ITEM);
  const open = openRequiredItems(encounterItems(input.template, input.plan).phaseItems, resolved, phase).map((i) => ({
    id: i.id,
    label: i.label,
    hardStop: false,
  }));
  const vitalsIn = (p: WorkPhase) => recordsOf(records, 'vitals').some((r) => r.entry.data.phase === p);
  // Anticoagulant hard stops first: what the team must see before anything else.
  const extra: Blocker[] = anticoagulantBlockers(input, phase);
  if (phase === 'pre-procedure') extra.push(...consentBlockers(input.consent));
  if (phase === 'pre-procedure' && !vitalsIn('pre-procedure')) {
    extra.push({ id: 'record-baseline-vitals', label: 'Baseline vitals and pain score recorded', hardStop: false });
  }
  if (phase === 'pre-procedure' && injectatePlanRequired(input.template) && !plannedInjectate(records)) {
    extra.push({ id: 'record-injectate-plan', label: PLAN_LABEL, hardStop: false });
  }
  if (phase === 'time-out') {
    extra.push(...steroidBlockers(input.template, records));
    if (!latestOf(records, 'time-out')) extra.push({ id: 'record-time-out', label: 'Time-out signed, with the team who took part', hardStop: false, overridable: false });
  }
  if (phase === 'procedure' && !latestOf(records, 'procedure')) {
    extra.push({ id: 'record-procedure', label: 'Procedure record: imaging, contrast, medications, levels, complications', hardStop: false });
  }
  if (phase === 'recovery') {
    const observing = input.recoveryStartedAt ? observationBlocker(input.template.id, input.recoveryStartedAt, input.now) : null;
    if (observing) extra.push(observing);
    if (!vitalsIn('recovery')) extra.push({ id: 'record-recovery-vitals', label: 'Recovery vitals and pain score recorded', hardStop: false });
    if (input.plan.sedationPlanned) {
      const aldrete = latestOf(records, 'aldrete');
      if (!aldrete || !aldreteDischargeReady(aldrete.entry.data)) {
        const score = aldrete ? ` (latest ${aldreteTotal(aldrete.entry.data)})` : '';
        extra.push({ id: 'record-aldrete', label: `Aldrete score of 9 or more after sedation${score}`, hardStop: false });
      }
    }
  }
  return [...extra, ...open];
}
