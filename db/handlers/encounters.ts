/** Opening an encounter for a patient and reading encounters back. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { progress } from '#shared/domain/checklist';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { validateEncounterPlan } from '#shared/domain/encounter-rules';
import type { ItemStatus } from '#shared/contract/checklist';
import type { Actor } from '#shared/contract/common';
import type { HandlerContext } from './context';
import { requireEncounter, requireTemplate } from './lookups';

export function encounterHandlers(ctx: HandlerContext): Pick<Handlers, 'encounter.create' | 'encounter.list' | 'encounter.get'> {
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
      };
      ctx.encounters.insert(encounter);
      return encounter;
    },
    'encounter.list': (filter) => {
      const itemsByTemplate = new Map<string, { id: string }[]>();
      return ctx.encounters.list(filter).map((row) => {
        const { templateId, templateVersion, sedationPlanned, laterality, imagingModality } = row.encounter;
        // The items depend on the plan too (sedation, side, imaging), not only on the template version.
        const key = `${templateId}@${templateVersion}|${sedationPlanned}|${laterality}|${imagingModality}`;
        let items = itemsByTemplate.get(key);
        const template = requireTemplate(ctx, row.encounter.templateId, row.encounter.templateVersion);
        if (!items) {
          items = encounterItems(template, { sedationPlanned: row.encounter.sedationPlanned, laterality: row.encounter.laterality, imagingModality: row.encounter.imagingModality }).phaseItems;
          itemsByTemplate.set(key, items);
        }
        return {
          encounter: row.encounter,
          patient: row.patient,
          templateName: template.name,
          progress: progress(items, row.resolvedItemIds),
          decision: row.decision as 'consents' | 'declines' | 'defers' | null,
        };
      });
    },
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
      };
    },
  };
}
