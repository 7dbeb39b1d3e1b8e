/** checklist.setItem, consent.save */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { checklistItemIds } from '#shared/domain/checklist';
import type { HandlerContext } from './context';
import { requireEncounter, requireTemplate } from './lookups';

export function checklistHandlers(ctx: HandlerContext): Pick<Handlers, 'checklist.setItem' | 'consent.save'> {
  return {
    'checklist.setItem': ({ encounterId, itemId, status, reason }, { caller }) => {
      const encounter = requireEncounter(ctx, encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      if (!checklistItemIds(template).has(itemId)) {
        throw new CommandError('NOT_FOUND', `Item "${itemId}" is not on the checklist of ${template.name} v${template.version}.`);
      }
      const state = { itemId, status, reason: reason ?? null, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.checklist.set(encounterId, state);
      return state;
    },
    'consent.save': ({ encounterId, ...content }, { caller }) => {
      requireEncounter(ctx, encounterId);
      const consent = { ...content, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.consent.save(encounterId, consent);
      return consent;
    },
  };
}
