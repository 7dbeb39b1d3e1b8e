/**
 * The signing-key registry (migration 015): public keys are only ever added
 * or retired, by trigger; the active key's wrapped private half sits apart and
 * is re-wrapped when its holder's password changes, removed when it is retired.
 */
import type { Actor } from '#shared/contract/common';
import type { Db } from '../connection';

export interface SigningKey {
  keyId: string;
  userId: string;
  publicKey: string;
  registeredAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  key_id: string;
  user_id: string;
  public_key: string;
  registered_at: string;
  retired_at: string | null;
}

const toKey = (r: KeyRow): SigningKey => ({ keyId: r.key_id, userId: r.user_id, publicKey: r.public_key, registeredAt: r.registered_at, retiredAt: r.retired_at });

export function createSigningKeyRepository(db: Db) {
  const byId = db.prepare<[string], KeyRow>('SELECT key_id, user_id, public_key, registered_at, retired_at FROM signing_keys WHERE key_id = ?');
  const activeOf = db.prepare<[string], KeyRow>('SELECT key_id, user_id, public_key, registered_at, retired_at FROM signing_keys WHERE user_id = ? AND retired_at IS NULL');
  const wrapOf = db.prepare<[string], string>('SELECT wrapped FROM signing_key_wraps WHERE key_id = ?').pluck();
  const insertKey = db.prepare(
    `INSERT INTO signing_keys (key_id, user_id, public_key, registered_at, registered_by_name, registered_by_role)
     VALUES (@keyId, @userId, @publicKey, @at, @byName, @byRole)`,
  );
  const insertWrap = db.prepare('INSERT INTO signing_key_wraps (key_id, wrapped, updated_at) VALUES (?, ?, ?)');
  const updateWrap = db.prepare('UPDATE signing_key_wraps SET wrapped = ?, updated_at = ? WHERE key_id = ?');
  const retire = db.prepare('UPDATE signing_keys SET retired_at = ?, retired_by_name = ?, retired_reason = ? WHERE key_id = ? AND retired_at IS NULL');
  const dropWrap = db.prepare('DELETE FROM signing_key_wraps WHERE key_id = ?');

  return {
    get(keyId: string): SigningKey | null {
      const row = byId.get(keyId);
      return row ? toKey(row) : null;
    },
    /** The account's key in use, with its wrapped private half. */
    active(userId: string): (SigningKey & { wrapped: string | null }) | null {
      const row = activeOf.get(userId);
      return row ? { ...toKey(row), wrapped: wrapOf.get(row.key_id) ?? null } : null;
    },
    register(key: { keyId: string; userId: string; publicKey: string; wrapped: string }, at: string, by: Actor): void {
      insertKey.run({ keyId: key.keyId, userId: key.userId, publicKey: key.publicKey, at, byName: by.name, byRole: by.role });
      insertWrap.run(key.keyId, key.wrapped, at);
    },
    rewrap(keyId: string, wrapped: string, at: string): void {
      updateWrap.run(wrapped, at, keyId);
    },
    /** Retires the key and destroys its private half; the public key stays to verify what it signed. */
    retire(keyId: string, at: string, by: Actor, reason: string): void {
      retire.run(at, by.name, reason, keyId);
      dropWrap.run(keyId);
    },
  };
}
export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>;
