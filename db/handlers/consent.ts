/** The consent discussion and the participants' signatures that go with it. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { HandlerContext } from './support/context';
import { requireEncounter, requireOpenEncounter } from './support/lookups';

type ConsentMethods = 'consent.save' | 'consent.captureSignature' | 'consent.voidSignature';

export function consentHandlers(ctx: HandlerContext): Pick<Handlers, ConsentMethods> {
  /**
   * Signatures are part of what the physician signs: once the note is signed
   * they are fixed with it. They may still be taken after discharge (a patient
   * who signs the paper form on the way out), so only signing closes them.
   */
  const requireUnsigned = (encounterId: string) => {
    requireEncounter(ctx, encounterId);
    if (ctx.signedNotes.isSigned(encounterId)) {
      throw new CommandError('CONFLICT', 'The consent-discussion note is signed, so its signatures can no longer change. Record a late signature in an addendum.');
    }
  };

  return {
    'consent.save': ({ encounterId, ...content }, { caller }) => {
      requireOpenEncounter(ctx, encounterId);
      // The signed note is the record of this discussion; a correction is an addendum to it.
      if (ctx.signedNotes.isSigned(encounterId)) {
        throw new CommandError('CONFLICT', 'The consent-discussion note is signed, so the discussion can no longer change. Add an addendum to the note instead.');
      }
      const consent = { ...content, updatedAt: ctx.now(), updatedBy: caller.actor };
      ctx.consent.save(encounterId, consent);
      return consent;
    },
    'consent.captureSignature': (input, { caller }) => {
      requireUnsigned(input.encounterId);
      const signature = {
        id: ctx.newId(),
        encounterId: input.encounterId,
        signer: input.signer,
        signerName: input.signerName,
        method: input.method,
        imagePngBase64: input.method === 'drawn' ? input.imagePngBase64 : null,
        at: ctx.now(),
        by: caller.actor,
      };
      ctx.participantSignatures.insert(signature, caller.userId);
      return { ...signature, voided: null };
    },
    'consent.voidSignature': ({ encounterId, signatureId, reason }, { caller }) => {
      requireUnsigned(encounterId);
      const existing = ctx.participantSignatures.get(signatureId);
      if (!existing || existing.encounterId !== encounterId) throw new CommandError('NOT_FOUND', `No signature ${signatureId} on this encounter.`);
      if (existing.voided) throw new CommandError('CONFLICT', 'This signature was already voided.');
      ctx.participantSignatures.void(signatureId, reason, ctx.now(), caller.actor, caller.userId);
      return ctx.participantSignatures.get(signatureId)!;
    },
  };
}
