/**
 * Each signing account's Ed25519 key, through its life: issued with the
 * account (or, for an account from before signatures, at its first signature),
 * its public half registered in an audited step; its private half wrapped under
 * the holder's password, re-wrapped when the password changes, opened only at
 * the moment of signing with the password just typed, never stored open; on an
 * administrator's password reset retired (its private half destroyed, its
 * public half kept so old signatures verify) and replaced by a new one.
 */
import type { KeyObject } from 'node:crypto';
import type { Actor, Role } from '#shared/contract/common';
import { CommandError } from '#shared/contract/errors';
import type { AuditLog } from '../audit';
import type { ScryptCost } from '../auth/password';
import type { SigningKeyRepository } from '../repositories/signing-keys';
import { newKeyPair as randomKeyPair, unwrapPrivateKey, wrapPrivateKey, wrapPrivateKeySync, type KeyPair } from './ed25519';

/** The roles that sign (notes, addenda, time-outs); administrators sign nothing and hold no key. */
export const SIGNING_ROLES: readonly Role[] = ['physician', 'nurse'];
export const holdsKey = (role: Role): boolean => SIGNING_ROLES.includes(role);

/** A key pair made and wrapped before the write transaction that registers it (scrypt is slow). */
export interface PreparedKey {
  keyId: string;
  publicKey: string;
  wrapped: string;
}

export interface Signer {
  keyId: string;
  privateKey: KeyObject;
}

/** What a password change does to the account's key (keyring.rewrapFor), stored with the new password. */
export type KeyChange = { kind: 'rewrap'; keyId: string; wrapped: string } | { kind: 'new'; key: PreparedKey } | null;

export function createKeyring(deps: {
  keys: SigningKeyRepository; audit: AuditLog; now: () => string; cost: ScryptCost;
  /** Tests only (golden files): the same keys on every run. Otherwise random. */
  newKeyPair?: () => KeyPair;
}) {
  const { keys, audit, now, cost } = deps;
  const newKeyPair = deps.newKeyPair ?? randomKeyPair;
  const record = (by: Actor, action: string, target: string) => audit.append({ at: now(), user: by, patientId: null, action, target });

  /** Registers a prepared key for the account, audited; inside the caller's transaction. */
  function register(userId: string, key: PreparedKey, by: Actor): void {
    keys.register({ ...key, userId }, now(), by);
    record(by, 'signingKey.register', `user:${userId}/key:${key.keyId}`);
  }

  async function prepare(password: string): Promise<PreparedKey> {
    const pair = newKeyPair();
    return { keyId: pair.keyId, publicKey: pair.publicKey, wrapped: await wrapPrivateKey(pair.privateKey, pair.keyId, password, cost) };
  }

  /** Retires the account's key in use, if any (audited); inside the caller's transaction. */
  function retireActive(userId: string, by: Actor, reason: string): void {
    const active = keys.active(userId);
    if (!active) return;
    keys.retire(active.keyId, now(), by, reason);
    record(by, 'signingKey.retire', `user:${userId}/key:${active.keyId}`);
  }

  return {
    register,
    prepare,
    retireActive,

    /**
     * The key to sign with, opened with the password the holder has just
     * typed (already checked against the account). An account from before
     * signatures gets its key now, registered with this signature.
     */
    signerFor(userId: string, holder: Actor, password: string): Signer {
      const active = keys.active(userId);
      if (!active) {
        const pair = newKeyPair();
        register(userId, { keyId: pair.keyId, publicKey: pair.publicKey, wrapped: wrapPrivateKeySync(pair.privateKey, pair.keyId, password, cost) }, holder);
        return { keyId: pair.keyId, privateKey: pair.privateKey };
      }
      const privateKey = active.wrapped ? unwrapPrivateKey(active.wrapped, active.keyId, password) : null;
      if (!privateKey) {
        throw new CommandError('CONFLICT', 'Your signing key does not open with your password, so nothing was signed. An administrator can reset your password, which issues you a new key.');
      }
      return { keyId: active.keyId, privateKey };
    },

    /**
     * For a password change: the key in use wrapped under the new password
     * (opened with the current one), or a new key for a signing account that
     * has none yet. Null for an account that holds no key.
     */
    async rewrapFor(userId: string, role: Role, current: string, next: string): Promise<KeyChange> {
      const active = keys.active(userId);
      const privateKey = active?.wrapped ? unwrapPrivateKey(active.wrapped, active.keyId, current) : null;
      if (active && privateKey) return { kind: 'rewrap', keyId: active.keyId, wrapped: await wrapPrivateKey(privateKey, active.keyId, next, cost) };
      if (!holdsKey(role)) return null;
      // No key yet, or one that no longer opens: a new one, the old one retired with the change.
      return { kind: 'new', key: await prepare(next) };
    },

    /** Stores what rewrapFor prepared; inside the password change's transaction. */
    applyRewrap(userId: string, by: Actor, change: KeyChange): void {
      if (!change) return;
      if (change.kind === 'rewrap') {
        keys.rewrap(change.keyId, change.wrapped, now());
        record(by, 'signingKey.rewrap', `user:${userId}/key:${change.keyId}`);
        return;
      }
      retireActive(userId, by, 'its private key no longer opened with the password');
      register(userId, change.key, by);
    },
  };
}
export type Keyring = ReturnType<typeof createKeyring>;
