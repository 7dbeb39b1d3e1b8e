/**
 * What happened after the procedure. Follow-ups come after discharge, so unlike the procedure-day
 * records they are accepted on a discharged (closed) encounter; they need the
 * procedure to have been done, so a scheduled or cancelled one refuses them.
 * Who recorded each comes from the session, never from the input.
 */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import type { ReliefDuration } from '#shared/contract/follow-up';
import { CommandError } from '#shared/contract/errors';
import { expectsDiary } from '#shared/clinical/relief-thresholds';
import { durationInDays, formatDuration } from '#shared/domain/outcomes';
import { clinicDate } from '#shared/domain/outcome-text';
import { elapsedWords, reliefFits } from '#shared/domain/follow-up-due';
import { instantOfWallTime, wallTimeOf } from '#shared/domain/zoned-time';
import type { EncounterState } from '#shared/workflow/states';
import { createFollowUpPlanRepository, type FollowUpPlanRepository } from '../repositories/follow-up-plans';
import { createFollowUpRepository, type FollowUpRepository, type RecordedBy } from '../repositories/follow-ups';
import { dueHandler } from './support/follow-up-due';
import type { HandlerContext } from './support/context';
import { requireEncounter, requireTemplate } from './support/lookups';

type FollowUpMethods = 'followUp.add' | 'followUp.addDiary' | 'followUp.schedule' | 'followUp.due' | 'followUp.voidRecord';

/** States in which the procedure has been done, so its outcome can be recorded. */
export const OUTCOME_STATES: ReadonlySet<EncounterState> = new Set(['procedure', 'recovery', 'discharged']);

/** A clock a few minutes fast on the recording computer is not a future visit. */
const CLOCK_SLACK_MS = 5 * 60_000;

const invalid = (method: string, path: string, message: string) =>
  new CommandError('INVALID_INPUT', `${method}: ${path}: ${message}`, [{ path, message }]);

function requireProcedureDone(ctx: HandlerContext, encounterId: string): Encounter {
  const encounter = requireEncounter(ctx, encounterId);
  if (!OUTCOME_STATES.has(encounter.state)) {
    throw new CommandError('CONFLICT', `This encounter is ${encounter.state}: follow-ups and pain diaries are recorded once the procedure has been done.`);
  }
  return encounter;
}

/** An instant must be in the past and not before the procedure's planned date (in the clinic's time zone). */
function checkWhen(ctx: HandlerContext, method: string, path: string, iso: string, encounter: Encounter): void {
  const ms = Date.parse(iso);
  if (ms > Date.parse(ctx.now()) + CLOCK_SLACK_MS) throw invalid(method, path, 'is in the future');
  const w = wallTimeOf(ms, ctx.settings.get().timeZone);
  const localDate = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  if (localDate < encounter.plannedDate) throw invalid(method, path, `is before the procedure (${encounter.plannedDate})`);
}

/**
 * When the procedure began: its move into the procedure state when that was on its planned day
 * (the clinic's calendar), else the start of that day, which can only lengthen the time allowed.
 */
function procedureStart(ctx: HandlerContext, encounter: Encounter): number {
  const timeZone = ctx.settings.get().timeZone;
  const [year, month, day] = encounter.plannedDate.split('-').map(Number) as [number, number, number];
  const dayStart = instantOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  const into = ctx.workflow.transitions(encounter.id).find((t) => t.to === 'procedure');
  return into && clinicDate(into.at, timeZone) === encounter.plannedDate ? Date.parse(into.at) : dayStart;
}

/** Relief cannot have lasted longer than the time from the procedure to the follow-up. */
function checkReliefDuration(ctx: HandlerContext, encounter: Encounter, input: { seenAt: string; reliefDuration: ReliefDuration | null }): void {
  const d = input.reliefDuration;
  if (!d) return;
  const hours = (Date.parse(input.seenAt) - procedureStart(ctx, encounter)) / 3_600_000;
  if (!reliefFits(d, hours)) {
    const since = hours <= 0 ? 'this follow-up is not after the procedure began' : `only ${elapsedWords(hours)} had passed since the procedure at this follow-up`;
    throw invalid('followUp.add', 'reliefDuration', `${formatDuration(d)} is longer than the time since the procedure: ${since}${durationInDays(d) >= 1 && hours < 24 ? '; relief on the day itself is counted in hours' : ''}`);
  }
}

const recordedBy = (caller: Caller): RecordedBy => ({ actor: caller.actor, userId: caller.userId });

/** The repository is made here, not in HandlerContext, so wiring these into the composition root takes one line. */
export function followUpHandlers(
  ctx: HandlerContext,
  repo: FollowUpRepository = createFollowUpRepository(ctx.db),
  plans: FollowUpPlanRepository = createFollowUpPlanRepository(ctx.db),
): Pick<Handlers, FollowUpMethods> {
  return {
    'followUp.due': dueHandler(ctx, plans)['followUp.due'],

    'followUp.schedule': (input, { caller }) => {
      const encounter = requireProcedureDone(ctx, input.encounterId);
      // A plan may be in the future (that is its point), but not before the procedure.
      if (input.dueDate < encounter.plannedDate) throw invalid('followUp.schedule', 'dueDate', `is before the procedure (${encounter.plannedDate})`);
      const id = ctx.newId();
      plans.add({ id, encounterId: encounter.id, dueDate: input.dueDate, how: input.how, notes: input.notes, at: ctx.now() }, recordedBy(caller));
      return plans.ofEncounter(encounter.id).find((p) => p.id === id)!;
    },

    'followUp.add': (input, { caller }) => {
      const encounter = requireProcedureDone(ctx, input.encounterId);
      checkWhen(ctx, 'followUp.add', 'seenAt', input.seenAt, encounter);
      if (input.reliefOngoing && !input.reliefDuration) {
        throw invalid('followUp.add', 'reliefDuration', 'say how long the relief has lasted so far');
      }
      checkReliefDuration(ctx, encounter, input);
      const id = ctx.newId();
      repo.addFollowUp(id, encounter.id, input, ctx.now(), recordedBy(caller));
      return repo.followUps(encounter.id).find((f) => f.id === id)!;
    },

    'followUp.addDiary': (input, { caller }) => {
      const encounter = requireProcedureDone(ctx, input.encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      if (!expectsDiary(template)) {
        throw new CommandError('CONFLICT', `${template.name}: its follow-up asks for no pain diary (diaries are for diagnostic blocks).`);
      }
      checkWhen(ctx, 'followUp.addDiary', 'blockAt', input.blockAt, encounter);
      const now = Date.parse(ctx.now()) + CLOCK_SLACK_MS;
      input.entries.forEach((e, i) => {
        if (Date.parse(input.blockAt) + e.hours * 3_600_000 > now) throw invalid('followUp.addDiary', `entries.${i}.hours`, `${e.hours} h after the block has not come yet`);
      });
      if (repo.diaries(encounter.id).some((d) => !d.voided)) {
        throw new CommandError('CONFLICT', 'This encounter already has a pain diary; void it (with the reason) before entering another.');
      }
      const id = ctx.newId();
      repo.addDiary(id, encounter.id, input, ctx.now(), recordedBy(caller));
      return repo.diaries(encounter.id).find((d) => d.id === id)!;
    },

    'followUp.voidRecord': ({ encounterId, kind, id, reason }, { caller }) => {
      requireEncounter(ctx, encounterId);
      const find = () => (kind === 'follow-up' ? repo.followUps(encounterId) : kind === 'diary' ? repo.diaries(encounterId) : plans.ofEncounter(encounterId)).find((x) => x.id === id);
      const existing = find();
      const what = kind === 'plan' ? 'planned contact' : kind;
      if (!existing) throw new CommandError('NOT_FOUND', `No ${what} ${id} on this encounter.`);
      if (existing.voided) throw new CommandError('CONFLICT', `This ${what} was already voided.`);
      if (kind === 'plan') plans.voidPlan(id, reason, ctx.now(), recordedBy(caller));
      else repo.voidRecord(kind, id, reason, ctx.now(), recordedBy(caller));
      return { kind, id, voided: find()!.voided! };
    },
  };
}
