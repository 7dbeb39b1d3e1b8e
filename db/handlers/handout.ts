/** The patient handout: built from the encounter and the library, rendered to PDF in the core. */
import type { Handlers } from '#shared/contract/dispatcher';
import { buildHandout } from '#shared/note/handout';
import type { Wording } from '#shared/note/handout-text';
import { dischargeLines } from '#shared/workflow/discharge-lines';
import { recoveryStartedAt } from '#shared/workflow/observation';
import { renderHandoutPdf } from '../export/handout-pdf';
import { createFollowUpPlanRepository } from '../repositories/follow-up-plans';
import type { HandlerContext } from './support/context';
import { requireTemplate } from './support/lookups';
import { noteComposer } from './support/note-composition';

/**
 * Until the translation lookup (`patientWording`) is wired in at merge: English as the library
 * holds it, and for any other language each line in English marked "not yet translated".
 */
export const englishOnly: Wording = (e, lang) => (/^en(?:-|$)/.test(lang) ? { text: e, lang, state: 'source' } : { text: e, lang: 'en', state: 'not-translated' });

export function handoutHandlers(ctx: HandlerContext, wording: Wording = englishOnly): Pick<Handlers, 'handout.pdf'> {
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
