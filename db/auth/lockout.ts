/**
 * The one account lockout. Every wrong password typed for an account counts
 * towards it, wherever it was typed: sign-in, the lock screen, and every
 * re-check of the password (signing a note or an addendum, an override, the
 * time-out, changing the password, an administrator's reset). A right password
 * at any of them starts the count again, as a sign-in always did.
 */
import type { AuditLog } from '../audit';
import type { StoredUser, UserRepository } from '../repositories/users';

/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;

/**
 * The answer to every refused sign-in, whether the name is unknown, the
 * password wrong or the account locked: identical, so it never tells whether
 * an account exists (issue 16). It still tells a locked-out person what to do.
 */
export const SIGN_IN_REFUSED =
  `The username or password is not right, or the account is locked after repeated wrong passwords (for ${LOCKOUT.minutes} minutes, or until an administrator lifts the lock).`;

export function createLockout(deps: { users: UserRepository; audit: AuditLog; now: () => Date }) {
  const { users, audit, now } = deps;
  const isLockedOut = (user: Pick<StoredUser, 'lockedUntil'>): boolean => user.lockedUntil !== null && Date.parse(user.lockedUntil) > now().getTime();
  /** The count a new failure adds to: a lock that has run out starts it again (one more slip is not another lock). */
  const countSoFar = (user: StoredUser): number => (user.lockedUntil !== null && !isLockedOut(user) ? 0 : user.failedAttempts);

  return {
    isLockedOut,

    /** Whether one more wrong password would lock the account (for the message of the refusal that does it). */
    nextFailureLocks: (user: StoredUser): boolean => countSoFar(user) + 1 >= LOCKOUT.attempts,

    /**
     * Counts one wrong password against the account, as it is in the database
     * now; returns whether the account is now locked. The caller supplies the
     * transaction (the count and its audit entries commit together).
     */
    recordFailure(userId: string): boolean {
      const user = users.get(userId);
      if (!user) return false;
      if (user.lockedUntil !== null && !isLockedOut(user)) users.clearFailures(user.id);
      const locks = countSoFar(user) + 1 >= LOCKOUT.attempts;
      users.recordFailure(user.id, locks ? new Date(now().getTime() + LOCKOUT.minutes * 60_000).toISOString() : null);
      if (locks) audit.append({ at: now().toISOString(), user: { name: user.displayName, role: user.role }, patientId: null, action: 'auth.accountLocked', target: `user:${user.id}` });
      return locks;
    },

    /** A right password: the count starts again. */
    recordSuccess(user: StoredUser): void {
      if (user.failedAttempts > 0 || user.lockedUntil !== null) users.clearFailures(user.id);
    },

    /** Said to the signed-in holder of a locked account (never at sign-in, where it would reveal the account). */
    lockedMessage(user: Pick<StoredUser, 'lockedUntil'>, nothingDone: string): string {
      const until = user.lockedUntil ? new Date(user.lockedUntil).toLocaleTimeString() : 'later';
      return `Too many wrong passwords: this account is locked until ${until}, or until an administrator lifts the lock. ${nothingDone}`;
    },
  };
}
export type Lockout = ReturnType<typeof createLockout>;
