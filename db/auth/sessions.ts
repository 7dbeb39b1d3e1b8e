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
import { decoyHash, DEFAULT_COST, hashPassword, verifyPassword, verifyPasswordSync, type ScryptCost } from './password';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;

interface Session {
  token: string;
  userId: string;
  actor: Actor;
  lastActivity: number;
  locked: boolean;
  /** Wrong passwords typed at the lock screen; too many end the session. */
  failedUnlocks: number;
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

const actorOf = (user: StoredUser): Actor => ({ name: user.displayName, role: user.role });

export function createAuth(options: AuthOptions) {
  const { users, settings, audit } = options;
  const cost = options.cost ?? DEFAULT_COST;
  const sessions = new Map<string, Session>();
  let decoy: Promise<string> | null = null;
  const iso = () => options.now().toISOString();

  const record = (user: { name: string; role: string }, action: string, target: string | null = null) =>
    audit.append({ at: iso(), user, patientId: null, action, target });

  function view(session: Session): SessionView {
    const user = users.get(session.userId);
    if (!user) throw new CommandError('UNAUTHENTICATED', 'The account of this session no longer exists.');
    return { token: session.token, user: publicUser(user), locked: session.locked, idleLockMinutes: settings.get().idleLockMinutes };
  }

  function open(user: StoredUser): SessionView {
    const token = randomBytes(32).toString('hex');
    const session: Session = { token, userId: user.id, actor: actorOf(user), lastActivity: options.monotonic(), locked: false, failedUnlocks: 0 };
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

  function isLockedOut(user: StoredUser): boolean {
    return user.lockedUntil !== null && Date.parse(user.lockedUntil) > options.now().getTime();
  }

  return {
    authenticate,

    status(token: string | null): { needsFirstAdmin: boolean; session: SessionView | null } {
      const session = token ? sessions.get(token) : undefined;
      if (session) applyIdle(session);
      return { needsFirstAdmin: users.count() === 0, session: session && users.get(session.userId)?.active ? view(session) : null };
    },

    async setupFirstAdmin(input: { username: string; displayName: string; password: string }): Promise<SessionView> {
      const passwordHash = await hashPassword(input.password, cost);
      const user = options.db.transaction(() => {
        // Checked inside the write transaction: two racing first starts cannot both create an admin.
        if (users.count() > 0) throw new CommandError('CONFLICT', 'An administrator already exists; sign in instead.');
        const id = options.newId();
        users.insert({ id, username: input.username, displayName: input.displayName, role: 'admin', passwordHash, createdAt: iso(), createdBy: null });
        const created = users.get(id)!;
        record(actorOf(created), 'users.create', `user:${id}`);
        record(actorOf(created), 'auth.login', `user:${id}`);
        return created;
      }).immediate();
      return open(user);
    },

    async login(input: { username: string; password: string }): Promise<SessionView> {
      const refused = new CommandError('UNAUTHENTICATED', 'The username or password is not right.');
      const refuseIfLockedOut = (user: StoredUser | null) => {
        if (user && isLockedOut(user)) {
          record(actorOf(user), 'auth.loginRefusedLockedOut', `user:${user.id}`);
          throw new CommandError('FORBIDDEN', `Too many failed sign-ins: this account is locked until ${new Date(user.lockedUntil!).toLocaleTimeString()} or until an administrator lifts the lock.`);
        }
      };
      const found = users.byUsername(input.username);
      refuseIfLockedOut(found);
      const matches = await passwordMatches(found, input.password);
      // Read again after the slow hash: guesses sent in parallel all passed the check above with the
      // same count, so the count and the lock must be the database's as it is now (no await from here
      // to the write below, so no other sign-in can interleave).
      const user = found ? users.get(found.id) : null;
      refuseIfLockedOut(user);
      if (!user || !matches || !user.active) {
        options.db.transaction(() => {
          if (user && !matches) {
            // A lockout that has run out starts the count again: one more slip is not another lockout.
            const expired = user.lockedUntil !== null && !isLockedOut(user);
            if (expired) users.clearFailures(user.id);
            const reachesLimit = (expired ? 0 : user.failedAttempts) + 1 >= LOCKOUT.attempts;
            const until = reachesLimit ? new Date(options.now().getTime() + LOCKOUT.minutes * 60_000).toISOString() : null;
            users.recordFailure(user.id, until);
            if (reachesLimit) record(actorOf(user), 'auth.accountLocked', `user:${user.id}`);
          }
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
      const user = users.get(session.userId)!;
      if (!(await verifyPassword(password, user.passwordHash))) {
        record(session.actor, 'auth.unlockFailed', `user:${session.userId}`);
        session.failedUnlocks += 1;
        if (session.failedUnlocks >= LOCKOUT.attempts) {
          // Guessing at a locked screen: end the session; signing in again is subject to the account lockout.
          sessions.delete(session.token);
          record(session.actor, 'auth.sessionEnded', `user:${session.userId}`);
          throw new CommandError('UNAUTHENTICATED', 'Too many wrong passwords: the session has ended. Sign in again.');
        }
        throw new CommandError('UNAUTHENTICATED', 'The password is not right; the session stays locked.', [{ path: 'password', message: 'the password is not right' }]);
      }
      session.locked = false;
      session.failedUnlocks = 0;
      session.lastActivity = options.monotonic();
      record(session.actor, 'auth.unlock', `user:${session.userId}`);
      return view(session);
    },

    /** Signing needs the password again: throws unless it is the caller's own. */
    async confirmPassword(caller: Caller, password: string, purpose: string): Promise<void> {
      const user = users.get(caller.userId);
      if (!user || !(await verifyPassword(password, user.passwordHash))) {
        record(caller.actor, 'auth.reauthFailed', purpose);
        throw new CommandError('FORBIDDEN', 'The password is not right; nothing was signed.', [{ path: 'password', message: 'the password is not right' }]);
      }
    },

    /**
     * Signing inside a write: checks the password synchronously so the
     * signature and its write commit together. A wrong password is refused
     * and the refusal is audited even though the write's transaction rolls back.
     */
    confirmPasswordSync(caller: Caller, password: string, purpose: string): void {
      const user = users.get(caller.userId);
      if (!user || !verifyPasswordSync(password, user.passwordHash)) {
        throw new AuditedRefusal('FORBIDDEN', 'The password is not right; nothing was signed.', [{ path: 'password', message: 'the password is not right' }], {
          at: iso(),
          user: caller.actor,
          patientId: null,
          action: 'auth.reauthFailed',
          target: purpose,
        });
      }
    },

    async changePassword(caller: Caller, current: string, next: string): Promise<void> {
      await this.confirmPassword(caller, current, 'auth.changePassword');
      const hash = await hashPassword(next, cost);
      options.db.transaction(() => {
        users.setPassword(caller.userId, hash, iso());
        record(caller.actor, 'auth.changePassword', `user:${caller.userId}`);
      }).immediate();
    },

    async createUser(caller: Caller, input: { username: string; displayName: string; role: Actor['role']; password: string }): Promise<StoredUser> {
      const ensureFree = () => {
        if (users.byUsername(input.username)) throw new CommandError('CONFLICT', `The username ${input.username} is taken.`, [{ path: 'username', message: 'this username is taken' }]);
        if (users.displayNameTaken(input.displayName)) {
          throw new CommandError('CONFLICT', `Another account is already called ${input.displayName}.`, [{ path: 'displayName', message: 'another account has this name; records must name one person' }]);
        }
      };
      ensureFree();
      const passwordHash = await hashPassword(input.password, cost);
      const id = options.newId();
      options.db.transaction(() => {
        // Again inside the write: a creation sent in parallel may have taken the name during the hash.
        ensureFree();
        users.insert({ id, username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: iso(), createdBy: caller.userId });
        record(caller.actor, 'users.create', `user:${id}`);
      }).immediate();
      return users.get(id)!;
    },

    /** Ends every session of a user (deactivated accounts are signed out at once). */
    endSessionsOf(userId: string): void {
      for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
    },
  };
}
export type Auth = ReturnType<typeof createAuth>;
