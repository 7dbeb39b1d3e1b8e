/**
 * Sign-in, sessions and the idle lock. Sessions live in memory only: a restart
 * signs everyone out. Idle time is measured on a monotonic clock, so changing
 * the wall clock (or the laptop waking with a wrong time) neither locks nor
 * unlocks a session; the wall clock is used only for timestamps and lockouts.
 */
import { randomBytes } from 'node:crypto';
import type { SessionView } from '#shared/contract/auth';
import type { Actor } from '#shared/contract/common';
import type { Authenticate, Caller } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import { roleAllowed, type Access } from '#shared/contract/methods';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';
import { publicUser, type StoredUser, type UserRepository } from '../repositories/users';
import type { SettingsRepository } from '../repositories/settings';
import { AuditedRefusal } from '../audited-refusal';
import { createLockout, LOCKOUT, SIGN_IN_REFUSED } from './lockout';
import { decoyHash, DEFAULT_COST, hashPassword, verifyPassword, verifyPasswordSync, type ScryptCost } from './password';

export { LOCKOUT } from './lockout';

interface Session {
  token: string;
  userId: string;
  actor: Actor;
  lastActivity: number;
  locked: boolean;
}

export interface AuthOptions {
  db: Db;
  users: UserRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  /** Wall clock, for timestamps and lockout expiry. */
  now: () => Date;
  /** Monotonic milliseconds, for idle time. */
  monotonic: () => number;
  newId: () => string;
  cost?: ScryptCost;
}

export const actorOf = (user: StoredUser): Actor => ({ name: user.displayName, role: user.role });

/** A wrong password at a re-check; the one that locks the account says so. */
function wrongPassword(nothingDone: string, locks: boolean): string {
  return locks
    ? `The password is not right; ${nothingDone}. That was the last attempt allowed: the account is locked for ${LOCKOUT.minutes} minutes and you have been signed out.`
    : `The password is not right; ${nothingDone}.`;
}

export function createAuth(options: AuthOptions) {
  const { users, settings, audit } = options;
  const cost = options.cost ?? DEFAULT_COST;
  const sessions = new Map<string, Session>();
  let decoy: Promise<string> | null = null;
  const iso = () => options.now().toISOString();
  const lockout = createLockout({ users, audit, now: options.now });

  const record = (user: { name: string; role: string }, action: string, target: string | null = null) =>
    audit.append({ at: iso(), user, patientId: null, action, target });

  function view(session: Session): SessionView {
    const user = users.get(session.userId);
    if (!user) throw new CommandError('UNAUTHENTICATED', 'The account of this session no longer exists.');
    return { token: session.token, user: publicUser(user), locked: session.locked, idleLockMinutes: settings.get().idleLockMinutes, timeZone: settings.get().timeZone };
  }

  function open(user: StoredUser): SessionView {
    const token = randomBytes(32).toString('hex');
    const session: Session = { token, userId: user.id, actor: actorOf(user), lastActivity: options.monotonic(), locked: false };
    sessions.set(token, session);
    return view(session);
  }

  /** Locks the session if it has been idle for the configured time; returns whether it is locked. */
  function applyIdle(session: Session): void {
    if (session.locked) return;
    const idleMs = settings.get().idleLockMinutes * 60_000;
    if (options.monotonic() - session.lastActivity >= idleMs) {
      session.locked = true;
      record(session.actor, 'auth.idleLock', `user:${session.userId}`);
    }
  }

  function sessionOf(token: string | null): Session {
    const session = token ? sessions.get(token) : undefined;
    if (!session) throw new CommandError('UNAUTHENTICATED', 'Sign in to continue; nothing was changed.');
    const user = users.get(session.userId);
    if (!user?.active) {
      sessions.delete(session.token);
      throw new CommandError('UNAUTHENTICATED', 'This account has been deactivated; nothing was changed.');
    }
    return session;
  }

  const authenticate: Authenticate = (token, access: Exclude<Access, 'public'>, method): Caller => {
    const session = sessionOf(token);
    applyIdle(session);
    if (access !== 'session') {
      if (session.locked) throw new CommandError('LOCKED', 'The session is locked; enter your password to continue. Nothing was changed.');
      if (!roleAllowed(access, session.actor.role)) {
        throw new CommandError('FORBIDDEN', `${method} is not available to the ${session.actor.role} role.`);
      }
      session.lastActivity = options.monotonic();
    }
    return { actor: session.actor, userId: session.userId, token: session.token };
  };

  /** Checks a password without revealing whether the account exists. */
  async function passwordMatches(user: StoredUser | null, password: string): Promise<boolean> {
    if (!user) {
      decoy ??= decoyHash(cost);
      await verifyPassword(password, await decoy);
      return false;
    }
    return verifyPassword(password, user.passwordHash);
  }

  /** Ends every session of a user (deactivated or locked-out accounts are signed out at once). */
  function endSessionsOf(userId: string): void {
    for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
  }

  /** One wrong password for the account, audited and counted in one transaction; a lock ends its sessions. */
  function countFailure(actor: Actor, action: string, target: string, userId: string): boolean {
    const locked = options.db.transaction(() => {
      record(actor, action, target);
      return lockout.recordFailure(userId);
    }).immediate();
    if (locked) endSessionsOf(userId);
    return locked;
  }

  return {
    authenticate,

    status(token: string | null): { needsFirstAdmin: boolean; session: SessionView | null } {
      const session = token ? sessions.get(token) : undefined;
      if (session) applyIdle(session);
      return { needsFirstAdmin: users.count() === 0, session: session && users.get(session.userId)?.active ? view(session) : null };
    },

    async setupFirstAdmin(input: { username: string; displayName: string; password: string; timeZone?: string | undefined }): Promise<SessionView> {
      const passwordHash = await hashPassword(input.password, cost);
      const user = options.db.transaction(() => {
        // Checked inside the write transaction: two racing first starts cannot both create an admin.
        if (users.count() > 0) throw new CommandError('CONFLICT', 'An administrator already exists; sign in instead.');
        const id = options.newId();
        users.insert({ id, username: input.username, displayName: input.displayName, role: 'admin', passwordHash, createdAt: iso(), createdBy: null });
        const created = users.get(id)!;
        record(actorOf(created), 'users.create', `user:${id}`);
        record(actorOf(created), 'auth.login', `user:${id}`);
        // Stored at set-up, not read from the host each start: a clinic's times must not move with a laptop.
        // The settings row keeps who and when; the set-up itself is the users.create entry above.
        settings.update({ timeZone: input.timeZone ?? settings.get().timeZone }, iso(), actorOf(created));
        return created;
      }).immediate();
      return open(user);
    },

    async login(input: { username: string; password: string }): Promise<SessionView> {
      const refused = new CommandError('UNAUTHENTICATED', SIGN_IN_REFUSED);
      const found = users.byUsername(input.username);
      // The slow hash runs for every attempt (unknown name, locked account or not), and every refusal
      // reads the same: neither the answer nor its time tells whether the account exists.
      const matches = await passwordMatches(found, input.password);
      // Read again after the slow hash: guesses sent in parallel all passed the same count, so the
      // count and the lock must be the database's as it is now (no await from here to the write).
      const user = found ? users.get(found.id) : null;
      if (user && lockout.isLockedOut(user)) {
        record(actorOf(user), 'auth.loginRefusedLockedOut', `user:${user.id}`);
        throw refused;
      }
      if (!user || !matches || !user.active) {
        options.db.transaction(() => {
          if (user && !matches) lockout.recordFailure(user.id);
          record(user ? actorOf(user) : { name: input.username, role: 'unknown' }, 'auth.loginFailed', user ? `user:${user.id}` : null);
        }).immediate();
        throw user && matches && !user.active ? new CommandError('FORBIDDEN', 'This account has been deactivated.') : refused;
      }
      options.db.transaction(() => {
        users.clearFailures(user.id);
        record(actorOf(user), 'auth.login', `user:${user.id}`);
      }).immediate();
      return open(users.get(user.id)!);
    },

    logout(token: string): void {
      const session = sessions.get(token);
      if (!session) return;
      sessions.delete(token);
      record(session.actor, 'auth.logout', `user:${session.userId}`);
    },

    lock(token: string): SessionView {
      const session = sessionOf(token);
      if (!session.locked) {
        session.locked = true;
        record(session.actor, 'auth.lock', `user:${session.userId}`);
      }
      return view(session);
    },

    async unlock(token: string, password: string): Promise<SessionView> {
      const session = sessionOf(token);
      const right = await verifyPassword(password, users.get(session.userId)!.passwordHash);
      // Read after the slow hash, as at sign-in: guesses elsewhere may have locked the account meanwhile.
      const user = users.get(session.userId)!;
      if (lockout.isLockedOut(user)) {
        endSessionsOf(user.id);
        record(session.actor, 'auth.sessionEnded', `user:${user.id}`);
        throw new CommandError('UNAUTHENTICATED', lockout.lockedMessage(user, 'The session has ended.'));
      }
      if (!right) {
        if (countFailure(session.actor, 'auth.unlockFailed', `user:${user.id}`, user.id)) {
          record(session.actor, 'auth.sessionEnded', `user:${user.id}`);
          throw new CommandError('UNAUTHENTICATED', lockout.lockedMessage(users.get(user.id)!, 'The session has ended.'));
        }
        throw new CommandError('UNAUTHENTICATED', 'The password is not right; the session stays locked.', [{ path: 'password', message: 'the password is not right' }]);
      }
      lockout.recordSuccess(user);
      session.locked = false;
      session.lastActivity = options.monotonic();
      record(session.actor, 'auth.unlock', `user:${user.id}`);
      return view(session);
    },

    /**
     * A password typed again outside a write (changing one's password, an
     * administrator's reset): throws unless it is the caller's own. A wrong one
     * counts towards the lockout; a locked account is refused whatever is typed.
     */
    async confirmPassword(caller: Caller, password: string, purpose: string): Promise<void> {
      const right = await verifyPassword(password, users.get(caller.userId)?.passwordHash ?? '');
      const user = users.get(caller.userId);
      if (!user) throw new CommandError('UNAUTHENTICATED', 'The account of this session no longer exists.');
      if (lockout.isLockedOut(user)) {
        record(caller.actor, 'auth.reauthRefusedLockedOut', purpose);
        endSessionsOf(user.id);
        throw new CommandError('FORBIDDEN', lockout.lockedMessage(user, 'Nothing was changed; you have been signed out.'));
      }
      if (!right) {
        const locks = countFailure(caller.actor, 'auth.reauthFailed', purpose, user.id);
        throw new CommandError('FORBIDDEN', wrongPassword('nothing was changed', locks), [{ path: 'password', message: 'the password is not right' }]);
      }
      lockout.recordSuccess(user);
    },

    /**
     * Signing inside a write: checks the password synchronously so the
     * signature and its write commit together. A wrong password is refused,
     * and the refusal and its count towards the lockout are kept even though
     * the write's transaction rolls back (AuditedRefusal); a locked account is
     * refused whatever is typed. A right one starts the count again.
     */
    confirmPasswordSync(caller: Caller, password: string, purpose: string): void {
      const user = users.get(caller.userId);
      if (!user) throw new CommandError('UNAUTHENTICATED', 'The account of this session no longer exists.');
      const event = { at: iso(), user: caller.actor, patientId: null, target: purpose };
      if (lockout.isLockedOut(user)) {
        throw new AuditedRefusal('FORBIDDEN', lockout.lockedMessage(user, 'Nothing was signed; you have been signed out.'), [{ path: 'password', message: 'the account is locked' }],
          { ...event, action: 'auth.reauthRefusedLockedOut' }, () => endSessionsOf(user.id));
      }
      if (!verifyPasswordSync(password, user.passwordHash)) {
        throw new AuditedRefusal('FORBIDDEN', wrongPassword('nothing was signed', lockout.nextFailureLocks(user)), [{ path: 'password', message: 'the password is not right' }],
          { ...event, action: 'auth.reauthFailed' }, () => {
            if (lockout.recordFailure(user.id)) endSessionsOf(user.id);
          });
      }
      lockout.recordSuccess(user);
    },

    endSessionsOf,
  };
}
export type Auth = ReturnType<typeof createAuth>;
