/** Sign-in, the session lock, accounts and clinic settings. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { Accounts } from '../auth/accounts';
import type { Auth } from '../auth/sessions';
import { publicUser, type UserRepository } from '../repositories/users';
import type { SettingsRepository } from '../repositories/settings';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';
import { outboxFolderProblem } from '../export/atomic-write';
import type { ConsoleCode } from '../auth/console-code';

type AuthMethods =
  | 'auth.status' | 'auth.setupFirstAdmin' | 'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'
  | 'users.list' | 'users.create' | 'users.setActive' | 'users.clearLockout' | 'users.resetPassword' | 'settings.get' | 'settings.update';

export function authHandlers(deps: {
  db: Db; auth: Auth; accounts: Accounts; users: UserRepository; settings: SettingsRepository; audit: AuditLog; now: () => string;
  /** Whether a procedure template with this id exists (per-template note settings). */
  knownTemplate: (id: string) => boolean;
  /** Browser mode: the first administrator needs the code printed on the host's console. */
  consoleCode?: ConsoleCode | null;
}): Pick<Handlers, AuthMethods> {
  const { auth, accounts, users, settings, audit, db, now, knownTemplate } = deps;
  const consoleCode = deps.consoleCode ?? null;
  const existing = (userId: string) => {
    const user = users.get(userId);
    if (!user) throw new CommandError('NOT_FOUND', 'No such account.');
    return user;
  };
  return {
    'auth.status': (_input, { token }) => {
      const status = auth.status(token);
      return { ...status, needsConsoleCode: status.needsFirstAdmin && consoleCode !== null };
    },
    'auth.setupFirstAdmin': ({ consoleCode: given, ...input }) => {
      // Checked before the slow hash, and only while no account exists (afterwards the answer is CONFLICT).
      if (consoleCode && users.count() === 0 && !consoleCode.check(given)) {
        audit.append({ at: now(), user: { name: input.username, role: 'unknown' }, patientId: null, action: 'auth.consoleCodeRefused', target: 'auth.setupFirstAdmin' });
        throw new CommandError('FORBIDDEN', 'The one-time code is not right: type the code printed in the console window that started ProcedureDesk. Nothing was created.', [
          { path: 'consoleCode', message: 'not the code printed on the console' },
        ]);
      }
      return auth.setupFirstAdmin(input);
    },
    'auth.login': (input) => auth.login(input),
    'auth.logout': (_input, { token }) => {
      auth.logout(token);
      return { ended: true };
    },
    'auth.lock': (_input, { token }) => auth.lock(token),
    'auth.unlock': ({ password }, { token }) => auth.unlock(token, password),
    'auth.changePassword': async ({ currentPassword, newPassword }, { caller }) => {
      await accounts.changePassword(caller, currentPassword, newPassword);
      return { changed: true };
    },
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
    'users.clearLockout': ({ userId }, { caller }) => {
      const user = existing(userId);
      db.transaction(() => {
        users.clearFailures(userId);
        audit.append({ at: now(), user: caller.actor, patientId: null, action: 'users.clearLockout', target: `user:${user.id}` });
      }).immediate();
      return publicUser(existing(userId));
    },
    'settings.get': () => settings.get(),
    'settings.update': (changes, { caller }) => {
      if (changes.outboxFolder) {
        const problem = outboxFolderProblem(changes.outboxFolder);
        if (problem) throw new CommandError('INVALID_INPUT', `The outbox folder cannot be used: ${problem}.`, [{ path: 'outboxFolder', message: problem }]);
      }
      const unknownTemplates = Object.keys(changes.noteFieldsOff ?? {}).filter((id) => !knownTemplate(id));
      if (unknownTemplates.length) {
        throw new CommandError('INVALID_INPUT', `No procedure template ${unknownTemplates.join(', ')}.`, unknownTemplates.map((id) => ({ path: `noteFieldsOff.${id}`, message: 'unknown template' })));
      }
      db.transaction(() => {
        settings.update(changes, now(), caller.actor);
        audit.append({ at: now(), user: caller.actor, patientId: null, action: 'settings.update', target: `settings:${Object.keys(changes).join(',')}` });
      }).immediate();
      return settings.get();
    },
  };
}
