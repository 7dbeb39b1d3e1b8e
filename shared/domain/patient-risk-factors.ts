/**
 * The patient factors that raise a procedure's bleeding-risk class by one step (Narouze 2018,
 * §1.2 "Patient-factor modifier"), with the source each rests on.
 */
import type { RiskClass } from '../clinical/anticoagulant-table';
import { needsClinicalReview } from '../library/reliability';
import type { SourceRef } from '../library/schema';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface PatientRiskFactors {
  olderAge: boolean;
  liverDisease: boolean;
  kidneyDisease: boolean;
  bleedingHistory: boolean;
  coagulopathy: boolean;
  priorSurgeryAtSite: boolean;
  /** Listed only in the recalled Narouze wording [M]; optional so callers may leave it out. */
  concurrentAntithrombotics?: boolean;
}

export type RiskFactorKey = keyof PatientRiskFactors;

export const NO_RISK_FACTORS: PatientRiskFactors = {
  olderAge: false,
  liverDisease: false,
  kidneyDisease: false,
  bleedingHistory: false,
  coagulopathy: false,
  priorSurgeryAtSite: false,
  concurrentAntithrombotics: false,
};

const FOOTNOTE: SourceRef = { sourceId: 'uptodate-bleeding-risk-mirror', evidence: 'V2' };
const RECALLED: SourceRef = { sourceId: 'narouze-2018-asra', evidence: 'M' };

/**
 * The factors, in display order, with where each is listed: the UpToDate footnote [V2] lists
 * older age, coagulopathy, severe liver or kidney dysfunction and prior surgery or radiation
 * at the site; bleeding tendency and concurrent antithrombotics are only in the recalled
 * Narouze wording [M].
 */
export const RISK_FACTORS: readonly { key: RiskFactorKey; label: string; source: SourceRef }[] = [
  { key: 'olderAge', label: 'Older age', source: FOOTNOTE },
  { key: 'coagulopathy', label: 'Coagulopathy', source: FOOTNOTE },
  { key: 'liverDisease', label: 'Severe liver dysfunction', source: FOOTNOTE },
  { key: 'kidneyDisease', label: 'Severe kidney dysfunction', source: FOOTNOTE },
  { key: 'priorSurgeryAtSite', label: 'Prior surgery or radiation at the procedure site', source: FOOTNOTE },
  { key: 'bleedingHistory', label: 'History of bleeding tendency', source: RECALLED },
  { key: 'concurrentAntithrombotics', label: 'Concurrent anticoagulant or antiplatelet use', source: RECALLED },
];

const RAISE: Record<RiskClass, RiskClass> = { low: 'intermediate', intermediate: 'high', high: 'high' };

export interface EffectiveRisk {
  riskClass: RiskClass;
  /** The procedure's own class when patient factors raised it; null when not raised. */
  raisedFrom: RiskClass | null;
  /** Labels of the factors present (whether or not they raised the class). */
  factors: string[];
  sources: SourceRef[];
  needsClinicalReview: boolean;
  text: string;
}

/**
 * Patient factors may move a low- or intermediate-risk procedure one class up [V2]; the
 * recalled Narouze wording [M] says such patients "should be treated as intermediate or high
 * risk, respectively". The app raises whenever any factor is present (the conservative
 * reading of "may"), and the result carries the [M] source so it shows for review.
 */
export function effectiveRiskClass(base: RiskClass, factors: PatientRiskFactors): EffectiveRisk {
  const present = RISK_FACTORS.filter((f) => factors[f.key] === true);
  if (!present.length) {
    return { riskClass: base, raisedFrom: null, factors: [], sources: [], needsClinicalReview: false, text: `${cap(base)}-risk procedure` };
  }
  const riskClass = RAISE[base];
  const raised = riskClass !== base;
  const sources = dedupe([...present.map((f) => f.source), ...(raised ? [RECALLED] : [])]);
  const labels = present.map((f) => f.label);
  const text = raised
    ? `${cap(riskClass)} risk: raised from ${base} by patient factors (${labels.join(', ').toLowerCase()})`
    : `${cap(riskClass)}-risk procedure; patient factors present (${labels.join(', ').toLowerCase()})`;
  return { riskClass, raisedFrom: raised ? base : null, factors: labels, sources, needsClinicalReview: needsReview(sources), text };
}

function needsReview(sources: readonly SourceRef[]): boolean {
  return needsClinicalReview(sources);
}

function dedupe(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.sourceId}|${s.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
