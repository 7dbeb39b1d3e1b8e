/** checklist.setItem, consent.save */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { encounterItemIds } from '#shared/domain/encounter-workflow';
import type { HandlerContext } from './context';
import { requireOpenEncounter, requireTemplate } from './lookups';

export function checklistHandlers(ctx: HandlerContext): Pick<Handlers, 'checklist.setItem' | 'consent.save'> {
  return {
    'checklist.setItem': ({ encounterId, itemId, status, reason }, { caller }) => {
      const encounter = requireOpenEncounter(ctx, encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      const plan = { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality };
      if (!encounterItemIds(template, plan).has(itemId)) {
        throw new CommandError('NOT_FOUND', `Item "${itemId}" is not on the checklist of ${template.name} v${template.version}.`);
      }
      const state = { itemId, status, reason: reason ?? null, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.checklist.set(encounterId, state);
      return state;
    },
    'consent.save': ({ encounterId, ...content }, { caller }) => {
      requireOpenEncounter(ctx, encounterId);
      // The signed note is the record of this discussion; a correction is an addendum to it.
      if (ctx.signedNotes.isSigned(encounterId)) {
        throw new CommandError('CONFLICT', 'The consent-discussion note is signed, so the discussion can no longer change. Add an addendum to the note instead.');
      }
      const consent = { ...content, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.consent.save(encounterId, consent);
      return consent;
    },
  };
}
