/**
 * The encounter's bleeding-risk class: the class the anticoagulant check uses.
 *
 * It is the highest of
 * - the procedure template's class (ASRA 2018 column of fact base §1.2);
 * - the class the fact base's patient factors give (§1.2 "Patient factors":
 *   effectiveRiskClass in ./anticoagulant-check.ts, one class up when any is present);
 * - each physician's raise still standing (not voided), recorded with a reason.
 *
 * Nothing lowers it below the template's class: a raise below the template's
 * class, or not above the current one, is refused (raiseProblem). Pure: the
 * caller passes the template, the latest patient factors and the raises.
 */
import { RISK_CLASSES } from '../clinical/anticoagulant-table';
import type { BleedingRiskRaise, RaiseReason } from '../contract/encounter-bleeding-risk';
import type { SourceRef, Template } from '../library/schema';
import { effectiveRiskClass, type EffectiveRisk, type PatientRiskFactors, type RiskClass } from './anticoagulant-check';

/** Low < intermediate < high: the table's order. */
export const rankOf = (c: RiskClass): number => RISK_CLASSES.indexOf(c);
const higher = (a: RiskClass, b: RiskClass): RiskClass => (rankOf(b) > rankOf(a) ? b : a);

export const CLASS_LABEL: Record<RiskClass, string> = { low: 'Low', intermediate: 'Intermediate', high: 'High' };

export const RAISE_REASON_LABEL: Record<RaiseReason, string> = {
  'deep-or-paravertebral-block': 'Deep or paravertebral block',
  'asipp-class': 'ASIPP 2024 class',
  'patient-factors': 'Patient factors',
  other: 'Other',
};

/**
 * Fact base §1.2, "Peripheral nerve block in general" [V2]: low, except blocks where pressure
 * cannot control bleeding, which "may be considered higher-risk". Shown beside the raise control;
 * the app never raises on it by itself (the template cannot know how deep the block is).
 */
export const DEEP_BLOCK_EXCEPTION: { text: string; sources: readonly SourceRef[] } = {
  text: 'ASRA 2018 classes peripheral nerve blocks as low risk, except blocks where pressure cannot control bleeding (paravertebral, deep plexus, deep peripheral), which may be considered higher-risk.',
  sources: [
    { sourceId: 'narouze-2018-asra', evidence: 'V2' },
    { sourceId: 'uptodate-bleeding-risk-mirror', evidence: 'V2' },
  ],
};

/** One reason the class is what it is, in the order they apply. */
export type RiskBasis =
  | { kind: 'template'; riskClass: RiskClass; sources: readonly SourceRef[] }
  /** Patient factors present; `raised` when they moved the class up. */
  | { kind: 'patient-factors'; riskClass: RiskClass; raised: boolean; factors: readonly string[]; sources: readonly SourceRef[]; needsClinicalReview: boolean }
  | { kind: 'physician'; riskClass: RiskClass; raise: BleedingRiskRaise };

export interface EncounterBleedingRisk extends EffectiveRisk {
  /** The procedure template's class (ASRA 2018). */
  templateClass: RiskClass;
  /** What the patient factors give on their own (their sources and review flag are this object's too). */
  patientFactors: EffectiveRisk;
  /** Physicians' raises still standing, oldest first. */
  raises: readonly BleedingRiskRaise[];
  basis: readonly RiskBasis[];
}

/** The class the anticoagulant check uses, and why. */
export function encounterBleedingRisk(template: Template, factors: PatientRiskFactors, raises: readonly BleedingRiskRaise[]): EncounterBleedingRisk {
  const { class: templateClass, sources: templateSources } = template.bleedingRisk.asra2018;
  const byFactors = effectiveRiskClass(templateClass, factors);
  const standing = raises.filter((r) => !r.voided);
  const riskClass = standing.reduce<RiskClass>((c, r) => higher(c, r.toClass), byFactors.riskClass);
  const basis: RiskBasis[] = [{ kind: 'template', riskClass: templateClass, sources: templateSources }];
  if (byFactors.factors.length) {
    basis.push({
      kind: 'patient-factors', riskClass: byFactors.riskClass, raised: byFactors.raisedFrom !== null, factors: byFactors.factors,
      sources: byFactors.sources, needsClinicalReview: byFactors.needsClinicalReview,
    });
  }
  for (const raise of standing) basis.push({ kind: 'physician', riskClass: raise.toClass, raise });
  return {
    riskClass,
    raisedFrom: riskClass === templateClass ? null : templateClass,
    factors: byFactors.factors,
    sources: byFactors.sources,
    needsClinicalReview: byFactors.needsClinicalReview,
    text: summaryText(riskClass, templateClass, basis),
    templateClass,
    patientFactors: byFactors,
    raises: standing,
    basis,
  };
}

/** Sources that carry the ASRA pain-procedure classification (the 2018 guideline, its UpToDate adaptation, the 2015 list, the 2019 newsletter). */
const ASRA_CLASS_SOURCES: ReadonlySet<string> = new Set(['narouze-2018-asra', 'uptodate-bleeding-risk-mirror', 'clinicalpainadvisor-asra-2015', 'asra-news-2019']);

/**
 * The template's class rests on the ASRA classification. Not so for a procedure §1.2 does not
 * list (epidural adhesiolysis): its class is the template's own, and is not said to be ASRA's.
 */
export function classedByAsra(sources: readonly SourceRef[]): boolean {
  return sources.some((s) => ASRA_CLASS_SOURCES.has(s.sourceId));
}

/** One reason in plain words; `when` formats the instant of a physician's raise (left out without it). */
export function basisText(b: RiskBasis, when?: (iso: string) => string): string {
  switch (b.kind) {
    case 'template':
      return `Procedure template's class: ${CLASS_LABEL[b.riskClass]} (${classedByAsra(b.sources) ? 'ASRA 2018' : 'not in the ASRA 2018 list'})`;
    case 'patient-factors': {
      const list = b.factors.join(', ').toLowerCase();
      return b.raised
        ? `Raised to ${CLASS_LABEL[b.riskClass]} by patient factors: ${list}`
        : `Patient factors present (${list}); they raise the class no further than ${CLASS_LABEL[b.riskClass]}`;
    }
    case 'physician': {
      const r = b.raise;
      const at = when ? `, ${when(r.at)}` : '';
      return `Raised to ${CLASS_LABEL[r.toClass]} by ${r.by.name} (${r.by.role})${at}: ${RAISE_REASON_LABEL[r.reasonCategory]}. ${r.reason}`;
    }
  }
}

function summaryText(riskClass: RiskClass, templateClass: RiskClass, basis: readonly RiskBasis[]): string {
  if (riskClass === templateClass && basis.length === 1) return `${CLASS_LABEL[riskClass]}-risk procedure (the template's class)`;
  const raisedBy = basis.flatMap((b) => {
    if (b.kind === 'patient-factors') return b.raised ? [`patient factors (${b.factors.join(', ').toLowerCase()})`] : [];
    if (b.kind === 'physician') return [`${b.raise.by.name}: ${RAISE_REASON_LABEL[b.raise.reasonCategory].toLowerCase()}`];
    return [];
  });
  const present = basis.find((b) => b.kind === 'patient-factors' && !b.raised);
  const factorsNote = present && present.kind === 'patient-factors' ? `; patient factors present (${present.factors.join(', ').toLowerCase()})` : '';
  if (!raisedBy.length) return `${CLASS_LABEL[riskClass]}-risk procedure (the template's class)${factorsNote}`;
  return `${CLASS_LABEL[riskClass]} risk: raised from the template's ${templateClass} by ${raisedBy.join('; ')}${factorsNote}`;
}

/** Classes a physician may raise to now: above the current class (so never below the template's). */
export function raiseOptions(current: EncounterBleedingRisk): RiskClass[] {
  return RISK_CLASSES.filter((c) => rankOf(c) > rankOf(current.riskClass));
}

export interface RaiseRefusal {
  code: 'INVALID_INPUT' | 'CONFLICT';
  message: string;
}

/** Why a raise to `toClass` is refused, or null when it may be recorded. The core and the screen use the same rule. */
export function raiseProblem(current: EncounterBleedingRisk, toClass: RiskClass): RaiseRefusal | null {
  if (rankOf(toClass) < rankOf(current.templateClass)) {
    return {
      code: 'INVALID_INPUT',
      message: `${CLASS_LABEL[toClass]} is below the procedure template's class (${CLASS_LABEL[current.templateClass]}): the bleeding-risk class can be raised, never lowered below the template's.`,
    };
  }
  if (rankOf(toClass) <= rankOf(current.riskClass)) {
    const why = current.riskClass === current.templateClass && current.basis.length === 1 ? " (the template's class)" : '';
    return {
      code: 'CONFLICT',
      message: `The bleeding-risk class is already ${CLASS_LABEL[current.riskClass]}${why}; a raise must be to a higher class than the current one.`,
    };
  }
  return null;
}
