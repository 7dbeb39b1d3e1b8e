/** note.export, note.sign, note.addAddendum, note.get and system.info */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { canonicalAddendum, canonicalNoteContent } from '#shared/note/signature';
import { renderNoteText } from '#shared/note/text';
import { renderNotePdf } from '../export/pdf';
import type { StoredAddendum, StoredNote } from '../repositories/signed-notes';
import { sha256 } from '../repositories/templates';
import type { HandlerContext } from './context';
import { requireEncounter } from './lookups';
import { noteComposer, publicAddendum, publicNote, verifiedNote } from './note-composition';

export { verifiedNote, type VerifiedNote } from './note-composition';

type NoteMethods = 'note.export' | 'note.print' | 'note.sign' | 'note.addAddendum' | 'note.get' | 'system.info';

export function noteHandlers(ctx: HandlerContext): Pick<Handlers, NoteMethods> {
  const { detailOf, compose, exportable } = noteComposer(ctx);

  return {
    'note.export': async ({ encounterId }, call) => {
      const actor = call.caller.actor;
      const detail = detailOf(encounterId, call.caller);
      const generatedAt = ctx.now();
      const { template, content: note } = exportable(detail, actor, generatedAt);
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
    'note.print': ({ encounterId }, { caller }) => exportable(detailOf(encounterId, caller), caller.actor, ctx.now()).content,

    // Runs inside the audit wrapper's write transaction: the password check, the
    // note and its audit entry commit together or not at all.
    'note.sign': ({ encounterId, password, attestation }, { caller }) => {
      requireEncounter(ctx, encounterId);
      if (ctx.signedNotes.byEncounter(encounterId)) {
        throw new CommandError('CONFLICT', 'This note is already signed; a signed note never changes. Add an addendum instead.');
      }
      const detail = detailOf(encounterId, caller);
      if (!detail.consent?.decision) {
        throw new CommandError('CONFLICT', "Record the patient's decision in the consent discussion before signing the note.", [{ path: 'consent.decision', message: 'no decision recorded' }]);
      }
      ctx.auth.confirmPasswordSync(caller, password, `encounter:${encounterId}/note.sign`);
      const signedAt = ctx.now();
      const { content } = compose(detail, caller.actor, signedAt, { attestation });
      const contentJson = canonicalNoteContent(content);
      const note: StoredNote = {
        id: ctx.newId(),
        encounterId,
        contentJson,
        contentSha256: sha256(contentJson),
        signedAt,
        signedBy: caller.actor,
        signedByUserId: caller.userId,
        attestation,
      };
      ctx.signedNotes.insertNote(note);
      return publicNote(note);
    },

    'note.addAddendum': ({ noteId, reason, text, password }, { caller }) => {
      const stored = ctx.signedNotes.get(noteId);
      if (!stored) throw new CommandError('NOT_FOUND', `No signed note with id ${noteId}.`);
      // An addendum chains to the hashes before it: never to a note that fails its check.
      const { addenda } = verifiedNote(ctx, stored);
      ctx.auth.confirmPasswordSync(caller, password, `note:${noteId}/addendum`);
      const seq = addenda.length + 1;
      const previousSha256 = addenda.at(-1)?.contentSha256 ?? stored.contentSha256;
      const signedAt = ctx.now();
      const unsigned = { id: ctx.newId(), noteId, seq, reason, text, signedAt, signedBy: caller.actor, signedByUserId: caller.userId };
      const addendum: StoredAddendum = { ...unsigned, contentSha256: sha256(canonicalAddendum({ ...unsigned, previousSha256 })) };
      ctx.signedNotes.insertAddendum(addendum);
      return publicAddendum(addendum);
    },

    'note.get': ({ encounterId }) => {
      requireEncounter(ctx, encounterId);
      const stored = ctx.signedNotes.byEncounter(encounterId);
      if (!stored) return { note: null, addenda: [] };
      const { addenda } = verifiedNote(ctx, stored);
      return { note: publicNote(stored), addenda: addenda.map(publicAddendum) };
    },

    'system.info': () => ({ appVersion: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
  };
}
