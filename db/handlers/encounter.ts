/** The encounter namespace: opening, the worklist, the day's workflow and records, bleeding-risk raises. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers, Caller } from '#shared/contract/dispatcher';
import { encounterProgress, phaseBlockers, encounterRisk } from '#shared/domain/encounter-workflow';
import { encounterPlanOf } from '#shared/domain/encounter-plan';
import { consentStandingOf, notOverridable } from '#shared/domain/consent-blockers';
import { checkOverrides } from './support/blocker-overrides';
import { validateEncounterPlan } from '#shared/domain/encounter-rules';
import type { ItemStatus } from '#shared/contract/checklist';
import type { Actor } from '#shared/contract/common';
import type { HandlerContext } from './support/context';
import { requireEncounter, requireTemplate, requireOpenEncounter } from './support/lookups';
import type { Encounter } from '#shared/contract/encounter';
import { recordNeedsSignature, type RecordData } from '#shared/contract/encounter-records';
import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import { classifySteroid } from '#shared/clinical/steroid-table';
import { nextState, STATE_LABELS, transitionProblem } from '#shared/workflow/states';
import { raiseProblem } from '#shared/domain/bleeding-risk';
import { recoveryStartedAt } from '#shared/workflow/observation';
import type { RecordedBy } from '../repositories/follow-ups';
import { encounterAnticoagulantInput, anticoagulantVerdict, patientFactsView } from './patient-facts';
import { wallTimeOf, parseInstant } from '#shared/domain/zoned-time';

type EncounterMethods = 'encounter.create' | 'encounter.list' | 'encounter.get' | 'encounter.setPlannedStart' | WorkflowMethods | BleedingRiskMethods;

/** Opening an encounter, the worklist, and one encounter in full. */
function openingHandlers(ctx: HandlerContext): Pick<Handlers, 'encounter.create' | 'encounter.list' | 'encounter.get'> {
  return {
    'encounter.create': (input, { caller }) => {
      const patient = ctx.patients.get(input.patientId);
      if (!patient) throw new CommandError('NOT_FOUND', `No patient with id ${input.patientId}.`);
      const template = ctx.templates.latest(input.templateId);
      if (!template) throw new CommandError('NOT_FOUND', `No procedure template "${input.templateId}".`);
      const problems = validateEncounterPlan(template, input);
      if (problems.length) {
        throw new CommandError('INVALID_INPUT', `encounter.create: ${problems[0]?.path}: ${problems[0]?.message}`, problems);
      }
      const imagingModality = input.imagingModality ?? template.imaging.options.find((o) => o.isDefault)?.modality ?? 'fluoroscopy';
      const encounter = {
        id: ctx.newId(),
        patientId: patient.id,
        templateId: template.id,
        templateVersion: template.version,
        levels: input.levels,
        laterality: input.laterality,
        imagingModality,
        plannedDate: input.plannedDate,
        indication: input.indication,
        createdAt: ctx.now(),
        createdBy: caller.actor,
        state: 'scheduled' as const,
        sedationPlanned: input.sedationPlanned,
        visitNumber: input.visitNumber ?? null,
        location: input.location ?? null,
      };
      ctx.encounters.insert(encounter);
      return encounter;
    },
    'encounter.list': (filter) => ctx.encounters.list(filter).map((row) => {
      const template = requireTemplate(ctx, row.encounter.templateId, row.encounter.templateVersion);
      // Counted as the phase panel counts: the items that apply to this plan (sedation, side, imaging,
      // the patient's diabetes, the planned contrast), answered by a tick, a saved record or the confirmed facts.
      const records = ctx.workflow.records(row.encounter.id);
      const patientFacts = patientFactsView(ctx, row.encounter);
      const plan = encounterPlanOf(row.encounter, { records, patientFacts: patientFacts.facts });
      return {
        encounter: row.encounter,
        patient: row.patient,
        templateName: template.name,
        progress: encounterProgress(template, plan, { resolvedIds: row.resolvedItemIds, records, patientFacts }),
        decision: row.decision as 'consents' | 'declines' | 'defers' | null,
        anticoagulant: anticoagulantVerdict(ctx, row.encounter, template),
      };
    }),
    'encounter.get': ({ encounterId }) => {
      const encounter = requireEncounter(ctx, encounterId);
      const patient = ctx.patients.get(encounter.patientId);
      if (!patient) throw new CommandError('NOT_FOUND', `No patient with id ${encounter.patientId}.`);
      return {
        encounter,
        patient,
        items: ctx.checklist.list(encounterId),
        consent: ctx.consent.get(encounterId),
        transitions: ctx.workflow.transitions(encounterId),
        records: ctx.workflow.records(encounterId),
        itemHistory: ctx.checklist.history(encounterId).map((e) => ({
          itemId: e.itemId,
          from: e.fromStatus as ItemStatus | null,
          to: e.toStatus as ItemStatus,
          reason: e.reason,
          at: e.at,
          by: { name: e.byName, role: e.byRole as Actor['role'] },
        })),
        signatures: ctx.participantSignatures.list(encounterId),
        bleedingRiskRaises: ctx.bleedingRisk.list(encounterId),
        plannedStart: ctx.patientFacts.plannedStart(encounterId),
        patientFacts: patientFactsView(ctx, encounter),
      };
    },
  };
}

/**
 * The planned start, entered by a person: the anticoagulant check is judged against it,
 * never the running clock. It falls on the encounter's planned date, in clinic time.
 */
function plannedStartHandler(ctx: HandlerContext): Pick<Handlers, 'encounter.setPlannedStart'> {
  return {
    'encounter.setPlannedStart': ({ encounterId, plannedStartAt }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const w = wallTimeOf(parseInstant(plannedStartAt), ctx.settings.get().timeZone);
      const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
      if (day !== encounter.plannedDate) {
        const message = `falls on ${day} in clinic time; the encounter is planned for ${encounter.plannedDate}`;
        throw new CommandError('INVALID_INPUT', `encounter.setPlannedStart: plannedStartAt: ${message}`, [{ path: 'plannedStartAt', message }]);
      }
      ctx.patientFacts.setPlannedStart(encounterId, plannedStartAt, ctx.now(), caller.actor);
      return ctx.patientFacts.plannedStart(encounterId)!;
    },
  };
}

type WorkflowMethods = 'encounter.advance' | 'encounter.cancel' | 'encounter.addRecord' | 'encounter.voidRecord';

/** What blocks leaving the encounter's current state, judged now. */
export function blockersOf(ctx: HandlerContext, encounter: Encounter) {
  const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
  const resolved = new Set(ctx.checklist.list(encounter.id).filter((i) => i.status !== 'unchecked').map((i) => i.itemId));
  const records = ctx.workflow.records(encounter.id);
  return phaseBlockers({
    state: encounter.state,
    template,
    plan: encounterPlanOf(encounter, { records, patientFacts: ctx.patientFacts.list(encounter.patientId) }),
    resolvedIds: resolved,
    records,
    bleedingRiskRaises: ctx.bleedingRisk.list(encounter.id),
    settings: ctx.settings.get(),
    now: ctx.now(),
    recoveryStartedAt: recoveryStartedAt(ctx.workflow.transitions(encounter.id)),
    anticoagulant: encounterAnticoagulantInput(ctx, encounter),
    consent: consentStandingOf(ctx.consent.get(encounter.id), ctx.participantSignatures.list(encounter.id)),
    patientFacts: patientFactsView(ctx, encounter),
  });
}

/**
 * The planned injectate is what the time-out checks, so it is recorded before the
 * procedure starts (a correction at the time-out is a new plan, checked again); after
 * that the procedure record says what was given. Only a physician confirms that a steroid
 * is nonparticulate, and never one the steroid table knows to be particulate.
 */
function checkInjectatePlan(encounter: Encounter, record: Extract<RecordData, { kind: 'injectate-plan' }>, role: string): void {
  if (!['scheduled', 'pre-procedure', 'time-out'].includes(encounter.state)) {
    throw new CommandError('CONFLICT', `The planned injectate is recorded before the procedure starts; the encounter is ${STATE_LABELS[encounter.state]}. Record what was given in the procedure record.`);
  }
  const plan = record.data;
  if (!plan.nonParticulateConfirmed) return;
  const path = 'record.data.nonParticulateConfirmed';
  if (role !== 'physician') {
    throw new CommandError('FORBIDDEN', 'Only a physician may confirm that a steroid is nonparticulate.', [{ path, message: 'only a physician may confirm this' }]);
  }
  if (!plan.steroid) {
    throw new CommandError('INVALID_INPUT', `encounter.addRecord: ${path}: there is no steroid to confirm`, [{ path, message: 'there is no steroid to confirm' }]);
  }
  const steroid = classifySteroid(plan.steroid.name);
  if (steroid.particulate === true) {
    throw new CommandError('INVALID_INPUT', `encounter.addRecord: ${path}: ${plan.steroid.name} is a particulate steroid (${steroid.generic}); it cannot be confirmed nonparticulate`, [
      { path, message: `${plan.steroid.name} is a particulate steroid (${steroid.generic}); it cannot be confirmed nonparticulate` },
    ]);
  }
}

/** Moving through the day's states, and the structured records taken on the way. */
function workflowHandlers(ctx: HandlerContext): Pick<Handlers, WorkflowMethods> {
  return {
    'encounter.advance': ({ encounterId, to, overrides = [], password }, { caller }) => {
      const before = requireOpenEncounter(ctx, encounterId);
      const expected = nextState(before.state);
      if (to !== expected) {
        throw new CommandError('CONFLICT', `The encounter is ${STATE_LABELS[before.state]}; it can only move to ${expected ? STATE_LABELS[expected] : 'no further state'} (the screen may be out of date).`);
      }
      const encounter = before;
      const blockers = blockersOf(ctx, encounter);
      // Every problem with the overrides is refused before any password is asked, and nothing is written.
      if (overrides.length) checkOverrides(encounter.state, blockers, overrides);
      if (overrides.length) {
        if (caller.actor.role !== 'physician') throw new CommandError('FORBIDDEN', 'Only a physician may override open items or a hard stop.');
        ctx.auth.confirmPasswordSync(caller, password!, `encounter:${encounterId}/override`);
      }
      if (blockers.length && !overrides.length) {
        const hard = blockers.filter((b) => b.hardStop).length;
        const fixed = notOverridable(blockers).length;
        throw new CommandError(
          'CONFLICT',
          `${STATE_LABELS[encounter.state]} cannot end yet: ${blockers.length} item(s) open${hard ? `, ${hard} hard stop(s)` : ''}. ${fixed === blockers.length ? 'None of them can be overridden.' : 'A physician may override each overridable one with a reason.'}`,
          blockers.map((b) => ({ path: `blockers.${b.id}`, message: b.label, hardStop: b.hardStop, ...(b.overridable === false ? { overridable: false } : {}), ...(b.sources ? { sources: b.sources } : {}) })),
        );
      }
      const reasonOf = new Map(overrides.map((o) => [o.blockerId, o.reason]));
      const overridden = overrides.length ? blockers.map((b) => ({ ...b, reason: reasonOf.get(b.id)! })) : [];
      if (!ctx.workflow.transition(encounterId, encounter.state, to, ctx.now(), caller.actor, null, overridden)) {
        throw new CommandError('CONFLICT', 'The encounter changed meanwhile; reload it.');
      }
      return ctx.workflow.transitions(encounterId).at(-1)!;
    },

    'encounter.cancel': ({ encounterId, reason }, { caller }) => {
      const encounter = requireEncounter(ctx, encounterId);
      const problem = transitionProblem(encounter.state, 'cancelled', reason);
      if (problem) throw new CommandError('CONFLICT', problem);
      if (!ctx.workflow.transition(encounterId, encounter.state, 'cancelled', ctx.now(), caller.actor, reason, [])) {
        throw new CommandError('CONFLICT', 'The encounter changed meanwhile; reload it.');
      }
      return ctx.workflow.transitions(encounterId).at(-1)!;
    },

    'encounter.addRecord': ({ encounterId, record, password }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      if (record.kind === 'injectate-plan') checkInjectatePlan(encounter, record, caller.actor.role);
      if (recordNeedsSignature(record)) {
        const what = record.kind === 'time-out' ? 'signing the time-out' : 'confirming the steroid is nonparticulate';
        if (!password) throw new CommandError('INVALID_INPUT', `encounter.addRecord: password: ${what} needs your password`, [{ path: 'password', message: `${what} needs your password` }]);
        ctx.auth.confirmPasswordSync(caller, password, `encounter:${encounterId}/${record.kind}`);
      }
      if (record.kind === 'anticoagulant' && Date.parse(record.data.lastDoseAt) > Date.parse(ctx.now()) + 5 * 60_000) {
        throw new CommandError('INVALID_INPUT', 'encounter.addRecord: record.data.lastDoseAt: is in the future', [{ path: 'record.data.lastDoseAt', message: 'is in the future' }]);
      }
      if (record.kind === 'anticoagulant') {
        if (!findAnticoagulant(record.data.drugId)) throw new CommandError('INVALID_INPUT', `encounter.addRecord: record.data.drugId: unknown drug "${record.data.drugId}"`, [{ path: 'record.data.drugId', message: 'is not in the drug table' }]);
      }
      const id = ctx.newId();
      ctx.workflow.addRecord(id, encounterId, record, ctx.now(), caller.actor);
      return ctx.workflow.records(encounterId).find((r) => r.id === id)!;
    },

    'encounter.voidRecord': ({ encounterId, recordId, reason }, { caller }) => {
      requireOpenEncounter(ctx, encounterId);
      if (ctx.workflow.encounterOfRecord(recordId) !== encounterId) throw new CommandError('NOT_FOUND', `No record ${recordId} on this encounter.`);
      const existing = ctx.workflow.records(encounterId).find((r) => r.id === recordId)!;
      if (existing.voided) throw new CommandError('CONFLICT', 'This record was already voided.');
      ctx.workflow.voidRecord(recordId, ctx.now(), caller.actor, reason);
      return ctx.workflow.records(encounterId).find((r) => r.id === recordId)!;
    },
  };
}

/**
 * A physician raises the class the anticoagulant check uses, with a reason (the
 * contract lets only physicians do so). The same rule as the screen's
 * (raiseProblem) refuses a class below the template's or not above the current
 * one, and then nothing is written. Who acted comes from the session.
 */

type BleedingRiskMethods = 'encounter.raiseBleedingRisk' | 'encounter.voidBleedingRiskRaise';

const recordedBy = (caller: Caller): RecordedBy => ({ actor: caller.actor, userId: caller.userId });

function bleedingRiskHandlers(ctx: HandlerContext): Pick<Handlers, BleedingRiskMethods> {
  return {
    'encounter.raiseBleedingRisk': ({ encounterId, toClass, reasonCategory, reason }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      const current = encounterRisk(template, ctx.workflow.records(encounterId), ctx.bleedingRisk.list(encounterId));
      const problem = raiseProblem(current, toClass);
      if (problem?.code === 'INVALID_INPUT') {
        throw new CommandError('INVALID_INPUT', `encounter.raiseBleedingRisk: toClass: ${problem.message}`, [{ path: 'toClass', message: problem.message }]);
      }
      if (problem) throw new CommandError('CONFLICT', problem.message);
      const id = ctx.newId();
      ctx.bleedingRisk.add(id, encounterId, { fromClass: current.riskClass, toClass, reasonCategory, reason }, ctx.now(), recordedBy(caller));
      return ctx.bleedingRisk.list(encounterId).find((r) => r.id === id)!;
    },

    'encounter.voidBleedingRiskRaise': ({ encounterId, raiseId, reason }, { caller }) => {
      requireOpenEncounter(ctx, encounterId);
      const existing = ctx.bleedingRisk.list(encounterId).find((r) => r.id === raiseId);
      if (!existing) throw new CommandError('NOT_FOUND', `No bleeding-risk raise ${raiseId} on this encounter.`);
      if (existing.voided) throw new CommandError('CONFLICT', 'This bleeding-risk raise was already voided.');
      ctx.bleedingRisk.voidRaise(raiseId, reason, ctx.now(), recordedBy(caller));
      return ctx.bleedingRisk.list(encounterId).find((r) => r.id === raiseId)!;
    },
  };
}

export function encounterHandlers(ctx: HandlerContext): Pick<Handlers, EncounterMethods> {
  return { ...openingHandlers(ctx), ...plannedStartHandler(ctx), ...workflowHandlers(ctx), ...bleedingRiskHandlers(ctx) };
}
