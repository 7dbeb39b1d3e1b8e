/**
 * The note as it leaves the app, for every path (download, print, outbox,
 * batch): a signed note exactly as signed with its addenda, its signatures
 * verified on every read; otherwise a draft built from the encounter as it
 * stands and marked unsigned.
 */
import type { Caller } from '#shared/contract/dispatcher';
import type { Actor } from '#shared/contract/common';
import { EncounterDetailSchema, type EncounterDetail } from '#shared/contract/encounter';
import { CommandError } from '#shared/contract/errors';
import { SIGNATURE_FAILED, type Addendum, type SignatureVerification, type SignedNote } from '#shared/contract/note';
import { readStored } from '#shared/contract/text';
import { sourcesCitedBy } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { buildNoteContent } from '#shared/note/content';
import { bleedingRiskSinceSection, procedureDaySection } from '#shared/note/procedure-day';
import type { NoteContent } from '#shared/note/model';
import { clockOfContent, signedNoteContent, unsignedSection } from '#shared/note/signature';
import { AuditedRefusal } from '../../audited-refusal';
import type { StoredAddendum, StoredNote } from '../../repositories/signed-notes';
import type { HandlerContext } from './context';
import { encounterHandlers } from '../encounter';
import { requireTemplate } from './lookups';

/** The contract's view of a stored note (no content, no account id), with how its signature verified. */
export function publicNote(n: StoredNote, verification: SignatureVerification): SignedNote {
  return { id: n.id, encounterId: n.encounterId, contentSha256: n.contentSha256, signedAt: n.signedAt, signedBy: n.signedBy, attestation: n.attestation, verification };
}
export function publicAddendum(a: StoredAddendum, verification: SignatureVerification): Addendum {
  return { id: a.id, noteId: a.noteId, seq: a.seq, reason: a.reason, text: a.text, contentSha256: a.contentSha256, signedAt: a.signedAt, signedBy: a.signedBy, verification };
}

export interface VerifiedNote {
  note: StoredNote;
  content: NoteContent;
  addenda: StoredAddendum[];
  /** The contract's views, each with how it verified. */
  publicNote: SignedNote;
  publicAddenda: Addendum[];
}

/**
 * Refuses a note that fails verification: nothing of it is shown or exported,
 * the core's log says what failed, and the refusal is audited against the
 * patient (after the rollback when inside a write, at once otherwise).
 */
function refuse(ctx: HandlerContext, caller: Caller, encounterId: string, noteId: string, problem: string): never {
  ctx.log(`signed note ${noteId} of encounter ${encounterId} failed verification: ${problem}`);
  const message = `${SIGNATURE_FAILED} (${problem}). It is not shown or exported; restore a backup and report this.`;
  const event = { at: ctx.now(), user: caller.actor, patientId: ctx.encounters.patientOf(encounterId) ?? null, action: 'note.signatureFailed', target: `encounter:${encounterId}/note:${noteId}` };
  if (ctx.db.inTransaction) throw new AuditedRefusal('INTERNAL', message, undefined, event);
  ctx.audit.append(event);
  throw new CommandError('INTERNAL', message);
}

/**
 * Reads a signed note's addenda and verifies it all (db/signing/verify-note.ts):
 * hashes, Ed25519 signatures, and the addenda the audit trail records.
 * Anything else means the file was changed outside the app.
 */
export function verifiedNote(ctx: HandlerContext, note: StoredNote, caller: Caller): VerifiedNote {
  const addenda = ctx.signedNotes.addenda(note.id);
  const checked = ctx.verifier.verify(note, addenda);
  if (!checked.ok) refuse(ctx, caller, note.encounterId, note.id, checked.problem);
  return {
    note, content: checked.content, addenda,
    publicNote: publicNote(note, checked.note),
    publicAddenda: addenda.map((a, i) => publicAddendum(a, checked.addenda[i]!)),
  };
}

/** The encounter's signed note, verified; null only if the audit trail also says it was never signed. */
export function signedNoteOf(ctx: HandlerContext, encounterId: string, caller: Caller): VerifiedNote | null {
  const stored = ctx.signedNotes.byEncounter(encounterId);
  if (stored) return verifiedNote(ctx, stored, caller);
  const recorded = ctx.verifier.recordedNoteId(encounterId);
  if (recorded) refuse(ctx, caller, encounterId, recorded, `the signed note ${recorded} recorded in the audit trail is missing`);
  return null;
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
      detail, template, sources: sourcesCitedBy(template), reviewedFactIds, exportedBy: actor, generatedAt, fieldsOff, timeZone: ctx.settings.get().timeZone,
      intake: ctx.intakes.latest(detail.encounter.patientId),
      ...(signing ? { signing: { signedBy: actor, signedAt: generatedAt, attestation: signing.attestation } } : {}),
    });
    return { template, content };
  };

  /** What leaves the app for this encounter: the signed copy with its addenda (verified), or the marked draft. */
  const exportable = (detail: EncounterDetail, caller: Caller, at: string): { template: Template; content: NoteContent; signed: VerifiedNote | null } => {
    const template = requireTemplate(ctx, detail.encounter.templateId, detail.encounter.templateVersion);
    const signed = signedNoteOf(ctx, detail.encounter.id, caller);
    if (signed) {
      // A signed note is exported exactly as signed, never re-derived from the encounter.
      // The encounter went on after signing (discharged, or cancelled): the export says so, outside the signed part.
      const clock = clockOfContent(signed.content, ctx.settings.get().timeZone);
      const since = [
        ...bleedingRiskSinceSection(detail, template, signed.note.signedAt, clock),
        ...procedureDaySection(detail, clock, { at: signed.note.signedAt, heading: 'Procedure day since the note was signed' }),
      ];
      const content = signedNoteContent(signed.content, signed.publicNote, signed.publicAddenda, { by: caller.actor, at }, since, clock);
      return { template, content, signed };
    }
    // Records staff handle what goes to the chart: signed notes only, never a draft's clinical content.
    if (caller.actor.role === 'records') throw new CommandError('CONFLICT', 'This note is not signed yet. A records account sees and exports signed notes only.');
    const draft = compose(detail, caller.actor, at).content;
    return { template, content: { ...draft, sections: [...draft.sections, unsignedSection()] }, signed: null };
  };

  return { detailOf, compose, exportable };
}
