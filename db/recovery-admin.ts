/**
 * Who may replace the database (restore a backup, start empty): an active
 * administrator of the file that takes its place, by username and password as
 * they were in that file. The file being replaced may be damaged, and whoever
 * reached the recovery screen has only the launch secret, which is no proof of
 * being anyone. Wrong passwords are counted: five in a row stop further tries
 * for fifteen minutes (LOCKOUT, as for sign-in).
 */
import { CommandError } from '#shared/contract/errors';
import type { Actor } from '#shared/contract/common';
import { decoyHash, verifyPassword, type ScryptCost } from './auth/password';
import { LOCKOUT } from './auth/sessions';
import { isPlaintextDatabase, openKeyed, openUnencrypted } from './connection';
import type { DatabaseKey } from './keys/database-key';

interface StoredAdmin {
  display_name: string;
  role: string;
  active: number;
  password_hash: string;
}

/** The administrator with these credentials in a database file (read-only), or null. */
export async function adminInFile(file: string, key: DatabaseKey, username: string, password: string, decoy: () => Promise<string>): Promise<Actor | null> {
  let row: StoredAdmin | undefined;
  // A backup is encrypted with the database key; only an older install's file is still plaintext.
  const db = isPlaintextDatabase(file) ? openUnencrypted(file, { readonly: true, fileMustExist: true }) : openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const hasUsers = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    row = hasUsers ? db.prepare<[string], StoredAdmin>('SELECT display_name, role, active, password_hash FROM users WHERE username = ?').get(username.trim().toLowerCase()) : undefined;
  } finally {
    db.close();
  }
  // An unknown name takes as long to refuse as a wrong password.
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoy()));
  if (!row || !matches || row.role !== 'admin' || row.active !== 1) return null;
  return { name: row.display_name, role: 'admin' };
}

export function createRecoveryGate(options: { key: DatabaseKey; cost?: ScryptCost; now?: () => number; log?: (m: string) => void }) {
  const now = options.now ?? Date.now;
  let failures = 0;
  let blockedUntil = 0;
  let decoy: Promise<string> | null = null;
  const makeDecoy = () => (decoy ??= decoyHash(options.cost ?? { N: 2 ** 15, r: 8, p: 1 }));
  return {
    /** The administrator of `file` with these credentials; refuses (FORBIDDEN) otherwise, changing nothing. */
    async admin(file: string, what: string, username: string | undefined, password: string | undefined): Promise<Actor> {
      if (now() < blockedUntil) {
        throw new CommandError('FORBIDDEN', `Too many wrong administrator passwords: try again after ${new Date(blockedUntil).toLocaleTimeString()}. Nothing was changed.`);
      }
      if (!username || !password) {
        throw new CommandError('FORBIDDEN', `An administrator's username and password (as they were in ${what}) are needed. Nothing was changed.`, [{ path: 'password', message: 'required' }]);
      }
      const admin = await adminInFile(file, options.key, username, password, makeDecoy);
      if (admin) {
        failures = 0;
        return admin;
      }
      failures += 1;
      options.log?.(`recovery refused: no active administrator ${JSON.stringify(username)} with that password in ${what}`);
      if (failures >= LOCKOUT.attempts) {
        failures = 0;
        blockedUntil = now() + LOCKOUT.minutes * 60_000;
      }
      throw new CommandError('FORBIDDEN', `That is not the username and password of an active administrator in ${what}. Nothing was changed.`, [{ path: 'password', message: 'not an administrator of this file' }]);
    },
  };
}
export type RecoveryGate = ReturnType<typeof createRecoveryGate>;
