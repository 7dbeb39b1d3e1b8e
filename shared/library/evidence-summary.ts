/** Counts of facts by evidence tag, and which facts still await a clinician's review. */
import type { Evidence, SourceRef, Template } from './schema';

export interface EvidenceCounts {
  V: number;
  V2: number;
  M: number;
  inference: number;
}

/** Each fact once, with the sources it cites (a risk's incidence counts as part of the risk). */
export function factsOf(template: Template): { id: string; section: string; sources: SourceRef[] }[] {
  const withSources = (section: string) => (f: { id: string; sources: SourceRef[] }) => ({ id: f.id, section, sources: f.sources });
  return [
    ...template.indications.map(withSources('indications')),
    ...template.contraindications.absolute.map(withSources('contraindications.absolute')),
    ...template.contraindications.relative.map(withSources('contraindications.relative')),
    ...template.imaging.checks.map(withSources('imaging.checks')),
    ...template.risks.map((r) => ({ id: r.id, section: 'risks', sources: [...r.sources, ...(r.incidence?.sources ?? [])] })),
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

export function isUnverified(sources: readonly SourceRef[]): boolean {
  return sources.some((s) => s.evidence === 'M' || s.evidence === 'inference');
}

export function evidenceCounts(template: Template): EvidenceCounts {
  const counts: EvidenceCounts = { V: 0, V2: 0, M: 0, inference: 0 };
  for (const fact of factsOf(template)) counts[weakestEvidence(fact.sources)]++;
  return counts;
}

/** Ids of unverified facts not yet accepted by a reviewer. */
export function awaitingReview(template: Template, reviewedIds: ReadonlySet<string>): string[] {
  return factsOf(template).filter((f) => isUnverified(f.sources) && !reviewedIds.has(f.id)).map((f) => f.id);
}
