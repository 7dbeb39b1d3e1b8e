/**
 * The note as it leaves the app, for every path (download, print, outbox,
 * batch): a signed note exactly as signed with its addenda, verified on read;
 * otherwise a draft built from the encounter as it stands and marked unsigned.
 */
import type { Caller } from '#shared/contract/dispatcher';
import type { Actor } from '#shared/contract/common';
import { EncounterDetailSchema, type EncounterDetail } from '#shared/contract/encounters';
import { CommandError } from '#shared/contract/errors';
import type { Addendum, SignedNote } from '#shared/contract/notes';
import { readStored } from '#shared/contract/text';
import { sourcesCitedBy } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { bleedingRiskSinceSection, buildNoteContent, procedureDaySection, type NoteContent } from '#shared/note/content';
import { signedNoteContent, unsignedSection } from '#shared/note/signature';
import { checkSignedNote, type StoredAddendum, type StoredNote } from '../repositories/signed-notes';
import type { HandlerContext } from './context';
import { encounterHandlers } from './encounters';
import { requireTemplate } from './lookups';

/** The contract's view of a stored note (no content, no account id). */
export function publicNote(n: StoredNote): SignedNote {
  return { id: n.id, encounterId: n.encounterId, contentSha256: n.contentSha256, signedAt: n.signedAt, signedBy: n.signedBy, attestation: n.attestation };
}
export function publicAddendum(a: StoredAddendum): Addendum {
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

export function noteComposer(ctx: HandlerContext) {
  const getEncounter = encounterHandlers(ctx)['encounter.get'];
  /**
   * encounter.get without its audit entry (the calling method has its own); it is synchronous.
   * Read through the contract's schema as the screen reads it, so text stored before the text
   * rules reaches a note or an export neutralised, field by field (names on one line).
   */
  const detailOf = (encounterId: string, caller: Caller): EncounterDetail => {
    const detail = getEncounter({ encounterId }, { token: caller.token, caller });
    if (detail instanceof Promise) throw new Error('encounter.get is expected to be synchronous');
    return readStored(() => EncounterDetailSchema.parse(detail));
  };

  /** The note built from the encounter now; with `signing`, the content a physician signs. */
  const compose = (detail: EncounterDetail, actor: Actor, generatedAt: string, signing?: { attestation: string }) => {
    const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
    const reviewedFactIds = new Set(ctx.reviews.list(template.id, template.version).map((r) => r.factId));
    const fieldsOff = ctx.settings.get().noteFieldsOff[template.id] ?? [];
    const content = buildNoteContent({
      detail, template, sources: sourcesCitedBy(template), reviewedFactIds, exportedBy: actor, generatedAt, fieldsOff,
      ...(signing ? { signing: { signedBy: actor, signedAt: generatedAt, attestation: signing.attestation } } : {}),
    });
    return { template, content };
  };

  /** What leaves the app for this encounter: the signed copy with its addenda, or the marked draft. */
  const exportable = (detail: EncounterDetail, actor: Actor, at: string): { template: Template; content: NoteContent; signed: VerifiedNote | null } => {
    const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
    const stored = ctx.signedNotes.byEncounter(detail.encounter.id);
    if (stored) {
      // A signed note is exported exactly as signed, never re-derived from the encounter.
      const signed = verifiedNote(ctx, stored);
      // The encounter went on after signing (discharged, or cancelled): the export says so, outside the signed part.
      const since = [
        ...bleedingRiskSinceSection(detail, template, stored.signedAt),
        ...procedureDaySection(detail, { at: stored.signedAt, heading: 'Procedure day since the note was signed' }),
      ];
      const content = signedNoteContent(signed.content, publicNote(stored), signed.addenda.map(publicAddendum), { by: actor, at }, since);
      return { template, content, signed };
    }
    const draft = compose(detail, actor, at).content;
    return { template, content: { ...draft, sections: [...draft.sections, unsignedSection()] }, signed: null };
  };

  return { detailOf, compose, exportable };
}
