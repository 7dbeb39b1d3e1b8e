/**
 * coverage.readiness: gathers what the payer rules read (the encounter's
 * procedure, the patient's latest intake, their earlier procedures with the
 * outcome each had) and judges it with the pure evaluator, by the patient's payer's rules.
 */
import type { Handlers } from '#shared/contract/dispatcher';
import type { Encounter } from '#shared/contract/encounter';
import { PAYER_LABELS } from '#shared/contract/patient';
import type { FollowUp, PainDiary } from '#shared/contract/follow-up';
import { familyOfTemplate } from '#shared/clinical/payer-rules';
import type { EarlierOutcome, EarlierProcedure } from '#shared/domain/coverage-input';
import { coverageReadiness } from '#shared/domain/coverage-readiness';
import { documentationSummary } from '#shared/domain/coverage-summary';
import { diaryPoints, durationInDays, peakRelief, shownPercent } from '#shared/domain/outcomes';
import { findSource } from '#shared/library/index';
import { createFollowUpRepository, type FollowUpRepository } from '../repositories/follow-ups';
import type { HandlerContext } from './support/context';
import { OUTCOME_STATES } from './follow-up';
import { requireEncounter, requireTemplate } from './support/lookups';

/** A diagnostic block's relief: the peak of its latest diary (as the outcomes screen shows it, rounded down). */
function blockOutcome(diaries: readonly PainDiary[]): EarlierOutcome | null {
  const diary = diaries.filter((d) => !d.voided).at(-1);
  const peak = diary ? peakRelief(diaryPoints(diary)) : null;
  return peak ? { percentRelief: shownPercent(peak.relief), reliefWeeks: null } : null;
}

/** A treatment's relief: the latest follow-up that recorded one, with how long it lasted. */
function followUpOutcome(followUps: readonly FollowUp[]): EarlierOutcome | null {
  const f = followUps.filter((x) => !x.voided && x.percentRelief !== null).at(-1);
  if (!f) return null;
  return { percentRelief: f.percentRelief, reliefWeeks: f.reliefDuration ? durationInDays(f.reliefDuration) / 7 : null, ongoing: f.reliefOngoing };
}

/** The patient's procedures done before this one (cancelled and not yet done ones left out). */
function earlierOf(ctx: HandlerContext, repo: FollowUpRepository, encounter: Encounter): EarlierProcedure[] {
  return repo
    .encounterIdsOfPatient(encounter.patientId)
    .filter((id) => id !== encounter.id)
    .map((id) => ctx.encounters.get(id)!)
    .filter((e) => OUTCOME_STATES.has(e.state) && e.plannedDate <= encounter.plannedDate)
    .map((e) => ({
      templateId: e.templateId,
      date: e.plannedDate,
      levels: e.levels,
      from: 'clinic' as const,
      label: requireTemplate(ctx, e.templateId, e.templateVersion).name,
      outcome: familyOfTemplate(e.templateId) === 'mbb' ? blockOutcome(repo.diaries(e.id)) : followUpOutcome(repo.followUps(e.id)),
    }));
}

export function coverageHandlers(ctx: HandlerContext, repo: FollowUpRepository = createFollowUpRepository(ctx.db)): Pick<Handlers, 'coverage.readiness'> {
  return {
    'coverage.readiness': ({ encounterId }) => {
      const encounter = requireEncounter(ctx, encounterId);
      const template = requireTemplate(ctx, encounter.templateId, encounter.templateVersion);
      // The patient's latest intake (issue 20 point 1); the coverage rules read part of it.
      const intake = ctx.intakes.latest(encounter.patientId)?.intake ?? null;
      const now = encounter.plannedDate;
      // The patient's payer, where recorded; Medicare's rules otherwise, and the answer says they were not chosen.
      const recorded = ctx.patients.get(encounter.patientId)?.payer ?? null;
      const payer = recorded ?? 'medicare';
      const sets = coverageReadiness({
        procedure: { templateId: encounter.templateId, levels: encounter.levels },
        intake,
        earlier: earlierOf(ctx, repo, encounter),
        now,
      }, payer);
      return {
        encounterId,
        templateName: template.name,
        payer: { id: payer, label: PAYER_LABELS[payer], recorded: recorded !== null },
        hasIntake: intake !== null,
        sets: sets.map((s) => ({
          ...s,
          results: s.results.map((r) => ({ ...r, sources: r.sources.map((src) => ({ ...src, citation: findSource(src.sourceId)?.citation ?? src.sourceId })) })),
        })),
        summary: documentationSummary(intake, sets, now),
      };
    },
  };
}
