/** encounter.advance, encounter.cancel, encounter.addRecord, encounter.voidRecord */
import type { Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import { CommandError } from '#shared/contract/errors';
import { recordNeedsSignature, type RecordData } from '#shared/contract/workflow';
import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import { classifySteroid } from '#shared/clinical/steroid-table';
import { phaseBlockers } from '#shared/domain/encounter-workflow';
import { nextState, STATE_LABELS, transitionProblem } from '#shared/workflow/states';
import type { HandlerContext } from './context';
import { requireEncounter, requireOpenEncounter, requireTemplate } from './lookups';

type WorkflowMethods = 'encounter.advance' | 'encounter.cancel' | 'encounter.addRecord' | 'encounter.voidRecord';

/** What blocks leaving the encounter's current state, judged now. */
export function blockersOf(ctx: HandlerContext, encounter: Encounter) {
  const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
  const resolved = new Set(ctx.checklist.list(encounter.id).filter((i) => i.status !== 'unchecked').map((i) => i.itemId));
  return phaseBlockers({
    state: encounter.state,
    template,
    plan: { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality },
    resolvedIds: resolved,
    records: ctx.workflow.records(encounter.id),
    bleedingRiskRaises: ctx.bleedingRisk.list(encounter.id),
    settings: ctx.settings.get(),
    now: ctx.now(),
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

export function workflowHandlers(ctx: HandlerContext): Pick<Handlers, WorkflowMethods> {
  return {
    'encounter.advance': ({ encounterId, to, override }, { caller }) => {
      const before = requireOpenEncounter(ctx, encounterId);
      const expected = nextState(before.state);
      if (to !== expected) {
        throw new CommandError('CONFLICT', `The encounter is ${STATE_LABELS[before.state]}; it can only move to ${expected ? STATE_LABELS[expected] : 'no further state'} (the screen may be out of date).`);
      }
      if (override) {
        if (caller.actor.role !== 'physician') throw new CommandError('FORBIDDEN', 'Only a physician may override open items or a hard stop.');
        ctx.auth.confirmPasswordSync(caller, override.password, `encounter:${encounterId}/override`);
      }
      const encounter = before;
      const blockers = blockersOf(ctx, encounter);
      if (blockers.length && !override) {
        const hard = blockers.filter((b) => b.hardStop).length;
        throw new CommandError(
          'CONFLICT',
          `${STATE_LABELS[encounter.state]} cannot end yet: ${blockers.length} item(s) open${hard ? `, ${hard} hard stop(s)` : ''}. A physician may override with a reason.`,
          blockers.map((b) => ({ path: `blockers.${b.id}`, message: b.label, hardStop: b.hardStop, ...(b.sources ? { sources: b.sources } : {}) })),
        );
      }
      const transition = { from: encounter.state, to, at: ctx.now(), by: caller.actor, reason: override?.reason ?? null, overridden: override ? blockers : [] };
      if (!ctx.workflow.transition(encounterId, transition.from, to, transition.at, caller.actor, transition.reason, transition.overridden)) {
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
      if (existing.voided) throw new CommandError('CONFLICT', 'This record was already withdrawn.');
      ctx.workflow.voidRecord(recordId, ctx.now(), caller.actor, reason);
      return ctx.workflow.records(encounterId).find((r) => r.id === recordId)!;
    },
  };
}
