/**
 * Counts of facts by evidence tag, and which facts still await a clinician's review. A fact
 * resting on low-reliability sources only counts as [M], whatever its tag (reliability.ts).
 */
import { effectiveEvidence, needsClinicalReview, partsNeedClinicalReview } from './reliability';
import type { Evidence, SourceRef, Template } from './schema';

export interface EvidenceCounts {
  V: number;
  V2: number;
  M: number;
  inference: number;
}

/** A fact as the review queue sees it: all the sources it cites, and the parts that each need support. */
export interface FactSources {
  id: string;
  section: string;
  sources: SourceRef[];
  /** A risk is two parts, its statement and its incidence figure; any other fact is one. */
  parts: SourceRef[][];
}

/** Each fact once, with the sources it cites (a risk's incidence counts as part of the risk). */
export function factsOf(template: Template): FactSources[] {
  const withSources = (section: string) => (f: { id: string; sources: SourceRef[] }): FactSources => ({ id: f.id, section, sources: f.sources, parts: [f.sources] });
  return [
    ...template.indications.map(withSources('indications')),
    ...template.contraindications.absolute.map(withSources('contraindications.absolute')),
    ...template.contraindications.relative.map(withSources('contraindications.relative')),
    ...template.imaging.checks.map(withSources('imaging.checks')),
    ...template.risks.map((r): FactSources => ({
      id: r.id, section: 'risks', sources: [...r.sources, ...(r.incidence?.sources ?? [])], parts: r.incidence ? [r.sources, r.incidence.sources] : [r.sources],
    })),
    ...template.requiredCounselling.map(withSources('requiredCounselling')),
    ...template.monitoring.map(withSources('monitoring')),
    ...template.alternatives.map(withSources('alternatives')),
    withSources('expectedBenefit')(template.expectedBenefit),
    ...template.followUp.map(withSources('followUp')),
  ];
}

/** The weakest tag among a fact's sources decides how it is shown. */
export function weakestEvidence(sources: readonly SourceRef[]): Evidence {
  const order: Evidence[] = ['M', 'inference', 'V2', 'V'];
  return order.find((tag) => sources.some((s) => s.evidence === tag)) ?? 'V';
}

/** Awaits a clinician's review: [M], inferred, or resting on low-reliability sources only (reliability.ts). */
export function isUnverified(sources: readonly SourceRef[]): boolean {
  return needsClinicalReview(sources);
}

/** A fact of factsOf awaits review when any of its parts does (a risk whose incidence rests on a lay page only). */
export function isFactUnverified(fact: Pick<FactSources, 'parts'>): boolean {
  return partsNeedClinicalReview(fact.parts);
}

export function evidenceCounts(template: Template): EvidenceCounts {
  const counts: EvidenceCounts = { V: 0, V2: 0, M: 0, inference: 0 };
  for (const fact of factsOf(template)) counts[effectiveEvidence(fact.sources, fact.parts)]++;
  return counts;
}

/** Ids of unverified facts not yet accepted by a reviewer. */
export function awaitingReview(template: Template, reviewedIds: ReadonlySet<string>): string[] {
  return factsOf(template).filter((f) => isFactUnverified(f) && !reviewedIds.has(f.id)).map((f) => f.id);
}

/** The evidence tags a template gives each source it cites, in first-cited order. */
export function evidenceBySource(template: Template): Map<string, Evidence[]> {
  const tags = new Map<string, Set<Evidence>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.sourceId === 'string' && typeof record.evidence === 'string') {
        const set = tags.get(record.sourceId) ?? new Set<Evidence>();
        set.add(record.evidence as Evidence);
        tags.set(record.sourceId, set);
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(template);
  const order: Evidence[] = ['V', 'V2', 'M', 'inference'];
  return new Map([...tags].map(([id, set]) => [id, order.filter((t) => set.has(t))]));
}
