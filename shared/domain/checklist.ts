/**
 * The checklist an encounter works through, derived from its template version.
 * Item ids are the template's fact ids, so stored state stays attached to the
 * exact statement that was shown.
 */
import type { ChecklistItemState } from '../contract/checklist';
import { evidenceState, type EvidenceState } from '../library/evidence-state';
import type { SourceRef, Template } from '../library/schema';

export const SECTION_IDS = ['indications', 'imaging', 'risks', 'monitoring-pre', 'monitoring-intra', 'monitoring-post'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  indications: 'Indications',
  imaging: 'Imaging modality',
  risks: 'Risks to counsel on',
  'monitoring-pre': 'Monitoring: pre-procedure',
  'monitoring-intra': 'Monitoring: intra-procedure',
  'monitoring-post': 'Monitoring: post-procedure',
};

export interface ChecklistItem {
  id: string;
  /** A template section id, or a procedure-day section (shared/workflow/phase-items.ts). */
  section: string;
  label: string;
  /** Further wording: the patient-friendly text of a risk, an incidence, a note. */
  detail: string | null;
  incidence: string | null;
  sources: SourceRef[];
  /** Fact base tag [M], an inference, low-reliability sources only, or listed in fact-reference §7 (evidence-state.ts), not yet accepted by the clinic's reviewer. */
  needsReview: boolean;
  /** How firm the statement is, as every surface shows it (evidence-state.ts). */
  evidence: EvidenceState;
  /** Who accepted this needs-review or secondary-source fact for this template version, if anyone, and why. */
  reviewedBy: { name: string; at: string; comment?: string | null } | null;
  /** Fact base tag [V2]: "secondary source: confirm against the primary". */
  secondarySource: boolean;
}

export interface ChecklistSection {
  id: SectionId;
  title: string;
  items: ChecklistItem[];
}

/** The clinic reviewer's acceptances of needs-review and secondary-source facts, by fact id. */
export type ReviewedFacts = ReadonlyMap<string, { name: string; at: string; comment?: string | null }>;

export function buildChecklist(template: Template, reviewed: ReviewedFacts = new Map()): ChecklistSection[] {
  const item = (
    section: SectionId, id: string, label: string, sources: SourceRef[], detail: string | null = null, incidence: string | null = null,
    parts: SourceRef[][] = [sources],
  ): ChecklistItem => {
    const fact = { sources, parts, templateId: template.id, factId: id, hasIncidence: incidence !== null };
    // A verified fact needs no acceptance; a secondary-source one keeps its state once accepted (evidence-state.ts).
    const review = evidenceState(fact) !== 'verified' ? (reviewed.get(id) ?? null) : null;
    const evidence = evidenceState(fact, review !== null);
    return { id, section, label, detail, incidence, sources, needsReview: evidence === 'needs-review', evidence, reviewedBy: review, secondarySource: sources.some((s) => s.evidence === 'V2') };
  };
  const bySection: Record<SectionId, ChecklistItem[]> = {
    indications: template.indications.map((f) => item('indications', f.id, f.text, f.sources, f.patientText ?? null)),
    imaging: template.imaging.checks.map((f) => item('imaging', f.id, f.text, f.sources, f.patientText ?? null)),
    risks: [
      ...template.risks.map((r) =>
        item('risks', r.id, r.name, [...r.sources, ...(r.incidence?.sources ?? [])], r.patientText, r.incidence?.text ?? null,
          r.incidence ? [r.sources, r.incidence.sources] : [r.sources]),
      ),
      ...template.requiredCounselling.map((f) => item('risks', f.id, f.text, f.sources, f.patientText ?? null)),
    ],
    'monitoring-pre': [],
    'monitoring-intra': [],
    'monitoring-post': [],
  };
  for (const step of template.monitoring) {
    bySection[`monitoring-${step.phase}`].push(item(`monitoring-${step.phase}`, step.id, step.text, step.sources));
  }
  return SECTION_IDS.map((id) => ({ id, title: SECTION_TITLES[id], items: bySection[id] }));
}

export function checklistItemIds(template: Template): Set<string> {
  return new Set(buildChecklist(template).flatMap((s) => s.items.map((i) => i.id)));
}

/** Done = checked or marked not applicable. Counts only items the template still has. */
export function progress(items: readonly { id: string }[], resolvedIds: Iterable<string>): { done: number; total: number } {
  const resolved = new Set(resolvedIds);
  return { done: items.filter((i) => resolved.has(i.id)).length, total: items.length };
}

export function resolvedIdsOf(states: readonly ChecklistItemState[]): string[] {
  return states.filter((s) => s.status !== 'unchecked').map((s) => s.itemId);
}
