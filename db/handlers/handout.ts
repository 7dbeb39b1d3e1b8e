/** The patient handout: built from the encounter and the library, rendered to PDF in the core. */
import type { Handlers } from '#shared/contract/dispatcher';
import { patientWording } from '#shared/library/translations';
import { buildHandout } from '#shared/note/handout';
import type { Wording } from '#shared/note/handout-text';
import { dischargeLines } from '#shared/workflow/discharge-lines';
import { recoveryStartedAt } from '#shared/workflow/observation';
import { renderHandoutPdf } from '../export/handout-pdf';
import { createFollowUpPlanRepository } from '../repositories/follow-up-plans';
import type { HandlerContext } from './support/context';
import { requireTemplate } from './support/lookups';
import { noteComposer } from './support/note-composition';

/** `wording` is the library's translation lookup; a test may pass its own. */
export function handoutHandlers(ctx: HandlerContext, wording: Wording = patientWording): Pick<Handlers, 'handout.pdf'> {
  const { detailOf } = noteComposer(ctx);
  const plans = createFollowUpPlanRepository(ctx.db);
  return {
    'handout.pdf': async ({ encounterId, lang }, { caller }) => {
      const detail = detailOf(encounterId, caller);
      const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
      const settings = ctx.settings.get();
      const generatedAt = ctx.now();
      const handout = buildHandout({
        template, lang, generatedAt, timeZone: settings.timeZone,
        reviewedFactIds: new Set(ctx.reviews.list(template.id, template.version).map((r) => r.factId)),
        patient: detail.patient,
        imagingModality: detail.encounter.imagingModality,
        discharge: dischargeLines(template, detail, settings, generatedAt, lang),
        procedureEnded: recoveryStartedAt(detail.transitions) !== null,
        followUpPlans: plans.ofEncounter(encounterId),
      }, wording);
      const pdf = await renderHandoutPdf(handout, { generatedAt, subject: `${template.name}, patient handout (${lang})` });
      const safeMrn = detail.patient.mrn.replace(/[^A-Za-z0-9-]/g, '');
      return {
        fileBaseName: `patient-handout_${safeMrn}_${detail.encounter.plannedDate}_${lang}`,
        lang,
        pdfBase64: pdf.toString('base64'),
        generatedAt,
      };
    },
  };
}
