/**
 * The steroid namespace: the patient's steroid ledger. What each of the patient's encounters'
 * latest standing procedure record says was given (not what was planned; a voided record does
 * not count), in the clinic's 12 months ending today, and, asked by encounter, that encounter's
 * planned steroid while it has no procedure record yet. Other patients' encounters never enter.
 */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { givenSteroids, plannedSteroid, steroidLedger } from '#shared/domain/steroid-ledger';
import { createFollowUpRepository } from '../repositories/follow-ups';
import type { HandlerContext } from './support/context';
import { requireEncounter } from './support/lookups';

export function steroidHandlers(ctx: HandlerContext): Pick<Handlers, 'steroid.ledger'> {
  // The patient's encounter ids: the query the outcomes screen already uses.
  const encountersOf = createFollowUpRepository(ctx.db);
  return {
    'steroid.ledger': ({ encounterId, patientId }) => {
      const encounter = encounterId ? requireEncounter(ctx, encounterId) : null;
      const patient = encounter?.patientId ?? patientId!;
      if (!ctx.patients.get(patient)) throw new CommandError('NOT_FOUND', `No patient with id ${patient}.`);
      const given = encountersOf.encounterIdsOfPatient(patient).flatMap((id) => givenSteroids(id, ctx.workflow.records(id)));
      const planned = encounter ? plannedSteroid(ctx.workflow.records(encounter.id)) : null;
      return steroidLedger({ given, planned, now: ctx.now(), timeZone: ctx.settings.get().timeZone });
    },
  };
}
