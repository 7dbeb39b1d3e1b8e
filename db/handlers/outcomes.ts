/**
 * One patient's procedures with their follow-ups and pain
 * diaries, each result judged against the relief thresholds of the template
 * version the encounter used (with that fact's own sources, evidence tag and
 * any reviewer's acceptance), and the pain-score timeline across procedures.
 */
import type { Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import { CommandError } from '#shared/contract/errors';
import type { PainDiary, ProcedureOutcomes, ReliefThreshold } from '#shared/contract/follow-up';
import { expectsDiary, thresholdsFor } from '#shared/clinical/relief-thresholds';
import { diaryMeets, judgeDiary, judgeFollowUp, painTimeline } from '#shared/domain/outcomes';
import { findSource } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { factNeedsReview } from '#shared/library/evidence-state';
import { createFollowUpPlanRepository } from '../repositories/follow-up-plans';
import { createFollowUpRepository, type FollowUpRepository } from '../repositories/follow-ups';
import type { HandlerContext } from './support/context';
import { OUTCOME_STATES } from './follow-up';
import { requireTemplate } from './support/lookups';

function thresholdsOf(ctx: HandlerContext, template: Template): ReliefThreshold[] {
  const reviews = ctx.reviews.list(template.id, template.version);
  return thresholdsFor(template).map(({ row, fact }) => {
    const needsReview = factNeedsReview({ sources: fact.sources, templateId: template.id, factId: fact.id });
    // An accepted secondary-source threshold still shows as secondary here (the acceptance is the library's and the bedside's).
    const review = needsReview ? reviews.find((r) => r.factId === fact.id) : undefined;
    return {
      factId: fact.id,
      purpose: row.purpose,
      label: row.label,
      percent: row.percent,
      alternative: row.alternative,
      appliesTo: row.appliesTo,
      blocksRequired: row.blocksRequired,
      minDuration: row.minDuration,
      factText: fact.text,
      sources: fact.sources.map((s) => ({ ...s, citation: findSource(s.sourceId)?.citation ?? s.sourceId })),
      needsReview: needsReview && !review,
      reviewedBy: review ? { name: review.acceptedBy.name, at: review.acceptedAt } : null,
    };
  });
}

/** The pain before the procedure: the latest pre-procedure vitals score, else the diary's baseline. */
function baselineOf(ctx: HandlerContext, encounter: Encounter, diaries: readonly PainDiary[]): ProcedureOutcomes['baseline'] {
  const vitals = ctx.workflow
    .records(encounter.id)
    .filter((r) => !r.voided && r.entry.kind === 'vitals' && r.entry.data.phase === 'pre-procedure' && r.entry.data.painScore !== null)
    .at(-1);
  if (vitals?.entry.kind === 'vitals' && vitals.entry.data.painScore !== null) {
    return { score: vitals.entry.data.painScore, source: 'pre-procedure vitals', at: vitals.at };
  }
  const diary = diaries.find((d) => !d.voided);
  return diary ? { score: diary.baseline, source: 'pain diary', at: diary.blockAt } : null;
}

export function outcomeHandlers(ctx: HandlerContext, repo: FollowUpRepository = createFollowUpRepository(ctx.db)): Pick<Handlers, 'outcomes.forPatient'> {
  const plans = createFollowUpPlanRepository(ctx.db);
  return {
    'outcomes.forPatient': ({ patientId }) => {
      const patient = ctx.patients.get(patientId);
      if (!patient) throw new CommandError('NOT_FOUND', `No patient with id ${patientId}.`);
      const loaded = repo
        .encounterIdsOfPatient(patientId)
        .map((id) => ctx.encounters.get(id)!)
        .filter((e) => e.state !== 'cancelled')
        .map((encounter) => {
          const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
          return { encounter, template, followUps: repo.followUps(encounter.id), diaries: repo.diaries(encounter.id), thresholds: thresholdsOf(ctx, template) };
        });
      // Rules that ask for two blocks count this patient's qualifying diaries for the same procedure, up to each one.
      const allDiaries = loaded.flatMap((p) => p.diaries.filter((d) => !d.voided).map((d) => ({ templateId: p.encounter.templateId, diary: d })));
      const procedures = loaded.map(({ encounter, template, followUps, diaries, thresholds }): ProcedureOutcomes => ({
        encounter,
        templateName: template.name,
        baseline: baselineOf(ctx, encounter, diaries),
        canRecord: OUTCOME_STATES.has(encounter.state),
        diaryExpected: expectsDiary(template),
        followUps,
        plans: plans.ofEncounter(encounter.id),
        diaries,
        thresholds,
        diaryResults: diaries
          .filter((d) => !d.voided)
          .map((d) =>
            judgeDiary(d, thresholds, (t) =>
              allDiaries.filter((x) => x.templateId === encounter.templateId && x.diary.blockAt <= d.blockAt && diaryMeets(x.diary, t.percent)).length,
            ),
          ),
        followUpVerdicts: followUps.filter((f) => !f.voided).map((f) => ({ followUpId: f.id, verdicts: judgeFollowUp(f, thresholds) })),
      }));
      const timeline = painTimeline(
        procedures.map((p) => ({
          encounterId: p.encounter.id,
          procedure: `${p.templateName} (${p.encounter.plannedDate})`,
          baseline: p.baseline,
          followUps: p.followUps,
        })),
      );
      return { patient, procedures, timeline };
    },
  };
}
