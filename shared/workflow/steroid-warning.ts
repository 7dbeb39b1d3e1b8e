/**
 * Which steroid a route takes, as data, and the checks built on it: the planned injectate
 * at the time-out (a hard stop) and the procedure record's medications (a warning).
 *
 * What the fact base supports (shared/clinical/fact-reference.md):
 * - Cervical transforaminal: nonparticulate steroid only. §2.1 "Choice of steroid" [V2, SIS
 *   2019]; §3.2 item 6 [M, Rathmell 2015]. The mechanism, embolic infarction after an
 *   inadvertent intra-arterial injection of particulate steroid: §2.1 catastrophic events [V].
 * - Lumbar transforaminal: nonparticulate (dexamethasone) preferred and used first; a
 *   particulate steroid is an option only with every risk-reducing measure (§2.1 [V2]; §3.2
 *   items 7–8 [M]). A caution, not a stop: the fact base allows it.
 * - Interlaminar and caudal: either kind (§2.1 [V2]): no rule, no warning.
 * The fact base says nothing on steroid choice for a thoracic transforaminal approach (no
 * bundled template has one), and its advice against any steroid in sympathetic blocks (§2.5,
 * [V2] from a podcast summary, §7 item 14) is about adding a steroid at all, not its kind:
 * neither is encoded here.
 *
 * Whether a product is particulate: shared/clinical/steroid-table.ts.
 */
import { classifySteroid, looksLikeSteroid, type SteroidClassification } from '../clinical/steroid-table';
import { M, V, V2 } from '../library/evidence';
import type { SourceRef } from '../library/schema';
import type { ProcedureTraits } from './traits';

export const PARTICULATE_STEROID_SOURCES: readonly SourceRef[] = [
  V2('sis-2019-dexamethasone-shortage'),
  M('rathmell-2015'),
  V('racoosin-2017-nejm'),
];

export interface SteroidRouteRule {
  id: 'cervical-transforaminal' | 'lumbar-transforaminal';
  /** The procedure trait the rule applies to (traits.ts). */
  trait: 'cervicalTransforaminal' | 'lumbarTransforaminal';
  /** As a sentence names it: "a cervical transforaminal injection". */
  route: string;
  /** 'nonparticulate-only': a planned particulate steroid is a hard stop at the time-out. 'nonparticulate-preferred': a caution. */
  rule: 'nonparticulate-only' | 'nonparticulate-preferred';
  /** What the fact base says, in one or two sentences. */
  text: string;
  /** Why, in a few words (for the refusal and the note). */
  risk: string;
  sources: readonly SourceRef[];
}

/** Strictest first: where a template has both traits (an unknown category), the hard stop wins. */
export const STEROID_ROUTE_RULES: readonly SteroidRouteRule[] = [
  {
    id: 'cervical-transforaminal',
    trait: 'cervicalTransforaminal',
    route: 'a cervical transforaminal injection',
    rule: 'nonparticulate-only',
    text:
      'Only nonparticulate steroid (preservative-free dexamethasone) is used for cervical transforaminal injection; inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
    risk: 'inadvertent intra-arterial injection of particulate steroid can cause embolic infarction',
    sources: PARTICULATE_STEROID_SOURCES,
  },
  {
    id: 'lumbar-transforaminal',
    trait: 'lumbarTransforaminal',
    route: 'a lumbar transforaminal injection',
    rule: 'nonparticulate-preferred',
    text:
      'For lumbar transforaminal injection a nonparticulate steroid (dexamethasone) is preferred and is used for the first injection; a particulate steroid is an option only if every risk-reducing measure is used (for example after a poor response to dexamethasone).',
    risk: 'particulate steroids carry more risk',
    sources: [V2('sis-2019-dexamethasone-shortage'), M('rathmell-2015')],
  },
];

/** The strictest rule for this procedure, or null where the fact base sets none. */
export function steroidRouteRule(traits: ProcedureTraits): SteroidRouteRule | null {
  return STEROID_ROUTE_RULES.find((r) => traits[r.trait]) ?? null;
}

/** The planned injectate as the check needs it (the contract's record, or a draft of it). */
export interface PlannedSteroid {
  steroid: { name: string } | null;
  /** A physician confirmed that this unrecognised product is nonparticulate. */
  nonParticulateConfirmed: boolean;
}

export type SteroidCheckStatus =
  /** No planned injectate recorded: the check cannot be done. */
  | 'no-plan'
  /** The plan says no steroid. */
  | 'no-steroid'
  /** Particulate where the route takes nonparticulate only: a hard stop at the time-out. */
  | 'hard-stop'
  /** Not recognised where the route takes nonparticulate only: a physician must confirm. */
  | 'confirm'
  /** Not recognised, and a physician confirmed it nonparticulate. */
  | 'confirmed'
  /** Particulate (or unknown) where the route prefers nonparticulate: a warning. */
  | 'caution'
  /** Nothing against the plan (nonparticulate, or no route rule). */
  | 'ok';

export interface SteroidCheck {
  status: SteroidCheckStatus;
  rule: SteroidRouteRule | null;
  steroid: SteroidClassification | null;
  /** One paragraph for the screen. */
  message: string;
  /** The route rule's sources and the classification's. */
  sources: SourceRef[];
}

function joinSources(...lists: (readonly SourceRef[])[]): SourceRef[] {
  const seen = new Set<string>();
  return lists.flat().filter((s) => {
    const k = `${s.sourceId}:${s.evidence}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The steroid of the planned injectate against the route's rule. */
export function plannedSteroidCheck(traits: ProcedureTraits, plan: PlannedSteroid | null): SteroidCheck {
  const rule = steroidRouteRule(traits);
  if (!plan) {
    return { status: 'no-plan', rule, steroid: null, message: 'No planned injectate is recorded: the steroid cannot be checked.', sources: [] };
  }
  if (!plan.steroid) return { status: 'no-steroid', rule, steroid: null, message: 'No steroid is planned.', sources: [] };
  const steroid = classifySteroid(plan.steroid.name);
  const sources = joinSources(rule?.sources ?? [], steroid.sources);
  const name = steroid.entered;
  const what = withGeneric(steroid);

  if (steroid.particulate === true) {
    if (rule?.rule === 'nonparticulate-only') {
      return { status: 'hard-stop', rule, steroid, sources, message: `${what} is a particulate steroid, planned for ${rule.route}. ${rule.text}` };
    }
    if (rule?.rule === 'nonparticulate-preferred') {
      return { status: 'caution', rule, steroid, sources, message: `${what} is a particulate steroid, planned for ${rule.route}. ${rule.text}` };
    }
    return { status: 'ok', rule, steroid, sources: [...steroid.sources], message: `${what}: particulate.` };
  }
  if (steroid.particulate === 'unknown') {
    const doubt = `${steroid.reason}`;
    if (rule?.rule === 'nonparticulate-only') {
      if (plan.nonParticulateConfirmed) {
        return { status: 'confirmed', rule, steroid, sources, message: `${doubt} A physician confirmed that ${name} is nonparticulate.` };
      }
      return { status: 'confirm', rule, steroid, sources, message: `${doubt} ${rule.text} A physician must confirm that ${name} is nonparticulate before the time-out can end.` };
    }
    if (rule?.rule === 'nonparticulate-preferred') {
      return { status: 'caution', rule, steroid, sources, message: `${doubt} Confirm the product at the time-out. ${rule.text}` };
    }
    return { status: 'ok', rule, steroid, sources: [...steroid.sources], message: `${doubt} Confirm the product at the time-out.` };
  }
  return { status: 'ok', rule, steroid, sources, message: `${what}: nonparticulate.` };
}

/** The name as entered, with the generic after it unless the entry already says it: "Kenalog-40 (triamcinolone acetonide)". */
export function withGeneric(c: SteroidClassification): string {
  const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return c.generic && !compact(c.entered).includes(compact(c.generic)) ? `${c.entered} (${c.generic})` : c.entered;
}

export interface SteroidWarning {
  /** A heading: what kind of warning. */
  title: string;
  warning: string;
  sources: SourceRef[];
}

/**
 * The procedure record's warning while its medications are typed: the same table and the
 * same route rules as the time-out, but a warning only (the record says what was given).
 * Only entries that look like a steroid are judged, so local anaesthetic and contrast pass.
 */
export function particulateSteroidWarning(input: { traits: ProcedureTraits; medications: readonly { name: string }[] }): SteroidWarning | null {
  const rule = steroidRouteRule(input.traits);
  if (!rule) return null;
  const judged = input.medications.filter((m) => m.name.trim() && looksLikeSteroid(m.name)).map((m) => classifySteroid(m.name));
  const particulate = judged.filter((c) => c.particulate === true);
  const unknown = judged.filter((c) => c.particulate === 'unknown');
  if (particulate.length === 0 && unknown.length === 0) return null;

  const lines: string[] = [];
  if (particulate.length) lines.push(`Particulate corticosteroid chosen: ${particulate.map(withGeneric).join(', ')}.`);
  if (unknown.length) lines.push(`Confirm these are nonparticulate (not recognised as a nonparticulate steroid): ${unknown.map(withGeneric).join(', ')}.`);
  lines.push(rule.text);
  const level = rule.rule === 'nonparticulate-only' ? 'Warning' : 'Caution';
  const title = particulate.length ? `${level}: particulate steroid for ${rule.route}.` : `${level}: confirm the steroid for ${rule.route}.`;
  return { title, warning: lines.join(' '), sources: joinSources(rule.sources, ...judged.map((c) => c.sources)) };
}
