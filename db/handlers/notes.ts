/** note.export, note.sign, note.addAddendum, note.get and system.info */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import type { EncounterDetail } from '#shared/contract/encounters';
import { CommandError } from '#shared/contract/errors';
import type { Addendum, SignedNote } from '#shared/contract/notes';
import { sourcesCitedBy } from '#shared/library/index';
import { buildNoteContent, type NoteContent } from '#shared/note/content';
import { canonicalAddendum, canonicalNoteContent, signedNoteContent, unsignedSection } from '#shared/note/signature';
import { renderNoteText } from '#shared/note/text';
import { renderNotePdf } from '../export/pdf';
import { checkSignedNote, type StoredAddendum, type StoredNote } from '../repositories/signed-notes';
import { sha256 } from '../repositories/templates';
import type { HandlerContext } from './context';
import { requireEncounter, requireTemplate } from './lookups';
import { encounterHandlers } from './encounters';

type NoteMethods = 'note.export' | 'note.sign' | 'note.addAddendum' | 'note.get' | 'system.info';

/** The contract's view of a stored note (no content, no account id). */
function publicNote(n: StoredNote): SignedNote {
  return { id: n.id, encounterId: n.encounterId, contentSha256: n.contentSha256, signedAt: n.signedAt, signedBy: n.signedBy, attestation: n.attestation };
}
function publicAddendum(a: StoredAddendum): Addendum {
  return { id: a.id, noteId: a.noteId, seq: a.seq, reason: a.reason, text: a.text, contentSha256: a.contentSha256, signedAt: a.signedAt, signedBy: a.signedBy };
}

export interface VerifiedNote {
  note: StoredNote;
  content: NoteContent;
  addenda: StoredAddendum[];
}

/**
 * Reads a signed note and its addenda and proves them unchanged: the content
 * hashes to its recorded SHA-256, the signature beside it is the one inside it,
 * and each addendum hashes to its own, chained in order. Anything else means
 * the file was changed outside the app (the triggers stop every path through
 * it): nothing is shown or exported, and the core's log says what failed.
 */
export function verifiedNote(ctx: HandlerContext, note: StoredNote): VerifiedNote {
  const addenda = ctx.signedNotes.addenda(note.id);
  const checked = checkSignedNote(note, addenda);
  if (!checked.ok) {
    ctx.log(`signed note ${note.id} of encounter ${note.encounterId} failed its integrity check: ${checked.problem}`);
    throw new CommandError(
      'INTERNAL',
      `The signed note of this encounter failed its integrity check (${checked.problem}): it was changed outside ProcedureDesk. It is not shown or exported; restore a backup and report this.`,
    );
  }
  return { note, content: checked.content, addenda };
}

export function noteHandlers(ctx: HandlerContext): Pick<Handlers, NoteMethods> {
  const getEncounter = encounterHandlers(ctx)['encounter.get'];
  /** encounter.get without its audit entry (the calling method has its own); it is synchronous. */
  const detailOf = (encounterId: string, caller: Caller): EncounterDetail => {
    const detail = getEncounter({ encounterId }, { token: caller.token, caller });
    if (detail instanceof Promise) throw new Error('encounter.get is expected to be synchronous');
    return detail;
  };
  const compose = (detail: EncounterDetail, actor: Caller['actor'], generatedAt: string, signing?: { attestation: string }) => {
    const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
    const reviewedFactIds = new Set(ctx.reviews.list(template.id, template.version).map((r) => r.factId));
    const content = buildNoteContent({
      detail, template, sources: sourcesCitedBy(template), reviewedFactIds, exportedBy: actor, generatedAt,
      ...(signing ? { signing: { signedBy: actor, signedAt: generatedAt, attestation: signing.attestation } } : {}),
    });
    return { template, content };
  };

  return {
    'note.export': async ({ encounterId }, call) => {
      const actor = call.caller.actor;
      const detail = detailOf(encounterId, call.caller);
      const generatedAt = ctx.now();
      const stored = ctx.signedNotes.byEncounter(encounterId);
      const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
      let note: NoteContent;
      if (stored) {
        // A signed note is exported exactly as signed, never re-derived from the encounter.
        const { content, addenda } = verifiedNote(ctx, stored);
        note = signedNoteContent(content, publicNote(stored), addenda.map(publicAddendum), { by: actor, at: generatedAt });
      } else {
        const draft = compose(detail, actor, generatedAt).content;
        note = { ...draft, sections: [...draft.sections, unsignedSection()] };
      }
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
