/** The consent-discussion note: read, exported, printed, signed, amended by addenda and sent to the chart's outbox. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { addendumSignaturePayload, canonicalAddendum, canonicalNoteContent, noteSignaturePayload } from '#shared/note/signature';
import { renderNoteText } from '#shared/note/text';
import type { AuditLog } from '../audit';
import { outboxExporter } from '../export/outbox';
import { renderNotePdf } from '../export/pdf';
import type { StoredAddendum, StoredNote } from '../repositories/signed-notes';
import { sha256 } from '../repositories/templates';
import { signText } from '../signing/ed25519';
import type { HandlerContext } from './support/context';
import { requireEncounter } from './support/lookups';
import { noteComposer, publicAddendum, publicNote, signedNoteOf, verifiedNote } from './support/note-composition';

type NoteMethods = 'note.export' | 'note.print' | 'note.sign' | 'note.addAddendum' | 'note.get' | 'note.exportToOutbox' | 'note.outboxExports';

export function noteHandlers(ctx: HandlerContext, audit: AuditLog): Pick<Handlers, NoteMethods> {
  const { detailOf, compose, exportable } = noteComposer(ctx);
  // Each export records itself and its audit entry (db/export/outbox.ts).
  const exportOne = outboxExporter(ctx, audit);

  return {
    'note.export': async ({ encounterId }, call) => {
      const actor = call.caller.actor;
      const detail = detailOf(encounterId, call.caller);
      const generatedAt = ctx.now();
      const { template, content: note } = exportable(detail, call.caller, generatedAt);
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

    // The same content the PDF carries; the screen lays it out for the printer. Audited as a print.
    'note.print': ({ encounterId }, { caller }) => exportable(detailOf(encounterId, caller), caller, ctx.now()).content,

    // Runs inside the audit wrapper's write transaction: the password check, the
    // note, its signature and its audit entry commit together or not at all.
    'note.sign': ({ encounterId, password, attestation }, { caller }) => {
      const encounter = requireEncounter(ctx, encounterId);
      if (signedNoteOf(ctx, encounterId, caller)) {
        throw new CommandError('CONFLICT', 'This note is already signed; a signed note never changes. Add an addendum instead.');
      }
      const detail = detailOf(encounterId, caller);
      if (!detail.consent?.decision) {
        throw new CommandError('CONFLICT', "Record the patient's decision in the consent discussion before signing the note.", [{ path: 'consent.decision', message: 'no decision recorded' }]);
      }
      ctx.auth.confirmPasswordSync(caller, password, `encounter:${encounterId}/note.sign`);
      // The private key is opened here, with the password just typed, and used once.
      const signer = ctx.keyring.signerFor(caller.userId, caller.actor, password);
      const signedAt = ctx.now();
      const { content } = compose(detail, caller.actor, signedAt, { attestation });
      const contentJson = canonicalNoteContent(content);
      const unsigned = {
        id: ctx.newId(), encounterId, contentJson, contentSha256: sha256(contentJson), signedAt,
        signedBy: caller.actor, signedByUserId: caller.userId, attestation, keyId: signer.keyId,
      };
      const payload = noteSignaturePayload({ ...unsigned, noteId: unsigned.id, patientId: encounter.patientId, mrn: content.runningHeader.mrn });
      const note: StoredNote = { ...unsigned, signature: signText(signer.privateKey, payload) };
      ctx.signedNotes.insertNote(note);
      return publicNote(note, { method: 'ed25519', keyId: signer.keyId });
    },

    'note.addAddendum': ({ noteId, reason, text, password }, { caller }) => {
      const stored = ctx.signedNotes.get(noteId);
      if (!stored) throw new CommandError('NOT_FOUND', `No signed note with id ${noteId}.`);
      // An addendum chains to the hashes and signatures before it: never to a note that fails its check.
      const { addenda, content } = verifiedNote(ctx, stored, caller);
      ctx.auth.confirmPasswordSync(caller, password, `note:${noteId}/addendum`);
      const signer = ctx.keyring.signerFor(caller.userId, caller.actor, password);
      const seq = addenda.length + 1;
      const last = addenda.at(-1) ?? stored;
      const signedAt = ctx.now();
      const unsigned = { id: ctx.newId(), noteId, seq, reason, text, signedAt, signedBy: caller.actor, signedByUserId: caller.userId };
      const contentSha256 = sha256(canonicalAddendum({ ...unsigned, previousSha256: last.contentSha256 }));
      const payload = addendumSignaturePayload({
        ...unsigned, addendumId: unsigned.id, contentSha256, keyId: signer.keyId,
        encounterId: stored.encounterId, patientId: requireEncounter(ctx, stored.encounterId).patientId, mrn: content.runningHeader.mrn,
        previous: { sha256: last.contentSha256, signature: last.signature },
      });
      const addendum: StoredAddendum = { ...unsigned, contentSha256, keyId: signer.keyId, signature: signText(signer.privateKey, payload) };
      ctx.signedNotes.insertAddendum(addendum);
      return publicAddendum(addendum, { method: 'ed25519', keyId: signer.keyId });
    },

    'note.get': ({ encounterId }, { caller }) => {
      requireEncounter(ctx, encounterId);
      const signed = signedNoteOf(ctx, encounterId, caller);
      return signed ? { note: signed.publicNote, addenda: signed.publicAddenda } : { note: null, addenda: [] };
    },

    'note.exportToOutbox': ({ encounterId }, { caller }) => exportOne(encounterId, caller, null),
    'note.outboxExports': ({ encounterId }) => {
      requireEncounter(ctx, encounterId);
      return ctx.outboxExports.list(encounterId);
    },
  };
}
