/**
 * What happened after the procedure. Follow-ups come after discharge, so unlike the procedure-day
 * records they are accepted on a discharged (closed) encounter; they need the
 * procedure to have been done, so a scheduled or cancelled one refuses them.
 * Who recorded each comes from the session, never from the input.
 */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import { CommandError } from '#shared/contract/errors';
import { expectsDiary } from '#shared/clinical/relief-thresholds';
import { wallTimeOf } from '#shared/domain/zoned-time';
import type { EncounterState } from '#shared/workflow/states';
import { createFollowUpRepository, type FollowUpRepository, type RecordedBy } from '../repositories/follow-ups';
import type { HandlerContext } from './support/context';
import { requireEncounter, requireTemplate } from './support/lookups';

type FollowUpMethods = 'followUp.add' | 'followUp.addDiary' | 'followUp.voidRecord';

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

const recordedBy = (caller: Caller): RecordedBy => ({ actor: caller.actor, userId: caller.userId });

/** The repository is made here, not in HandlerContext, so wiring these into the composition root takes one line. */
export function followUpHandlers(ctx: HandlerContext, repo: FollowUpRepository = createFollowUpRepository(ctx.db)): Pick<Handlers, FollowUpMethods> {
  return {
    'followUp.add': (input, { caller }) => {
      const encounter = requireProcedureDone(ctx, input.encounterId);
      checkWhen(ctx, 'followUp.add', 'seenAt', input.seenAt, encounter);
      if (input.reliefOngoing && !input.reliefDuration) {
        throw invalid('followUp.add', 'reliefDuration', 'say how long the relief has lasted so far');
      }
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
      const existing = kind === 'follow-up' ? repo.followUps(encounterId).find((f) => f.id === id) : repo.diaries(encounterId).find((d) => d.id === id);
      if (!existing) throw new CommandError('NOT_FOUND', `No ${kind} ${id} on this encounter.`);
      if (existing.voided) throw new CommandError('CONFLICT', `This ${kind} was already voided.`);
      repo.voidRecord(kind, id, reason, ctx.now(), recordedBy(caller));
      const after = kind === 'follow-up' ? repo.followUps(encounterId).find((f) => f.id === id)! : repo.diaries(encounterId).find((d) => d.id === id)!;
      return { kind, id, voided: after.voided! };
    },
  };
}
