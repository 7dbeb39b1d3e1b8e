/** Checking, un-checking or marking not applicable the items of an encounter's checklist, one or a group at a time. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { encounterItemIds, encounterItems } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import { WORK_PHASES, type EncounterState } from '#shared/workflow/states';
import type { HandlerContext } from './support/context';
import { requireOpenEncounter, requireTemplate } from './support/lookups';

type Plan = Parameters<typeof encounterItemIds>[1];

/** How far along the work phases a state is: a scheduled encounter works its pre-procedure items. */
function phaseIndex(state: EncounterState): number {
  return Math.max(0, (WORK_PHASES as readonly string[]).indexOf(state));
}

export function checklistHandlers(ctx: HandlerContext): Pick<Handlers, 'checklist.setItem' | 'checklist.setItems'> {
  // The items depend only on the template version and the plan, which never change for an
  // encounter: built once per combination, not on every click.
  const itemSets = new Map<string, Set<string>>();
  const shownSets = new Map<string, Map<string, number>>();
  const keyOf = (template: Template, plan: Plan) => `${template.id}@${template.version}|${plan.sedationPlanned}|${plan.laterality}|${plan.imagingModality}`;
  const itemIdsOf = (template: Template, plan: Plan) => {
    const key = keyOf(template, plan);
    let ids = itemSets.get(key);
    if (!ids) itemSets.set(key, (ids = encounterItemIds(template, plan)));
    return ids;
  };
  /** The items shown for the plan, each with the index of the phase in which it can be done. */
  const shownPhasesOf = (template: Template, plan: Plan) => {
    const key = keyOf(template, plan);
    let phases = shownSets.get(key);
    if (!phases) shownSets.set(key, (phases = new Map(encounterItems(template, plan).phaseItems.map((i) => [i.id, phaseIndex(i.phase)]))));
    return phases;
  };
  const lookUp = (encounterId: string) => {
    const encounter = requireOpenEncounter(ctx, encounterId);
    const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
    const plan = { sedationPlanned: encounter.sedationPlanned, laterality: encounter.laterality, imagingModality: encounter.imagingModality };
    return { encounter, template, plan };
  };
  return {
    'checklist.setItem': ({ encounterId, itemId, status, reason }, { caller }) => {
      const { template, plan } = lookUp(encounterId);
      if (!itemIdsOf(template, plan).has(itemId)) {
        throw new CommandError('NOT_FOUND', `Item "${itemId}" is not on the checklist of ${template.name} v${template.version}.`);
      }
      const state = { itemId, status, reason: reason ?? null, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.checklist.set(encounterId, state);
      return state;
    },

    // A group confirmation checks only what the nurse can see and do now: every item is
    // checked before anything is written, and one refusal refuses the whole group.
    'checklist.setItems': ({ encounterId, itemIds, status }, { caller }) => {
      const { encounter, template, plan } = lookUp(encounterId);
      const known = itemIdsOf(template, plan);
      const shown = shownPhasesOf(template, plan);
      const now = phaseIndex(encounter.state);
      for (const itemId of itemIds) {
        if (!known.has(itemId)) {
          throw new CommandError('NOT_FOUND', `Item "${itemId}" is not on the checklist of ${template.name} v${template.version}; nothing was confirmed.`);
        }
        const phase = shown.get(itemId);
        if (phase === undefined) {
          throw new CommandError('CONFLICT', `Item "${itemId}" does not apply to this encounter's plan; nothing was confirmed.`);
        }
        if (phase > now) {
          throw new CommandError('CONFLICT', `Item "${itemId}" belongs to the ${WORK_PHASES[phase]} phase and cannot be confirmed in ${encounter.state}; nothing was confirmed.`);
        }
      }
      const at = ctx.now();
      const states = itemIds.map((itemId) => ({ itemId, status, reason: null, updatedAt: at, updatedBy: caller.actor }));
      ctx.checklist.setMany(encounterId, states);
      return states;
    },
  };
}
