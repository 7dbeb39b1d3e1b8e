/** Checking, un-checking or marking not applicable one item of an encounter's checklist. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { encounterItemIds } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import type { HandlerContext } from './support/context';
import { requireOpenEncounter, requireTemplate } from './support/lookups';

export function checklistHandlers(ctx: HandlerContext): Pick<Handlers, 'checklist.setItem'> {
  // The items depend only on the template version and the plan, which never change for an
  // encounter: built once per combination, not on every click.
  const itemSets = new Map<string, Set<string>>();
  const itemIdsOf = (template: Template, plan: Parameters<typeof encounterItemIds>[1]) => {
    const key = `${template.id}@${template.version}|${plan.sedationPlanned}|${plan.laterality}|${plan.imagingModality}`;
    let ids = itemSets.get(key);
    if (!ids) itemSets.set(key, (ids = encounterItemIds(template, plan)));
    return ids;
  };
  return {
    'checklist.setItem': ({ encounterId, itemId, status, reason }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      const plan = { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality };
      if (!itemIdsOf(template, plan).has(itemId)) {
        throw new CommandError('NOT_FOUND', `Item "${itemId}" is not on the checklist of ${template.name} v${template.version}.`);
      }
      const state = { itemId, status, reason: reason ?? null, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.checklist.set(encounterId, state);
      return state;
    },
  };
}
