/**
 * Accounts: created, deactivated, locked after failed sign-ins, reset by an
 * administrator; never deleted. Each is read with who created it (and whether
 * for themself), who last reset its password, and its signing key in use.
 */
import type { User } from '#shared/contract/auth';
import type { Role } from '#shared/contract/common';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import type { Db } from '../connection';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  created_for_self: number;
  password_reset_at: string | null;
  created_by_name: string | null;
  reset_by_name: string | null;
  signing_key_id: string | null;
  npi: string | null;
  provider_local_id: string | null;
  provider_family_name: string | null;
  provider_given_name: string | null;
}

function providerOf(row: UserRow): ProviderIdentity | null {
  if (row.npi === null && row.provider_local_id === null) return null;
  return { npi: row.npi, localId: row.provider_local_id, familyName: row.provider_family_name ?? '', givenName: row.provider_given_name ?? '' };
}

export interface StoredUser extends User {
  passwordHash: string;
  failedAttempts: number;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    lockedUntil: row.locked_until,
    createdBy: row.created_by_name,
    createdForSelf: row.created_for_self === 1,
    passwordResetAt: row.password_reset_at,
    passwordResetBy: row.reset_by_name,
    signingKeyId: row.signing_key_id,
    provider: providerOf(row),
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
  };
}

/** The public view: never the hash. */
export function publicUser(user: StoredUser): User {
  const { passwordHash: _hash, failedAttempts: _failed, ...rest } = user;
  return rest;
}

export function createUserRepository(db: Db) {
  const count = db.prepare<[], number>('SELECT count(*) FROM users').pluck();
  const SELECT = `SELECT u.*, c.display_name AS created_by_name, r.display_name AS reset_by_name, k.key_id AS signing_key_id
    FROM users u LEFT JOIN users c ON c.id = u.created_by LEFT JOIN users r ON r.id = u.password_reset_by
      LEFT JOIN signing_keys k ON k.user_id = u.id AND k.retired_at IS NULL`;
  const byId = db.prepare<[string], UserRow>(`${SELECT} WHERE u.id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`${SELECT} WHERE u.username = ?`);
  const all = db.prepare<[], UserRow>(`${SELECT} ORDER BY u.active DESC, u.display_name COLLATE NOCASE`);
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, created_by, password_changed_at, created_for_self)
     VALUES (@id, @username, @displayName, @role, @passwordHash, @createdAt, @createdBy, @createdAt, @createdForSelf)`,
  );
  const recordFailure = db.prepare('UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?');
  const clearFailures = db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const setActive = db.prepare('UPDATE users SET active = ? WHERE id = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
  const resetPassword = db.prepare(
    'UPDATE users SET password_hash = ?, password_changed_at = ?, password_reset_at = ?, password_reset_by = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const setProvider = db.prepare(
    'UPDATE users SET npi = @npi, provider_local_id = @localId, provider_family_name = @familyName, provider_given_name = @givenName WHERE id = @id',
  );
  const byDisplayName = db.prepare<[string], UserRow>(`${SELECT} WHERE u.display_name = ? COLLATE NOCASE`);
  const nameTaken = db.prepare<[string], number>('SELECT count(*) FROM users WHERE display_name = ? COLLATE NOCASE').pluck();

  return {
    count: () => count.get() ?? 0,
    get: (id: string): StoredUser | null => {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    byUsername: (username: string): StoredUser | null => {
      const row = byUsername.get(username);
      return row ? toUser(row) : null;
    },
    list: (): StoredUser[] => all.all().map(toUser),
    /** Records name people by display name, unique across accounts: the export finds the account's identifiers by it. */
    byDisplayName: (name: string): StoredUser | null => {
      const row = byDisplayName.get(name);
      return row ? toUser(row) : null;
    },
    setProvider(id: string, provider: ProviderIdentity | null): void {
      setProvider.run({ id, npi: provider?.npi ?? null, localId: provider?.localId ?? null, familyName: provider?.familyName ?? null, givenName: provider?.givenName ?? null });
    },
    displayNameTaken: (name: string): boolean => (nameTaken.get(name) ?? 0) > 0,
    insert(user: { id: string; username: string; displayName: string; role: Role; passwordHash: string; createdAt: string; createdBy: string | null; createdForSelf?: boolean }): void {
      insert.run({ ...user, createdForSelf: user.createdForSelf ? 1 : 0 });
    },
    /** One more failed sign-in; lockedUntil is set when the limit is reached. */
    recordFailure(id: string, lockedUntil: string | null): void {
      recordFailure.run(lockedUntil, id);
    },
    clearFailures(id: string): void {
      clearFailures.run(id);
    },
    setActive(id: string, active: boolean): void {
      setActive.run(active ? 1 : 0, id);
    },
    setPassword(id: string, hash: string, at: string): void {
      setPassword.run(hash, at, id);
    },
    /** An administrator's reset: the new password, who and when, and any lock lifted. */
    resetPassword(id: string, hash: string, at: string, byUserId: string): void {
      resetPassword.run(hash, at, at, byUserId, id);
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
