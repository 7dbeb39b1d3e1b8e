/**
 * The check every read of a signed note makes (note.get, note.print, exports,
 * the outbox, the crash harness). On top of the hashes (checkSignedNote):
 *   - the note's Ed25519 signature, by the signer's own key, over its hash and
 *     its place (note, encounter, patient, MRN, signer, key, time);
 *   - each addendum's signature, which also covers the signature before it;
 *   - the audit trail: an addendum it records must still be there (a dropped
 *     last addendum leaves a valid chain; only the trail remembers it), and the
 *     signing key must have been registered there (a key slipped into the
 *     registry by hand has no entry; forging one breaks the trail's HMAC chain,
 *     which audit.verify reports).
 * Notes and addenda signed before migration 015 have no signature; they are
 * accepted on their hash only when migration 015 listed them, and reported as
 * "hash-only", never as verified.
 */
import type { NoteContent } from '#shared/note/model';
import { auditActionNames } from '#shared/contract/renamed-actions';
import type { SignatureVerification } from '#shared/contract/note';
import { addendumSignaturePayload, noteSignaturePayload, type SignedPlace } from '#shared/note/signature';
import type { Db } from '../connection';
import { checkSignedNote, type StoredAddendum, type StoredNote } from '../repositories/signed-notes';
import type { SigningKeyRepository } from '../repositories/signing-keys';
import { verifyText } from './ed25519';

export type NoteCheck =
  | { ok: true; content: NoteContent; note: SignatureVerification; addenda: SignatureVerification[] }
  | { ok: false; problem: string };

export function createNoteVerifier(db: Db, keys: SigningKeyRepository) {
  const hashOnly = db.prepare<[string, string], number>('SELECT count(*) FROM hash_only_signatures WHERE id = ? AND kind = ?').pluck();
  const patientOf = db.prepare<[string], string>('SELECT patient_id FROM encounters WHERE id = ?').pluck();
  // Matched under every name the action has had (renamed-actions.ts): entries keep the name they were written under.
  const auditedAs = db.prepare<{ patientId: string; actions: string; prefix: string }, string>(
    'SELECT target FROM audit_log WHERE patient_id = @patientId AND action IN (SELECT value FROM json_each(@actions)) AND substr(target, 1, length(@prefix)) = @prefix',
  ).pluck();
  const audited = (q: { patientId: string; action: string; prefix: string }): string[] =>
    auditedAs.all({ patientId: q.patientId, prefix: q.prefix, actions: JSON.stringify(auditActionNames(q.action)) });
  const registration = db.prepare<[string], number>(
    "SELECT count(*) FROM audit_log WHERE patient_id IS NULL AND action = 'signingKey.register' AND target = ?",
  ).pluck();
  // A key's registration never goes away once found: looked up once per key, not on every read.
  const registered = new Set<string>();
  const isRegistered = (userId: string, keyId: string): boolean => {
    const target = `user:${userId}/key:${keyId}`;
    if (!registered.has(target) && (registration.get(target) ?? 0) > 0) registered.add(target);
    return registered.has(target);
  };

  /** Checks one signature: how it verified, or what is wrong with it. */
  function signatureProblem(
    what: string,
    item: { id: string; signature: string | null; keyId: string | null; signedAt: string; signedByUserId: string },
    kind: 'note' | 'addendum',
    payload: (keyId: string) => string,
  ): { problem: string } | { verification: SignatureVerification } {
    const listedHashOnly = hashOnly.get(item.id, kind) === 1;
    if (item.signature === null || item.keyId === null) {
      return listedHashOnly ? { verification: { method: 'hash-only' } } : { problem: `${what} has no signature, though it was signed after signatures were introduced` };
    }
    if (listedHashOnly) return { problem: `${what} carries a signature, though it was signed before signatures were introduced` };
    const key = keys.get(item.keyId);
    if (!key) return { problem: `the signature of ${what} names a key that is not registered` };
    if (key.userId !== item.signedByUserId) return { problem: `the signature of ${what} was made with another person's key` };
    if (!isRegistered(key.userId, key.keyId)) return { problem: `the signature of ${what} was made with a key whose registration is not in the audit trail` };
    // No check of the signing time against the key's registration or retirement: offline rooms have no
    // NTP, and a clock set wrong at either moment would make a true signature look forged. A retired
    // key cannot sign again anyway: its private half is destroyed when it is retired.
    if (!verifyText(key.publicKey, payload(key.keyId), item.signature)) return { problem: `the signature of ${what} does not match what it signed` };
    return { verification: { method: 'ed25519', keyId: key.keyId } };
  }

  return {
    verify(note: StoredNote, addenda: readonly StoredAddendum[]): NoteCheck {
      const hashes = checkSignedNote(note, addenda);
      if (!hashes.ok) return hashes;
      const patientId = patientOf.get(note.encounterId);
      if (patientId === undefined) return { ok: false, problem: 'its encounter is missing' };
      const place: SignedPlace = { noteId: note.id, encounterId: note.encounterId, patientId, mrn: hashes.content.runningHeader.mrn };

      const noteCheck = signatureProblem('the note', note, 'note', (keyId) => noteSignaturePayload({ ...place, ...note, keyId }));
      if ('problem' in noteCheck) return { ok: false, problem: noteCheck.problem };
      const verified: SignatureVerification[] = [];
      let previous = { sha256: note.contentSha256, signature: note.signature };
      for (const a of addenda) {
        const check = signatureProblem(`addendum ${a.seq}`, a, 'addendum', (keyId) => addendumSignaturePayload({
          ...place, addendumId: a.id, seq: a.seq, contentSha256: a.contentSha256, signedAt: a.signedAt, signedBy: a.signedBy, signedByUserId: a.signedByUserId, keyId, previous,
        }));
        if ('problem' in check) return { ok: false, problem: check.problem };
        verified.push(check.verification);
        previous = { sha256: a.contentSha256, signature: a.signature };
      }

      const recorded = audited({ patientId, action: 'note.addAddendum', prefix: `encounter:${note.encounterId}/note:${note.id}/addendum:` });
      const highest = Math.max(0, ...recorded.map((t) => Number(t.slice(t.lastIndexOf(':') + 1))).filter(Number.isInteger));
      if (highest > addenda.length) return { ok: false, problem: `addendum ${addenda.length + 1} of ${highest} recorded in the audit trail is missing` };
      return { ok: true, content: hashes.content, note: noteCheck.verification, addenda: verified };
    },

    /** The note the audit trail records as signed for this encounter, if any: a read that finds no row must say it is missing. */
    recordedNoteId(encounterId: string): string | null {
      const patientId = patientOf.get(encounterId);
      if (patientId === undefined) return null;
      const target = audited({ patientId, action: 'note.sign', prefix: `encounter:${encounterId}/note:` })[0];
      return target ? target.slice(`encounter:${encounterId}/note:`.length, -'/sign'.length) : null;
    },
  };
}
export type NoteVerifier = ReturnType<typeof createNoteVerifier>;
