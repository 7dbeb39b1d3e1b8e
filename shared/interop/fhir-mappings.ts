/**
 * What the encounter means in FHIR terms: Consent.status from the decision, Procedure.status
 * from the state, the body site, and the checklist as answers to the template's Questionnaire.
 */
import type { EncounterDetail } from '../contract/encounter';
import type { ItemStatus } from '../contract/checklist';
import type { Transition } from '../contract/encounter-records';
import { encounterPlanOf } from '../domain/encounter-plan';
import { consentResolution } from '../workflow/consent-items';
import { factResolutions } from '../workflow/fact-items';
import { workflowItemsFor } from '../workflow/phase-items';
import { recordResolutions } from '../workflow/record-items';
import { templateItemApplies } from '../workflow/template-item-applicability';
import { withTwinAnswers } from '../workflow/template-item-twins';
import { procedureTraits } from '../workflow/traits';
import { templateToQuestionnaire, type QuestionnaireItem } from '../library/questionnaire';
import type { Template } from '../library/schema';
import type { Coding, FhirConsent, ProcedureStatus, QrItem } from './fhir-resources';

const DECISION_STATUS = { consents: 'active', declines: 'rejected', defers: 'proposed' } as const;

/** Consent.status from the decision: consents → active, declines → rejected, defers → proposed; none yet → draft. */
export function consentStatus(decision: 'consents' | 'declines' | 'defers' | null): FhirConsent['status'] {
  return decision ? DECISION_STATUS[decision] : 'draft';
}

/**
 * Procedure.status from the encounter state. Before the procedure starts (scheduled, pre-procedure,
 * time-out) it is in preparation; during it, in progress; from recovery on, completed. A cancelled
 * encounter depends on when it was cancelled: before the procedure began → not-done; during it →
 * stopped (R4: "terminated … after at least some of the main activity"); in recovery → completed,
 * since the procedure itself was done (the cancellation is kept as a note). The reason travels in
 * statusReason.text.
 */
export function procedureStatus(detail: Pick<EncounterDetail, 'encounter' | 'transitions'>): { status: ProcedureStatus; reason: string | null } {
  const state = detail.encounter.state;
  switch (state) {
    case 'scheduled':
    case 'pre-procedure':
    case 'time-out':
      return { status: 'preparation', reason: null };
    case 'procedure':
      return { status: 'in-progress', reason: null };
    case 'recovery':
    case 'discharged':
      return { status: 'completed', reason: null };
    case 'cancelled': {
      const cancel = [...detail.transitions].reverse().find((t) => t.to === 'cancelled');
      const reason = cancel?.reason?.trim() || 'Cancelled (no reason recorded)';
      if (cancel?.from === 'procedure') return { status: 'stopped', reason };
      if (cancel?.from === 'recovery') return { status: 'completed', reason };
      return { status: 'not-done', reason };
    }
  }
}

const LATERALITY_TEXT = { left: 'left', right: 'right', bilateral: 'bilateral' } as const;

/** Procedure.bodySite text: the levels treated (else those planned) and the side. */
export function bodySiteText(detail: EncounterDetail): string | null {
  const treated = detail.records.filter((r) => !r.voided && r.entry.kind === 'procedure').at(-1);
  const levels = treated?.entry.kind === 'procedure' && treated.entry.data.levelsTreated.length ? treated.entry.data.levelsTreated : detail.encounter.levels;
  const parts = [levels.join(', '), detail.encounter.laterality ? LATERALITY_TEXT[detail.encounter.laterality] : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** The first transition into `state`: when the encounter got there, for Procedure.performed. */
export function transitionInto(transitions: readonly Transition[], state: Transition['to']): Transition | undefined {
  return transitions.find((t) => t.to === state);
}

/** The Questionnaire canonical `url|version`, exactly as shared/library/questionnaire.ts builds it. */
export function questionnaireCanonical(template: Template): string {
  const q = templateToQuestionnaire(template);
  return `${q.url}|${q.version}`;
}

/**
 * The checklist as answers to the template's Questionnaire. That Questionnaire declares each item as
 * a `choice` with the codings `checked` / `not-applicable` (ITEM_ANSWER_SYSTEM) and a nested
 * `string` item `<id>.reason` enabled when not applicable; so a checked item answers with the
 * `checked` coding, a not-applicable one with that coding and the reason nested under the answer
 * (qrs-1: nested items go under `answer` for a question). Unchecked items are left out, and so are
 * section groups with nothing answered. Procedure-day items are not in the Questionnaire, so they
 * are not here either (they are on the note and in the Procedure).
 */
export function checklistResponseItems(
  template: Template,
  detail: Pick<EncounterDetail, 'items'> & Partial<Pick<EncounterDetail, 'encounter' | 'records' | 'patientFacts' | 'consent' | 'signatures'>>,
): { items: QrItem[]; answered: number; total: number } {
  // A saved record answers the items it resolves (record-items.ts); an item the plan makes
  // inapplicable (no sedation planned) and left unanswered is not counted as missing.
  // The patient's confirmed facts answer theirs (fact-items.ts); a template item asked by a base
  // item instead takes that item's answer (template-item-twins.ts).
  const stored = new Map<string, { status: ItemStatus; reason?: string | null }>(detail.items.map((s) => [s.itemId, s]));
  const consented = consentResolution(detail.consent ?? null, detail.signatures ?? []);
  const resolved = [...recordResolutions(detail.records ?? []).keys(), ...factResolutions(detail.patientFacts).keys(), ...(consented ? [consented.itemId] : [])];
  for (const itemId of resolved) if (!stored.has(itemId)) stored.set(itemId, { status: 'checked' });
  const plan = detail.encounter ? encounterPlanOf(detail.encounter, { records: detail.records ?? [], patientFacts: detail.patientFacts?.facts ?? [] }) : null;
  const traits = procedureTraits(template);
  const applies = (id: string) => !plan || templateItemApplies(id, traits, plan);
  const questionnaire = templateToQuestionnaire(template);
  const bases = new Set(plan ? workflowItemsFor(traits, plan).map((w) => w.id) : []);
  const states = withTwinAnswers(stored, questionnaire.item.flatMap((g) => (g.item ?? []).map((q) => q.linkId)), bases);
  let answered = 0;
  let total = 0;
  const answerCoding = (group: QuestionnaireItem, code: string): Coding => {
    const option = (group.answerOption ?? []).find((o) => o.valueCoding.code === code);
    if (!option) throw new Error(`the Questionnaire item ${group.linkId} has no answer option ${code}`);
    return { ...option.valueCoding };
  };
  const items: QrItem[] = [];
  for (const group of questionnaire.item) {
    const children: QrItem[] = [];
    for (const question of group.item ?? []) {
      const state = states.get(question.linkId);
      if ((!state || state.status === 'unchecked') && !applies(question.linkId)) continue;
      total += 1;
      if (!state || state.status === 'unchecked') continue;
      answered += 1;
      if (state.status === 'checked') {
        children.push({ linkId: question.linkId, text: question.text, answer: [{ valueCoding: answerCoding(question, 'checked') }] });
        continue;
      }
      const reasonItem = (question.item ?? []).find((i) => i.linkId === `${question.linkId}.reason`);
      const reason = state.reason?.trim();
      children.push({
        linkId: question.linkId,
        text: question.text,
        answer: [{
          valueCoding: answerCoding(question, 'not-applicable'),
          ...(reason && reasonItem ? { item: [{ linkId: reasonItem.linkId, text: reasonItem.text, answer: [{ valueString: reason }] }] } : {}),
        }],
      });
    }
    if (children.length) items.push({ linkId: group.linkId, text: group.text, item: children });
  }
  return { items, answered, total };
}
