/**
 * A physician raises the class the anticoagulant check uses, with a reason (the contract
 * lets only physicians call these). The same rule as the screen's
 * (raiseProblem) refuses a class below the template's or not above the current
 * one, and then nothing is written. Who acted comes from the session.
 */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { raiseProblem } from '#shared/domain/bleeding-risk';
import { encounterRisk } from '#shared/domain/encounter-workflow';
import type { RecordedBy } from '../repositories/follow-ups';
import type { HandlerContext } from './context';
import { requireOpenEncounter, requireTemplate } from './lookups';

type BleedingRiskMethods = 'encounter.raiseBleedingRisk' | 'encounter.withdrawBleedingRiskRaise';

const recordedBy = (caller: Caller): RecordedBy => ({ actor: caller.actor, userId: caller.userId });

export function bleedingRiskHandlers(ctx: HandlerContext): Pick<Handlers, BleedingRiskMethods> {
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

    'encounter.withdrawBleedingRiskRaise': ({ encounterId, raiseId, reason }, { caller }) => {
      requireOpenEncounter(ctx, encounterId);
      const existing = ctx.bleedingRisk.list(encounterId).find((r) => r.id === raiseId);
      if (!existing) throw new CommandError('NOT_FOUND', `No bleeding-risk raise ${raiseId} on this encounter.`);
      if (existing.withdrawn) throw new CommandError('CONFLICT', 'This bleeding-risk raise was already withdrawn.');
      ctx.bleedingRisk.withdraw(raiseId, reason, ctx.now(), recordedBy(caller));
      return ctx.bleedingRisk.list(encounterId).find((r) => r.id === raiseId)!;
    },
  };
}
