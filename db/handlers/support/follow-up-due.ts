/**
 * Who is due for follow-up in a week. Two sources, each said on its row: a
 * contact someone planned (followUp.schedule), and, where the clinic has set
 * its usual interval (settings.followUpAfterDays), a procedure done that many
 * days before with no follow-up and no plan. The library states no follow-up
 * interval for any procedure, so none is assumed: without the setting only
 * planned contacts are listed. Planned contacts stay listed, as overdue, until
 * a follow-up is recorded or the plan is voided; interval rows show for
 * their own week only.
 */
import type { Handlers } from '#shared/contract/dispatcher';
import type { DueRow } from '#shared/contract/follow-up-plan';
import { clinicDate } from '#shared/domain/outcome-text';
import { addDays, daysBetween, weekOf } from '#shared/domain/follow-up-due';
import type { FollowUpPlanRepository } from '../../repositories/follow-up-plans';
import type { HandlerContext } from './context';
import { requireTemplate } from './lookups';

export function dueHandler(ctx: HandlerContext, plans: FollowUpPlanRepository): Pick<Handlers, 'followUp.due'> {
  return {
    'followUp.due': ({ weekOf: day }) => {
      const settings = ctx.settings.get();
      const today = clinicDate(ctx.now(), settings.timeZone);
      const week = weekOf(day ?? today);
      const interval = settings.followUpAfterDays;
      const row = (encounterId: string, dueDate: string, plan: DueRow['plan']): DueRow | null => {
        const encounter = ctx.encounters.get(encounterId);
        const patient = encounter && ctx.patients.get(encounter.patientId);
        if (!encounter || !patient || encounter.state === 'cancelled') return null;
        return {
          encounter, patient, templateName: requireTemplate(ctx, encounter.templateId, encounter.templateVersion).name,
          procedureDate: encounter.plannedDate, daysSince: daysBetween(encounter.plannedDate, today),
          dueDate, source: plan ? 'planned' : 'clinic-interval', plan, overdue: dueDate < today,
        };
      };
      const planned = plans.openDueBy(week.end).map((p) => row(p.encounterId, p.dueDate, p));
      const byInterval = interval === null ? [] : plans
        .unplannedBetween(addDays(week.start, -interval), addDays(week.end, -interval))
        .map((u) => row(u.encounterId, addDays(u.plannedDate, interval), null));
      const rows = [...planned, ...byInterval]
        .filter((r): r is DueRow => r !== null)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.patient.familyName.localeCompare(b.patient.familyName));
      return { today, weekStart: week.start, weekEnd: week.end, followUpAfterDays: interval, rows };
    },
  };
}
