/** Sign-in, the session lock and one's own password. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { Accounts } from '../auth/accounts';
import type { Auth } from '../auth/sessions';
import type { UserRepository } from '../repositories/users';
import type { AuditLog } from '../audit';
import type { ConsoleCode } from '../auth/console-code';

type AuthMethods = 'auth.status' | 'auth.setupFirstAdmin' | 'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword';

export function authHandlers(deps: {
  auth: Auth; accounts: Accounts; users: UserRepository; audit: AuditLog; now: () => string;
  /** Browser mode: the first administrator needs the code printed on the host's console. */
  consoleCode?: ConsoleCode | null;
}): Pick<Handlers, AuthMethods> {
  const { auth, accounts, users, audit, now } = deps;
  const consoleCode = deps.consoleCode ?? null;
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
  };
}
