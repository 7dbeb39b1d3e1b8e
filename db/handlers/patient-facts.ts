/**
 * The patientFacts namespace: a patient's clinical facts, entered from one of their
 * encounters and carried to every later one, and each encounter's confirmation of them.
 * Also what the encounter namespace needs of them: the anticoagulant verdict of an
 * encounter from the patient's drugs and the planned start a person entered.
 */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import { currentFacts, SINGLE_FACT_KINDS, type AnticoagulantVerdict, type PatientFact, type PatientFactData, type PatientFactsView } from '#shared/contract/patient-facts';
import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import { anticoagulantInputOf, verdictOf, type EncounterAnticoagulantInput } from '#shared/domain/anticoagulant-verdict';
import { timedAnticoagulantCheck } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import type { HandlerContext } from './support/context';
import { requireEncounter, requireOpenEncounter } from './support/lookups';

type PatientFactMethods = 'patientFacts.get' | 'patientFacts.record' | 'patientFacts.remove' | 'patientFacts.confirm';

/** A dose time a few minutes ahead of the core's clock is a clock difference; later than that is a mistake. */
const CLOCK_SLACK_MS = 5 * 60_000;

const invalid = (path: string, message: string) => new CommandError('INVALID_INPUT', `patientFacts.record: ${path}: ${message}`, [{ path, message }]);

/** The patient's facts with their history, and the encounter's confirmations. */
export function patientFactsView(ctx: HandlerContext, encounter: Encounter): PatientFactsView {
  return { patientId: encounter.patientId, facts: ctx.patientFacts.list(encounter.patientId), confirmations: ctx.patientFacts.confirmations(encounter.id) };
}

/** What the anticoagulant check of an encounter is judged against: the patient's drugs and the planned start a person entered. */
export function encounterAnticoagulantInput(ctx: HandlerContext, encounter: Encounter): EncounterAnticoagulantInput {
  return anticoagulantInputOf({ encounter, plannedStart: ctx.patientFacts.plannedStart(encounter.id), patientFacts: { facts: ctx.patientFacts.list(encounter.patientId) } });
}

/** The encounter's anticoagulant verdict, as the worklist row shows it. */
export function anticoagulantVerdict(ctx: HandlerContext, encounter: Encounter, template: Template): AnticoagulantVerdict {
  const input = encounterAnticoagulantInput(ctx, encounter);
  const timed = timedAnticoagulantCheck(template, ctx.workflow.records(encounter.id), ctx.bleedingRisk.list(encounter.id), ctx.settings.get(), input);
  return verdictOf(timed, input.plannedStartAt);
}

function checkFact(ctx: HandlerContext, fact: PatientFactData): void {
  const future = (at: string | null) => at !== null && Date.parse(at) > Date.parse(ctx.now()) + CLOCK_SLACK_MS;
  if (fact.kind === 'antithrombotic') {
    if (!findAnticoagulant(fact.data.drugId)) throw invalid('fact.data.drugId', 'is not in the drug table');
    if (future(fact.data.lastDoseAt)) throw invalid('fact.data.lastDoseAt', 'is in the future');
  }
  if (fact.kind === 'medication' && future(fact.data.lastDoseAt)) throw invalid('fact.data.lastDoseAt', 'is in the future');
}

/** The standing fact a change replaces: named, or for one-at-a-time kinds (diabetes, pregnancy) the one standing. */
function replaced(standing: readonly PatientFact[], fact: PatientFactData, replacesId: string | undefined): string | null {
  if (replacesId) {
    const old = standing.find((f) => f.id === replacesId);
    if (!old) throw new CommandError('CONFLICT', 'The fact to change is no longer standing (changed or removed meanwhile); reload the encounter.');
    if (old.entry.kind !== fact.kind) throw invalid('replacesId', `is a ${old.entry.kind} fact, not a ${fact.kind} one`);
    return old.id;
  }
  return SINGLE_FACT_KINDS.has(fact.kind) ? (standing.find((f) => f.entry.kind === fact.kind)?.id ?? null) : null;
}

export function patientFactHandlers(ctx: HandlerContext): Pick<Handlers, PatientFactMethods> {
  const byId = (patientId: string, id: string) => ctx.patientFacts.list(patientId).find((f) => f.id === id)!;
  return {
    'patientFacts.get': ({ encounterId }) => patientFactsView(ctx, requireEncounter(ctx, encounterId)),

    'patientFacts.record': ({ encounterId, fact, replacesId }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      checkFact(ctx, fact);
      const replacing = replaced(currentFacts(ctx.patientFacts.list(encounter.patientId)), fact, replacesId);
      const id = ctx.newId();
      ctx.patientFacts.add(id, encounter.patientId, fact, replacing, encounterId, ctx.now(), caller.actor);
      return byId(encounter.patientId, id);
    },

    'patientFacts.remove': ({ encounterId, factId, reason }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const fact = ctx.patientFacts.list(encounter.patientId).find((f) => f.id === factId);
      if (!fact) throw new CommandError('NOT_FOUND', `No fact ${factId} for this patient.`);
      if (fact.removed || fact.replacedBy) throw new CommandError('CONFLICT', 'This fact was already changed or removed.');
      ctx.patientFacts.remove(factId, ctx.now(), caller.actor, reason);
      return byId(encounter.patientId, factId);
    },

    'patientFacts.confirm': ({ encounterId, factIds }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const standing = currentFacts(ctx.patientFacts.list(encounter.patientId)).map((f) => f.id);
      const seen = new Set(factIds);
      if (seen.size !== standing.length || standing.some((id) => !seen.has(id))) {
        throw new CommandError('CONFLICT', "The patient's facts changed since the screen showed them; read them again before confirming.");
      }
      const id = ctx.newId();
      ctx.patientFacts.confirm(id, encounterId, standing, ctx.now(), caller.actor);
      return ctx.patientFacts.confirmations(encounterId).find((c) => c.id === id)!;
    },
  };
}
