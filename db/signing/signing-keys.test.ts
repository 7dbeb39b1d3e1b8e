// Each signer's Ed25519 key through its life, through the real core on real
// SQLite files (issue 16 point 2): issued and registered (audited) with the
// account; the private key only ever stored encrypted under the password; a
// note's signature checked here independently with node:crypto; a password
// change re-wraps the key; an administrator's reset issues a new key and the
// old signatures still verify; the registry is append-only; an account from
// before signatures gets its key at its first signature.
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '#shared/contract/auth';
import type { ExportedNote, NoteSignature, SignedNote } from '#shared/contract/note';
import { DEFAULT_ATTESTATION } from '#shared/contract/note';
import { noteSignaturePayload } from '#shared/note/signature';
import { hashPassword } from '../auth/password';
import { unwrapPrivateKey } from './ed25519';
import { newEncounter, signedEncounter } from '../testing/signed-encounter';
import { ADMIN, NURSE, ok, openTempCore, PHYSICIAN, TEST_PASSWORD, TEST_PASSWORD_COST, usernameOf, type TempCore } from '../testing/temp-core';

const NOW = new Date('2026-11-24T14:00:00.000Z');
const NEW_PASSWORD = 'a brand new passphrase';
let core: TempCore;
beforeEach(() => {
  core = openTempCore({ now: () => NOW });
});
afterEach(() => core.cleanup());

type KeyRow = { key_id: string; user_id: string; public_key: string; registered_by_name: string; retired_at: string | null; retired_reason: string | null };
const keysOf = (userId: string) => core.db.prepare('SELECT * FROM signing_keys WHERE user_id = ? ORDER BY registered_at, rowid').all(userId) as KeyRow[];
const wrapOf = (keyId: string) => core.db.prepare('SELECT wrapped FROM signing_key_wraps WHERE key_id = ?').pluck().get(keyId) as string | undefined;
const userId = (who: { name: string }) => core.db.prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(who.name) as string;
const audits = (action: string) => core.db.prepare('SELECT user_name AS user, target FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { user: string; target: string }[];
const list = async () => ok<User[]>(await core.as(ADMIN)('users.list', {}));

describe('keys are issued with the account', () => {
  it('a physician and a nurse each get one, registered by the administrator in an audited step; an administrator holds none', async () => {
    await core.as(NURSE)('auth.status', {});
    await core.as(PHYSICIAN)('auth.status', {});
    for (const who of [NURSE, PHYSICIAN]) {
      const [key, ...others] = keysOf(userId(who));
      expect(others).toEqual([]);
      expect(key).toMatchObject({ registered_by_name: ADMIN.name, retired_at: null });
      expect(createPublicKey({ key: Buffer.from(key!.public_key, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType).toBe('ed25519');
      expect(audits('signingKey.register')).toContainEqual({ user: ADMIN.name, target: `user:${userId(who)}/key:${key!.key_id}` });
      expect((await list()).find((u) => u.id === userId(who))!.signingKeyId).toBe(key!.key_id);
    }
    expect(keysOf(userId(ADMIN))).toEqual([]);
  });

  it('stores the private key only wrapped: it opens with the password alone, and its bytes are nowhere in the data file or WAL', async () => {
    await core.as(PHYSICIAN)('auth.status', {});
    const [key] = keysOf(userId(PHYSICIAN));
    const wrapped = wrapOf(key!.key_id)!;
    expect(wrapped.startsWith(`ed25519-pkcs8$aes-256-gcm$${TEST_PASSWORD_COST.N}$`)).toBe(true);
    expect(unwrapPrivateKey(wrapped, key!.key_id, 'not the password')).toBeNull();
    // A wrap copied under another key's id does not open either (the key id is bound into the encryption).
    expect(unwrapPrivateKey(wrapped, 'f'.repeat(64), TEST_PASSWORD)).toBeNull();
    const privateKey = unwrapPrivateKey(wrapped, key!.key_id, TEST_PASSWORD)!;
    const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
    core.db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of [core.databaseFile, `${core.databaseFile}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(seed), file).toBe(false);
    }
  });
});

describe('signing', () => {
  it("signs the note's hash and place with the physician's key: the signature checks out with node:crypto and the registered public key", async () => {
    const { note, encounterId, patientId } = await signedEncounter(core, 'KEY-1', 1);
    const row = core.db.prepare('SELECT key_id, signature, signed_by_user_id FROM signed_notes WHERE id = ?').get(note.id) as { key_id: string; signature: string; signed_by_user_id: string };
    const [key] = keysOf(userId(PHYSICIAN));
    expect(row.key_id).toBe(key!.key_id);
    expect(note.verification).toEqual({ method: 'ed25519', keyId: key!.key_id });
    const payload = noteSignaturePayload({ noteId: note.id, encounterId, patientId, mrn: 'KEY-1', contentSha256: note.contentSha256, signedAt: note.signedAt, signedBy: PHYSICIAN, signedByUserId: row.signed_by_user_id, keyId: row.key_id });
    const publicKey = createPublicKey({ key: Buffer.from(key!.public_key, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(payload), publicKey, Buffer.from(row.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(payload.replace('KEY-1', 'KEY-2')), publicKey, Buffer.from(row.signature, 'base64'))).toBe(false);

    // Every read says how it verified, the addendum by the nurse's own key.
    const read = ok<NoteSignature>(await core.as(NURSE)('note.get', { encounterId }));
    expect(read.note!.verification).toEqual({ method: 'ed25519', keyId: key!.key_id });
    expect(read.addenda[0]!.verification).toEqual({ method: 'ed25519', keyId: keysOf(userId(NURSE))[0]!.key_id });
    const text = ok<ExportedNote>(await core.as(NURSE)('note.export', { encounterId })).text;
    expect(text).toContain(`Ed25519 signature verified when exported; signing key fingerprint (SHA-256 of the public key): ${key!.key_id}`);
    expect(text).toContain('Ed25519 signature verified when exported (it also covers the signature before it)');
    expect(text).not.toContain('hash only');
  });
});

describe('a password change', () => {
  it('re-wraps the same key under the new password (audited); the old password no longer opens it; signing goes on with it', async () => {
    const physician = core.as(PHYSICIAN);
    const before = await signedEncounter(core, 'KEY-2', 0);
    const [key] = keysOf(userId(PHYSICIAN));
    const oldWrap = wrapOf(key!.key_id)!;
    ok(await physician('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }));
    expect(keysOf(userId(PHYSICIAN))).toEqual([key]);
    const newWrap = wrapOf(key!.key_id)!;
    expect(newWrap).not.toBe(oldWrap);
    expect(unwrapPrivateKey(newWrap, key!.key_id, TEST_PASSWORD)).toBeNull();
    expect(unwrapPrivateKey(newWrap, key!.key_id, NEW_PASSWORD)).not.toBeNull();
    expect(audits('signingKey.rewrap')).toEqual([{ user: PHYSICIAN.name, target: `user:${userId(PHYSICIAN)}/key:${key!.key_id}` }]);

    const { encounterId } = await newEncounter(core, 'KEY-3');
    ok(await physician('consent.save', { encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }));
    const note = ok<SignedNote>(await physician('note.sign', { encounterId, password: NEW_PASSWORD, attestation: DEFAULT_ATTESTATION }));
    expect(note.verification).toEqual({ method: 'ed25519', keyId: key!.key_id });
    expect(ok<NoteSignature>(await physician('note.get', { encounterId: before.encounterId })).note!.verification).toEqual({ method: 'ed25519', keyId: key!.key_id });
  });
});

describe("an administrator's password reset", () => {
  it("needs the administrator's own password; issues a new key, retires the old one (its private half destroyed); old signatures still verify", async () => {
    const admin = core.as(ADMIN);
    const signed = await signedEncounter(core, 'KEY-4', 1);
    const physicianId = userId(PHYSICIAN);
    const [oldKey] = keysOf(physicianId);

    const wrong = await admin('users.resetPassword', { userId: physicianId, newPassword: NEW_PASSWORD, adminPassword: 'not my password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: [{ path: 'password' }] } });
    expect(keysOf(physicianId)).toEqual([oldKey]);
    expect(core.db.prepare('SELECT failed_attempts FROM users WHERE id = ?').pluck().get(userId(ADMIN))).toBe(1);
    expect(await admin('users.resetPassword', { userId: userId(ADMIN), newPassword: NEW_PASSWORD, adminPassword: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const reset = ok<User>(await admin('users.resetPassword', { userId: physicianId, newPassword: NEW_PASSWORD, adminPassword: TEST_PASSWORD }));
    const [retired, fresh] = keysOf(physicianId);
    expect(retired).toMatchObject({ key_id: oldKey!.key_id, retired_at: NOW.toISOString(), retired_reason: `password reset by ${ADMIN.name}` });
    expect(wrapOf(oldKey!.key_id)).toBeUndefined();
    expect(fresh).toMatchObject({ retired_at: null, registered_by_name: ADMIN.name });
    expect(unwrapPrivateKey(wrapOf(fresh!.key_id)!, fresh!.key_id, NEW_PASSWORD)).not.toBeNull();
    expect(reset).toMatchObject({ passwordResetBy: ADMIN.name, passwordResetAt: NOW.toISOString(), signingKeyId: fresh!.key_id });
    expect(audits('users.resetPassword')).toEqual([{ user: ADMIN.name, target: `user:${physicianId}` }]);
    expect(audits('signingKey.retire')).toEqual([{ user: ADMIN.name, target: `user:${physicianId}/key:${oldKey!.key_id}` }]);

    // The physician's sessions ended; the old password no longer signs in; the new one does.
    expect(await core.as(PHYSICIAN)('note.get', { encounterId: signed.encounterId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await core.dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: TEST_PASSWORD })).toMatchObject({ ok: false });
    const token = ok<{ token: string }>(await core.dispatch('auth.login', { username: usernameOf(PHYSICIAN), password: NEW_PASSWORD })).token;

    // What the old key signed still verifies, against the key it names.
    const old = ok<NoteSignature>(await core.dispatch('note.get', { encounterId: signed.encounterId }, token));
    expect(old.note!.verification).toEqual({ method: 'ed25519', keyId: oldKey!.key_id });
    // New signatures use the new key; the addendum's signature covers the old key's signature before it.
    const addendum = ok<{ verification: unknown }>(await core.dispatch('note.addAddendum', { noteId: signed.note.id, reason: 'After the reset', text: 'Signed with the new key.', password: NEW_PASSWORD }, token));
    expect(addendum.verification).toEqual({ method: 'ed25519', keyId: fresh!.key_id });
    const read = ok<NoteSignature>(await core.dispatch('note.get', { encounterId: signed.encounterId }, token));
    expect(read.addenda.map((a) => a.verification)).toEqual([
      { method: 'ed25519', keyId: keysOf(userId(NURSE))[0]!.key_id }, { method: 'ed25519', keyId: fresh!.key_id },
    ]);
  });

  it('the registry is append-only: no key deleted or changed, a retired key never returns, one key in use per account', async () => {
    await core.as(PHYSICIAN)('auth.status', {});
    const id = userId(PHYSICIAN);
    const [key] = keysOf(id);
    expect(() => core.db.prepare('DELETE FROM signing_keys').run()).toThrow(/never deleted/);
    expect(() => core.db.prepare("UPDATE signing_keys SET public_key = 'x'").run()).toThrow(/never changes/);
    expect(() => core.db.prepare("INSERT INTO signing_keys (key_id, user_id, public_key, registered_at, registered_by_name, registered_by_role) VALUES (?, ?, 'x', 'now', 'x', 'admin')").run('e'.repeat(64), id))
      .toThrow(/UNIQUE/);
    core.db.prepare("UPDATE signing_keys SET retired_at = 'then', retired_by_name = 'x' WHERE key_id = ?").run(key!.key_id);
    expect(() => core.db.prepare('UPDATE signing_keys SET retired_at = NULL, retired_by_name = NULL WHERE key_id = ?').run(key!.key_id)).toThrow(/never changes/);
  });
});

describe('an account from before signatures', () => {
  it('gets its key at its first signature, registered by its holder with that signature', async () => {
    const OLD_DOC = randomUUID();
    const admin = core.as(ADMIN);
    await admin('auth.status', {});
    // As migration 015 finds it: an account with a password and no key.
    core.db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES (?, 'old.doc', 'Dr Old', 'physician', ?, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')")
      .run(OLD_DOC, await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST));
    expect(keysOf(OLD_DOC)).toEqual([]);
    const token = ok<{ token: string }>(await core.dispatch('auth.login', { username: 'old.doc', password: TEST_PASSWORD })).token;
    const { encounterId } = await newEncounter(core, 'KEY-5');
    ok(await core.dispatch('consent.save', { encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }, token));
    expect(await core.dispatch('note.sign', { encounterId, password: 'wrong password', attestation: DEFAULT_ATTESTATION }, token)).toMatchObject({ ok: false });
    expect(keysOf(OLD_DOC)).toEqual([]);
    const note = ok<SignedNote>(await core.dispatch('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }, token));
    const [key] = keysOf(OLD_DOC);
    expect(key).toMatchObject({ registered_by_name: 'Dr Old', retired_at: null });
    expect(note.verification).toEqual({ method: 'ed25519', keyId: key!.key_id });
    expect(audits('signingKey.register').at(-1)).toEqual({ user: 'Dr Old', target: `user:${OLD_DOC}/key:${key!.key_id}` });
  });
});
