/**
 * The one way to open the database. Every open, of a fresh or an existing file,
 * sets the same pragmas: a clinical write is acknowledged only after it is on disk.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Pragmas applied on every open; re-checked by tests on a re-opened file. */
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  /** FULL: in WAL mode each commit syncs the WAL, so commits survive power loss. */
  synchronous: 2,
  foreign_keys: 1,
  busy_timeout: 5000,
  /** Schema contents (views, triggers) never run app-defined functions. */
  trusted_schema: 0,
} as const;

export class DatabaseTooNewError extends Error {
  constructor(readonly fileVersion: number, readonly appVersion: number) {
    super(
      `This data file was written by a newer ProcedureDesk (schema ${fileVersion}; this app knows up to ${appVersion}). ` +
        'It has not been opened for writing. Update ProcedureDesk to use it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens `file`, refusing (before anything is written) a file whose schema is newer
 * than `latestSchema`, then applies the required pragmas.
 */
export function openDatabase(file: string, latestSchema: number): Db {
  const db = new Database(file);
  try {
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    if (fileVersion > latestSchema) throw new DatabaseTooNewError(fileVersion, latestSchema);
    applyPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyPragmas(db: Db): void {
  const mode = db.pragma(`journal_mode = ${REQUIRED_PRAGMAS.journal_mode}`, { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch the database to WAL mode (got ${String(mode)})`);
  db.pragma(`synchronous = ${REQUIRED_PRAGMAS.synchronous}`);
  db.pragma(`foreign_keys = ${REQUIRED_PRAGMAS.foreign_keys}`);
  db.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  db.pragma(`trusted_schema = ${REQUIRED_PRAGMAS.trusted_schema}`);
  if (process.platform === 'darwin') {
    // macOS fsync does not flush the drive cache; F_FULLFSYNC does.
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
}

/** Reads back the pragmas that must hold on every connection. */
export function readPragmas(db: Db): Record<keyof typeof REQUIRED_PRAGMAS, unknown> {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
    trusted_schema: db.pragma('trusted_schema', { simple: true }),
  };
}
