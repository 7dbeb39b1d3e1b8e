/**
 * Counts of facts by evidence tag, and which facts still await a clinician's review. A fact
 * resting on low-reliability sources only counts as [M], whatever its tag (reliability.ts).
 */
import { factNeedsReview } from './evidence-state';
import { effectiveEvidence, needsClinicalReview } from './reliability';
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
  /** The template it belongs to (fact-reference §7 lists some facts by template and id). */
  templateId?: string;
}

/** Each fact once, with the sources it cites (a risk's incidence counts as part of the risk). */
export function factsOf(template: Template): FactSources[] {
  const templateId = template.id;
  const withSources = (section: string) => (f: { id: string; sources: SourceRef[] }): FactSources => ({ id: f.id, section, sources: f.sources, parts: [f.sources], templateId });
  return [
    ...template.indications.map(withSources('indications')),
    ...template.contraindications.absolute.map(withSources('contraindications.absolute')),
    ...template.contraindications.relative.map(withSources('contraindications.relative')),
    ...template.imaging.checks.map(withSources('imaging.checks')),
    ...template.risks.map((r): FactSources => ({
      id: r.id, section: 'risks', sources: [...r.sources, ...(r.incidence?.sources ?? [])], parts: r.incidence ? [r.sources, r.incidence.sources] : [r.sources], templateId,
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

/**
 * A fact of factsOf awaits review when any of its parts does (a risk whose incidence rests on
 * a lay page only), or when fact-reference §7 lists it (evidence-state.ts).
 */
export function isFactUnverified(fact: Pick<FactSources, 'parts'> & Partial<Pick<FactSources, 'id' | 'sources' | 'templateId'>>): boolean {
  return factNeedsReview({
    sources: fact.sources ?? fact.parts.flat(), parts: fact.parts, templateId: fact.templateId, factId: fact.id, hasIncidence: fact.parts.length > 1,
  });
}

/** Facts by the tag they are shown with: one that §7 lists counts as [M], whatever its tag. */
export function evidenceCounts(template: Template): EvidenceCounts {
  const counts: EvidenceCounts = { V: 0, V2: 0, M: 0, inference: 0 };
  for (const fact of factsOf(template)) {
    const tag = effectiveEvidence(fact.sources, fact.parts);
    counts[(tag === 'V' || tag === 'V2') && isFactUnverified(fact) ? 'M' : tag]++;
  }
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
