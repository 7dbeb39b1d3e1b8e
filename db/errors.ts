/** Maps SQLite failures onto the contract's error codes. */
import { CommandError } from '#shared/contract/errors';

const STORAGE = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB)/;

export function translateSqliteError(error: unknown): CommandError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (STORAGE.test(code)) {
    const why = code.startsWith('SQLITE_FULL') ? 'the disk is full' : `storage error ${code}`;
    return new CommandError('STORAGE_FAILED', `The change could not be saved (${why}); nothing was changed.`, { sqlite: code });
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new CommandError('CONFLICT', 'The record already exists; nothing was changed.', { sqlite: code });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new CommandError('NOT_FOUND', 'A referenced record does not exist; nothing was changed.', { sqlite: code });
  }
  return undefined;
}
