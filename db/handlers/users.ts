/** The administrator's accounts screen: list, create, deactivate, clear a lockout, reset a password. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { Accounts } from '../auth/accounts';
import type { Auth } from '../auth/sessions';
import { publicUser, type UserRepository } from '../repositories/users';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';

type UsersMethods = 'users.list' | 'users.create' | 'users.setActive' | 'users.clearLockout' | 'users.resetPassword' | 'users.setProvider';

export function usersHandlers(deps: { db: Db; auth: Auth; accounts: Accounts; users: UserRepository; audit: AuditLog; now: () => string }): Pick<Handlers, UsersMethods> {
  const { auth, accounts, users, audit, db, now } = deps;
  const existing = (userId: string) => {
    const user = users.get(userId);
    if (!user) throw new CommandError('NOT_FOUND', 'No such account.');
    return user;
  };
  return {
    'users.list': () => users.list().map(publicUser),
    'users.create': async (input, { caller }) => publicUser(await accounts.create(caller, input)),
    'users.resetPassword': async (input, { caller }) => publicUser(await accounts.resetPassword(caller, input)),
    'users.setActive': ({ userId, active }, { caller }) => {
      const user = existing(userId);
      if (!active && userId === caller.userId) throw new CommandError('CONFLICT', 'You cannot deactivate your own account.');
      db.transaction(() => {
        users.setActive(userId, active);
        audit.append({ at: now(), user: caller.actor, patientId: null, action: active ? 'users.reactivate' : 'users.deactivate', target: `user:${user.id}` });
      }).immediate();
      if (!active) auth.endSessionsOf(userId);
      return publicUser(existing(userId));
    },
    'users.setProvider': ({ userId, provider }, { caller }) => {
      const user = existing(userId);
      db.transaction(() => {
        users.setProvider(userId, provider);
        const ids = provider ? [provider.npi ? `npi:${provider.npi}` : null, provider.localId ? `local:${provider.localId}` : null].filter(Boolean).join(',') : 'cleared';
        audit.append({ at: now(), user: caller.actor, patientId: null, action: 'users.setProvider', target: `user:${user.id}/${ids}` });
      }).immediate();
      return publicUser(existing(userId));
    },
    'users.clearLockout': ({ userId }, { caller }) => {
      const user = existing(userId);
      db.transaction(() => {
        users.clearFailures(userId);
        audit.append({ at: now(), user: caller.actor, patientId: null, action: 'users.clearLockout', target: `user:${user.id}` });
      }).immediate();
      return publicUser(existing(userId));
    },
  };
}
