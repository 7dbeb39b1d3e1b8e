/**
 * Start-up integrity. Before the app uses its database file it checks that the
 * file is ours and healthy. A damaged, truncated, non-SQLite, foreign or newer
 * file is never replaced by a fresh one: it is moved aside untouched (with its
 * -wal and -shm), and the app starts in recovery mode instead. The file is read
 * with the database key; an older install's unencrypted file is read without
 * one and reported as plaintext, to be encrypted once (db/encrypt-existing.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPlaintextDatabase, openKeyed, openUnencrypted, type Db } from './connection';
import type { DatabaseKey } from './keys/database-key';
import { ensureOwnerOnlyDir } from './owner-only-files';

/** Written into every ProcedureDesk database by migration 003 ('PDK1'). */
export const APPLICATION_ID = 0x50444b31;
/** Files up to this size get quick_check at every start, not only after a crash. */
export const QUICK_CHECK_ALWAYS_BELOW_BYTES = 64 * 1024 * 1024;
/** Present while the app has the database open; left behind by a crash. */
export const RUNNING_MARKER = 'proceduredesk.running';

export type Damage = 'not-a-file' | 'empty-file' | 'not-sqlite' | 'corrupt' | 'foreign' | 'newer-version';
/** Why a file was set aside: damage found at start-up, or replaced by a restore the user chose. */
export type SetAsideReason = Damage | 'replaced-by-restore';

export interface Inspection {
  state: 'absent' | 'ok' | 'damaged';
  damage?: Damage;
  detail?: string;
  /** The previous run did not close cleanly (marker left, or a WAL left behind). */
  uncleanShutdown: boolean;
  /** An unencrypted database from before encryption (state 'ok'): to be encrypted before use. */
  plaintext?: boolean;
}

/** What SQLite says when a file is not a database it can read: with a key, also "encrypted with another key". */
const NOT_READABLE = /file is not a database|SQLITE_NOTADB/i;

function uncleanShutdownOf(file: string): boolean {
  const wal = `${file}-wal`;
  return fs.existsSync(path.join(path.dirname(file), RUNNING_MARKER)) || (fs.existsSync(wal) && fs.statSync(wal).size > 0);
}

/**
 * Whether this start needs a quick_check too long for the main thread: after an
 * unclean shutdown, on a file above the always-checked size. The runtime then
 * runs it on a worker thread (db/sqlite-worker.ts) before it opens the core,
 * showing the app's "checking" screen meanwhile instead of a frozen window.
 */
export function needsLongQuickCheck(file: string): boolean {
  try {
    return uncleanShutdownOf(file) && fs.lstatSync(file).isFile() && fs.statSync(file).size > QUICK_CHECK_ALWAYS_BELOW_BYTES;
  } catch {
    return false;
  }
}

/**
 * Looks at the file without writing to it. quick_check runs after an unclean
 * shutdown, unless the caller has just run it on a worker (`quickCheckDone`).
 */
export function inspectDatabase(file: string, latestSchema: number, options: { key: DatabaseKey; quickCheckDone?: boolean }): Inspection {
  const wal = `${file}-wal`;
  const uncleanShutdown = uncleanShutdownOf(file);
  if (!fs.existsSync(file)) {
    // A WAL with no database is someone else's leftover: not ours to interpret.
    return fs.existsSync(wal) ? { state: 'damaged', damage: 'corrupt', detail: 'a WAL file without its database', uncleanShutdown } : { state: 'absent', uncleanShutdown };
  }
  const stat = fs.lstatSync(file);
  if (!stat.isFile()) return { state: 'damaged', damage: 'not-a-file', detail: 'the database path is not a regular file', uncleanShutdown };
  if (stat.size === 0) return { state: 'damaged', damage: 'empty-file', detail: 'the database file is empty', uncleanShutdown };
  const notOurs = { state: 'damaged', damage: 'not-sqlite', uncleanShutdown } as const;
  if (stat.size < 100) return { ...notOurs, detail: 'the file is not an SQLite database' };
  const plaintext = isPlaintextDatabase(file);

  let db: Db | null = null;
  try {
    // Read-only: a damaged file must not be touched, and a hot WAL is read, not checkpointed.
    try {
      db = plaintext ? openUnencrypted(file, { readonly: true, fileMustExist: true }) : openKeyed(file, options.key, { readonly: true, fileMustExist: true });
    } catch (error) {
      if (plaintext || !NOT_READABLE.test(String(error))) throw error;
      return { ...notOurs, detail: 'this computer\'s database key cannot read the file: it is not an SQLite database, is damaged, or was encrypted with another key' };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > latestSchema) return { state: 'damaged', damage: 'newer-version', detail: `schema ${version} is newer than this app (${latestSchema})`, uncleanShutdown };
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    const ours = appId === APPLICATION_ID || (appId === 0 && version <= 2 && db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'templates'").pluck().get() === 1);
    if (tables > 0 && !ours) return { state: 'damaged', damage: 'foreign', detail: 'an SQLite database of another application', uncleanShutdown };
    // Always after a crash; otherwise whenever it is cheap (quick_check is O(N): ~0.2 s per 300 MB).
    if (!options.quickCheckDone && (uncleanShutdown || stat.size <= QUICK_CHECK_ALWAYS_BELOW_BYTES)) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') return { state: 'damaged', damage: 'corrupt', detail: `quick_check: ${String(check).slice(0, 200)}`, uncleanShutdown };
    }
    return { state: 'ok', uncleanShutdown, ...(plaintext ? { plaintext } : {}) };
  } catch (error) {
    return { state: 'damaged', damage: 'corrupt', detail: error instanceof Error ? error.message : String(error), uncleanShutdown };
  } finally {
    db?.close();
  }
}

/** Moves the file (and its -wal/-shm) aside, untouched, into quarantine/<time>-<damage>/. */
export function quarantine(file: string, damage: SetAsideReason, now = new Date()): string {
  const target = path.join(path.dirname(file), 'quarantine', `${now.toISOString().replace(/[:.]/g, '-')}-${damage}`);
  ensureOwnerOnlyDir(path.dirname(target));
  ensureOwnerOnlyDir(target);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = `${file}${suffix}`;
    if (fs.existsSync(from)) fs.renameSync(from, path.join(target, path.basename(from)));
  }
  return target;
}
