/** note.export and system.info */
import type { Handlers } from '#shared/contract/dispatcher';
import { sourcesCitedBy } from '#shared/library/index';
import { buildNoteContent } from '#shared/note/content';
import { renderNoteText } from '#shared/note/text';
import { renderNotePdf } from '../export/pdf';
import { sha256 } from '../repositories/templates';
import type { HandlerContext } from './context';
import { requireTemplate } from './lookups';
import { encounterHandlers } from './encounters';

export function noteHandlers(ctx: HandlerContext): Pick<Handlers, 'note.export' | 'system.info'> {
  const getEncounter = encounterHandlers(ctx)['encounter.get'];
  return {
    'note.export': async ({ encounterId }, call) => {
      const actor = call.caller.actor;
      const detail = await getEncounter({ encounterId }, call);
      const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
      const generatedAt = ctx.now();
      const reviewedFactIds = new Set(ctx.reviews.list(template.id, template.version).map((r) => r.factId));
      const note = buildNoteContent({ detail, template, sources: sourcesCitedBy(template), reviewedFactIds, exportedBy: actor, generatedAt });
      const text = renderNoteText(note);
      const pdf = await renderNotePdf(note, { generatedAt, subject: `${template.name}, encounter ${encounterId}` });
      const pdfSha256 = sha256(pdf);
      ctx.exports.record(encounterId, pdfSha256, sha256(text), generatedAt, actor);
      const safeMrn = detail.patient.mrn.replace(/[^A-Za-z0-9-]/g, '');
      return {
        fileBaseName: `consent-note_${safeMrn}_${detail.encounter.plannedDate}`,
        text,
        pdfBase64: pdf.toString('base64'),
        pdfSha256,
        generatedAt,
      };
    },
    'system.info': () => ({ appVersion: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
  };
}
