/**
 * One signed note to the outbox: PDF, plain text, FHIR R4 transaction Bundle
 * (the PDF inside a DocumentReference) and HL7 v2.5.1 MDM (the PDF in OBX-5),
 * the same PDF bytes in all three. The export is recorded before its files
 * become visible: each file is written and fsynced under a hidden .partial name,
 * the export and its audit entry are committed in one transaction, and only then
 * are the files renamed into place. So a crash never leaves a document in the
 * outbox that the record does not know (which made the next export fork the
 * replacement chain: two T10s naming the same parent); start-up finishes a
 * recorded export's renames and removes every other .partial (reconcile.ts).
 *
 * The first export of a note is MDM^T02 with a new document id; each later
 * one (after an addendum) replaces the latest: FHIR `relatesTo: replaces` with
 * the earlier document set to superseded, and MDM^T10 with TXA-13 naming the
 * parent. A note already exported as it stands is not sent again: the answer
 * says it was already sent unchanged, and nothing is written or queued.
 */
import { createHash } from 'node:crypto';
import type { Caller } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { OutboxExport, OutboxFile, OutboxFormat } from '#shared/contract/note';
import { buildFhirDocumentBundle } from '#shared/interop/fhir-bundle';
import { buildMdmT02 } from '#shared/interop/hl7-mdm';
import { documentNumberOf, messageControlIdOf } from '#shared/interop/document-number';
import { renderNoteText } from '#shared/note/text';
import type { AuditLog } from '../audit';
import type { HandlerContext } from '../handlers/support/context';
import { noteComposer } from '../handlers/support/note-composition';
import { sha256 } from '../repositories/templates';
import { outboxFolderProblem, publishPartial, removePartial, syncFolder, writePartial } from './atomic-write';
import { renderNotePdf } from './pdf';
import { exportIdentity } from './export-identity';
import { enqueueDocument } from '../delivery/enqueue';
import { outboxBaseName, outboxFileMode, pdfReferenceBase, sentUnchanged } from './outbox-names';

export type ExportOne = (encounterId: string, caller: Caller, batchId: string | null) => Promise<OutboxExport>;

/** Renames a just-recorded export's files into place and syncs the folder. */
function publishExport(folder: string, record: OutboxExport): void {
  try {
    for (const { file } of record.files) publishPartial(folder, file, record.documentId);
    syncFolder(folder);
  } catch (error) {
    throw new CommandError(
      'STORAGE_FAILED',
      `The export was recorded, but its files could not be put in place in the outbox (${error instanceof Error ? error.message : String(error)}). ProcedureDesk puts them in place when it next starts.`,
    );
  }
}

export function outboxExporter(ctx: HandlerContext, audit: AuditLog): ExportOne {
  const { detailOf, exportable } = noteComposer(ctx);

  return async (encounterId, caller, batchId) => {
    const settings = ctx.settings.get();
    const folder = settings.outboxFolder;
    if (!folder) throw new CommandError('CONFLICT', 'No outbox folder is set. An administrator sets it under Users & settings.');
    const problem = outboxFolderProblem(folder);
    if (problem) throw new CommandError('UNAVAILABLE', `The outbox cannot be used: ${problem}. Nothing was exported.`);

    const detail = detailOf(encounterId, caller);
    const at = ctx.now();
    const { template, content, signed } = exportable(detail, caller, at);
    if (!signed) {
      throw new CommandError('CONFLICT', 'Only a signed note goes to the chart. The physician signs it first; a draft can still be saved as PDF or text.');
    }
    const interop = settings.interop;
    const { mrnSystem, identity } = exportIdentity(interop, signed.note.signedBy, ctx.providerOf);
    const previous = ctx.outboxExports.latest(encounterId);
    if (previous && sentUnchanged(previous, signed.note.id, signed.addenda.length)) {
      throw new CommandError('CONFLICT', `Already sent unchanged: this signed note${signed.addenda.length ? ` with its ${signed.addenda.length === 1 ? 'addendum' : `${signed.addenda.length} addenda`}` : ''} went to the outbox at ${previous.at} as document ${documentNumberOf(previous.documentId)}. Nothing new was sent.`);
    }
    const documentId = ctx.newId();
    const documentNumber = documentNumberOf(documentId);
    const pdf = await renderNotePdf(content, { generatedAt: at, subject: `${template.name}, encounter ${encounterId}` });
    const pdfBase64 = pdf.toString('base64');
    const signature = { by: signed.note.signedBy, at: signed.note.signedAt };
    const embedded = interop.hl7Pdf === 'embedded';

    const base = outboxBaseName(at, ctx.outboxExports.nextSequence(), detail.patient.mrn, detail.encounter.plannedDate, documentNumber);
    const bundle = buildFhirDocumentBundle({
      detail, template, pdfBase64, pdfSha1Base64: createHash('sha1').update(pdf).digest('base64'), generatedAt: at,
      signature: { ...signature, sha256: signed.note.contentSha256, verification: signed.publicNote.verification },
      replaces: previous?.documentId ?? null, documentId,
      settings: { mrnSystem, documentTypeLoinc: interop.documentTypeLoinc, documentCategory: interop.documentCategory },
      identity,
      ids: ctx.newId,
    });
    const addendaBefore = previous?.addendaCount ?? 0;
    const messageControlId = messageControlIdOf(documentId);
    const hl7 = buildMdmT02({
      // TXA-16 the document's own name (at most 30 characters); the outbox files end with it.
      detail, documentNumber, fileName: `${documentNumber}.pdf`, pdfBase64, generatedAt: at, signature,
      // The whole note again with its addenda: a replacement of the earlier document (T10), not an addendum-only T06.
      amendment: previous ? {
        kind: 'replace',
        parentDocumentNumber: documentNumberOf(previous.documentId),
        reason: signed.addenda.length > addendaBefore ? `Addendum ${signed.addenda.length} added` : 'Corrected note',
      } : null,
      settings: {
        ...interop,
        pdf: embedded ? { mode: 'embedded' } : { mode: 'referenced', pointer: `${base}.pdf`, baseUri: pdfReferenceBase(folder, interop.pdfReferenceBaseUri) },
      },
      now: () => at,
      identity: { ...identity, mrnSystem, sendingFacility: interop.sendingFacility, receivingFacility: interop.receivingFacility },
      messageControlId,
    });

    // One segment per line for the file; the message itself has no trailing CR.
    const outputs: [OutboxFormat, string, Buffer | string][] = [
      ['pdf', `${base}.pdf`, pdf],
      ['text', `${base}.txt`, renderNoteText(content)],
      ['fhir', `${base}.fhir.json`, `${JSON.stringify(bundle, null, 2)}\n`],
      ['hl7', `${base}.hl7`, `${hl7}\r`],
    ];
    const files: OutboxFile[] = outputs.map(([format, file, data]) => ({ format, file, sha256: sha256(typeof data === 'string' ? Buffer.from(data, 'utf8') : data) }));
    const record: OutboxExport = {
      id: ctx.newId(), encounterId, documentId, replacesDocumentId: previous?.documentId ?? null, noteId: signed.note.id,
      addendaCount: signed.addenda.length, pdfSha256: sha256(pdf), files, folder, batchId, at, by: caller.actor,
    };
    const discardPartials = () => outputs.forEach(([, file]) => removePartial(folder, file, documentId));
    try {
      for (const [, file, data] of outputs) writePartial(folder, file, data, documentId, outboxFileMode(interop.outboxFileMode));
      syncFolder(folder);
      ctx.db.transaction(() => {
        // Another export of this note finished while this one was being built: replacing the same parent would fork the chain.
        if (ctx.outboxExports.latest(encounterId)?.documentId !== previous?.documentId) {
          throw new CommandError('CONFLICT', 'This note was exported again while this export was being prepared. Nothing was written; export it again if needed.');
        }
        ctx.outboxExports.insert(record, caller.userId);
        // Queued for delivery with the export (db/delivery/): recorded together or not at all.
        for (const r of enqueueDocument(ctx.deliveryQueue, settings, {
          documentId, encounterId, patientId: detail.patient.id, hl7, messageControlId, fhirBundle: JSON.stringify(bundle), at, byName: caller.actor.name,
          unchangedFrom: null, // an unchanged note was refused above (sentUnchanged)
        }, ctx.newId)) if (r.note) ctx.log(`delivery: ${r.note}`);
        audit.append({
          at, user: caller.actor, patientId: detail.patient.id, action: 'note.exportToOutbox',
          target: `encounter:${encounterId}/note:${signed.note.id}/document:${documentId}${previous ? `/replaces:${previous.documentId}` : ''}${batchId ? `/batch:${batchId}` : ''}`,
        });
      }).immediate();
    } catch (error) {
      discardPartials();
      throw error;
    }
    // Recorded before visible: the export and its audit entry are committed while the files are still .partial;
    // a crash from here on is finished at start-up (reconcileOutbox), one before it leaves only .partial files to remove.
    publishExport(folder, record);
    ctx.deliveryQueued?.();
    return record;
  };
}
