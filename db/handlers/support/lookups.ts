/** Loads that end in NOT_FOUND rather than undefined. */
import { CommandError } from '#shared/contract/errors';
import type { Encounter } from '#shared/contract/encounter';
import type { Template } from '#shared/library/schema';
import type { HandlerContext } from './context';

export function requireEncounter(ctx: HandlerContext, id: string): Encounter {
  const encounter = ctx.encounters.get(id);
  if (!encounter) throw new CommandError('NOT_FOUND', `No encounter with id ${id}.`);
  return encounter;
}

/** Discharged and cancelled encounters are closed: their record no longer changes. */
export function requireOpenEncounter(ctx: HandlerContext, id: string): Encounter {
  const encounter = requireEncounter(ctx, id);
  if (encounter.state === 'discharged' || encounter.state === 'cancelled') {
    throw new CommandError('CONFLICT', `This encounter is ${encounter.state}; its record can no longer change.`);
  }
  return encounter;
}

export function requireTemplate(ctx: HandlerContext, id: string, version: number): Template {
  const template = ctx.templates.get(id, version);
  if (!template) throw new CommandError('NOT_FOUND', `No template ${id} version ${version}.`);
  return template;
}
