/**
 * The note's sections on what happened on the procedure day (state changes and overrides) and
 * the bleeding-risk class used, also shown after signing in a signed note's export.
 */
import type { EncounterDetail } from '../contract/encounter';
import { basisText, CLASS_LABEL, type EncounterBleedingRisk } from '../domain/bleeding-risk';
import type { NoteClock } from '../domain/clinic-time';
import { asOf, encounterRisk } from '../domain/encounter-workflow';
import type { Template } from '../library/schema';
import { STATE_LABELS } from '../workflow/states';
import { needsReview, REVIEW_MARK } from './marks';
import type { NoteSection } from './model';

/** Which blockers can be overridden, and why (issue 18): printed under the states and overrides. */
export const OVERRIDE_RULE =
  'A physician may override an open item or a hard stop, each with its own reason and the password. ' +
  "The consent decision, the patient's or surrogate's signature and the time-out cannot be overridden: " +
  'no procedure goes ahead without the patient agreeing, or without the team stopping to check patient, site and side.';

/**
 * The encounter's course: each state change with who and when, and every
 * physician override with its reason and what it overrode, so a reader of the
 * chart sees that a required step was bypassed and why. With `after`, only the
 * changes since then: a signed note's export shows what became of the encounter.
 */
export function procedureDaySection(detail: EncounterDetail, clock: NoteClock, after?: { at: string; heading: string }): NoteSection[] {
  const transitions = after ? detail.transitions.filter((t) => t.at > after.at) : detail.transitions;
  if (!transitions.length) return [];
  // One line per state change, then one per blocker a physician overrode, naming who, when and why.
  const items = transitions.flatMap((t) => {
    const base = `${clock.at(t.at)}: ${STATE_LABELS[t.from]} to ${STATE_LABELS[t.to]}, by ${t.by.name} (${t.by.role})`;
    if (t.to === 'cancelled') return [`${base}. Cancelled: ${t.reason ?? ''}`];
    if (!t.overridden.length) return [base];
    // Each blocker's own reason; overrides stored before issue 18 had one reason for all, kept on the transition.
    return [
      `${base}, overriding ${t.overridden.length} open item(s):`,
      ...t.overridden.map((b) => `Overridden by ${t.by.name} (${t.by.role}) at ${clock.at(t.at)}: ${b.hardStop ? 'HARD STOP ' : ''}${b.label}. Reason: ${b.reason ?? t.reason ?? ''}`),
    ];
  });
  // The rule once in the note; in the since-signing part only when it lists an override.
  const rule = !after || transitions.some((t) => t.overridden.length) ? [{ kind: 'paragraph' as const, text: OVERRIDE_RULE }] : [];
  return [{ heading: after?.heading ?? 'Procedure day: states and overrides', blocks: [{ kind: 'list', items }, ...rule] }];
}

/** One reason for the class, marked where it rests on unverified facts (the chart note cites no sources). */
function basisLine(b: EncounterBleedingRisk['basis'][number], clock: NoteClock): string {
  const text = basisText(b, (iso) => clock.at(iso));
  if (b.kind === 'physician') return text;
  return `${text}${needsReview(b.sources) ? ` ${REVIEW_MARK}` : ''}`;
}

/**
 * The bleeding-risk class the anticoagulant check uses for this encounter, and
 * why: the template's class, the patient factors that raised it, each
 * physician's raise with its reason.
 */
export function bleedingRiskSection(risk: EncounterBleedingRisk, clock: NoteClock): NoteSection {
  return {
    heading: 'Bleeding-risk class (anticoagulant check)',
    blocks: [
      { kind: 'fields', rows: [['Class used', CLASS_LABEL[risk.riskClass]]] },
      { kind: 'list', items: risk.basis.map((b) => basisLine(b, clock)) },
    ],
  };
}

/**
 * For a signed note's export: the bleeding-risk class changed after signing
 * (a raise, a void, patient factors entered or voided). Outside the
 * signed content; empty when nothing bearing on the class happened since.
 */
export function bleedingRiskSinceSection(detail: EncounterDetail, template: Template, signedAt: string, clock: NoteClock): NoteSection[] {
  const changedAfter = (at: string | undefined) => at !== undefined && at > signedAt;
  const factorRecords = detail.records.filter((r) => r.entry.kind === 'risk-factors');
  const touched =
    detail.bleedingRiskRaises.some((r) => changedAfter(r.at) || changedAfter(r.voided?.at)) ||
    factorRecords.some((r) => changedAfter(r.at) || changedAfter(r.voided?.at));
  if (!touched) return [];
  const then = asOf(detail.records, detail.bleedingRiskRaises, signedAt);
  const before = encounterRisk(template, then.records, then.raises);
  const now = encounterRisk(template, detail.records, detail.bleedingRiskRaises);
  const voided = detail.bleedingRiskRaises
    .filter((r) => r.voided && changedAfter(r.voided.at))
    .map((r) => `Voided ${clock.at(r.voided!.at)} by ${r.voided!.by.name} (${r.voided!.by.role}): the raise to ${CLASS_LABEL[r.toClass]} by ${r.by.name}. Reason: ${r.voided!.reason}`);
  return [{
    heading: 'Bleeding-risk class since the note was signed',
    blocks: [
      { kind: 'fields', rows: [['Class at signing', CLASS_LABEL[before.riskClass]], ['Class used now', CLASS_LABEL[now.riskClass]]] },
      { kind: 'list', items: [...now.basis.map((b) => basisLine(b, clock)), ...voided] },
    ],
  }];
}
