/**
 * Making and changing accounts: an administrator creates one (saying whose it
 * is), a holder changes their own password, an administrator resets another's.
 * Each step that touches a password also keeps the holder's signing key in
 * step with it (db/signing/keyring.ts), in the same transaction as the change.
 */
import type { Actor, Role } from '#shared/contract/common';
import type { Caller } from '#shared/contract/dispatcher';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import { CommandError } from '#shared/contract/errors';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';
import type { StoredUser, UserRepository } from '../repositories/users';
import { holdsKey, type Keyring } from '../signing/keyring';
import { hashPassword, type ScryptCost } from './password';
import type { Auth } from './sessions';

export interface AccountsOptions {
  db: Db;
  users: UserRepository;
  audit: AuditLog;
  auth: Auth;
  keyring: Keyring;
  now: () => string;
  newId: () => string;
  cost: ScryptCost;
}

export function createAccounts(options: AccountsOptions) {
  const { db, users, audit, auth, keyring, now, cost } = options;
  const record = (by: Actor, action: string, target: string) => audit.append({ at: now(), user: by, patientId: null, action, target });

  return {
    /**
     * An administrator creates an account and says whose it is. Why a mark and
     * not a second administrator's approval (issue 16): many small clinics have
     * one administrator, often also a physician who needs a clinical account of
     * their own; an approval step would block them or be waved through by the
     * same person. Instead an account made "for myself" carries that mark for
     * good (a trigger keeps it), shown on the users list and in the account's
     * own header, and audited; saying "someone else" is the administrator's
     * recorded statement. Either way it is never quiet.
     */
    async create(caller: Caller, input: { username: string; displayName: string; role: Role; password: string; holder: 'someone-else' | 'self'; provider?: ProviderIdentity | null }): Promise<StoredUser> {
      const ensureFree = () => {
        if (users.byUsername(input.username)) throw new CommandError('CONFLICT', `The username ${input.username} is taken.`, [{ path: 'username', message: 'this username is taken' }]);
        if (users.displayNameTaken(input.displayName)) {
          throw new CommandError('CONFLICT', `Another account is already called ${input.displayName}.`, [{ path: 'displayName', message: 'another account has this name; records must name one person' }]);
        }
      };
      ensureFree();
      const passwordHash = await hashPassword(input.password, cost);
      // The key's holder is the account's: wrapped under the initial password, re-wrapped when they change it.
      const key = holdsKey(input.role) ? await keyring.prepare(input.password) : null;
      const id = options.newId();
      const forSelf = input.holder === 'self';
      db.transaction(() => {
        // Again inside the write: a creation sent in parallel may have taken the name during the hash.
        ensureFree();
        users.insert({ id, username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: now(), createdBy: caller.userId, createdForSelf: forSelf });
        if (input.provider) users.setProvider(id, input.provider);
        record(caller.actor, 'users.create', `user:${id}${forSelf ? '/for-self' : ''}`);
        if (key) keyring.register(id, key, caller.actor);
      }).immediate();
      return users.get(id)!;
    },

    /** One's own password: the current one again (counted towards the lockout); the signing key is re-wrapped. */
    async changePassword(caller: Caller, current: string, next: string): Promise<void> {
      await auth.confirmPassword(caller, current, 'auth.changePassword');
      const user = users.get(caller.userId)!;
      const hash = await hashPassword(next, cost);
      const keyChange = await keyring.rewrapFor(user.id, user.role, current, next);
      db.transaction(() => {
        users.setPassword(caller.userId, hash, now());
        keyring.applyRewrap(user.id, caller.actor, keyChange);
        record(caller.actor, 'auth.changePassword', `user:${caller.userId}`);
      }).immediate();
    },

    /**
     * An administrator resets another account's password (their own password
     * again first). The holder's old key cannot be re-wrapped (its password is
     * what was lost), so it is retired, its private half destroyed and its
     * public half kept: what it signed still verifies. A new key is issued
     * under the new password. The account's sessions end; the reset shows on
     * the users list and in the audit trail.
     */
    async resetPassword(caller: Caller, input: { userId: string; newPassword: string; adminPassword: string }): Promise<StoredUser> {
      const target = users.get(input.userId);
      if (!target) throw new CommandError('NOT_FOUND', 'No such account.');
      if (target.id === caller.userId) throw new CommandError('CONFLICT', 'Change your own password with your current one (Change password), not with a reset.');
      await auth.confirmPassword(caller, input.adminPassword, `user:${target.id}/resetPassword`);
      const hash = await hashPassword(input.newPassword, cost);
      const key = holdsKey(target.role) ? await keyring.prepare(input.newPassword) : null;
      db.transaction(() => {
        users.resetPassword(target.id, hash, now(), caller.userId);
        keyring.retireActive(target.id, caller.actor, `password reset by ${caller.actor.name}`);
        if (key) keyring.register(target.id, key, caller.actor);
        record(caller.actor, 'users.resetPassword', `user:${target.id}`);
      }).immediate();
      auth.endSessionsOf(target.id);
      return users.get(target.id)!;
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
