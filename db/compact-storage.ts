/**
 * What a start does after migrating (issue 21 point 1): signed notes still
 * stored as text are compressed, and the checklists of encounters closed since
 * the last start are packed. Each works in batches, a transaction each, so a
 * stop midway resumes at the next start; on a file already compact both are a
 * read of the few rows left to do.
 */
import { archiveClosedChecklists } from './checklist-archive';
import type { Db } from './connection';
import { compactSignedNotes } from './note-storage';

export function compactStorage(db: Db, now: string, log: (line: string) => void): void {
  const notes = compactSignedNotes(db);
  if (notes) log(`${notes} signed notes stored compressed (migration 024)`);
  const checklists = archiveClosedChecklists(db, now);
  if (checklists) log(`${checklists} closed encounters' checklists packed (migration 024)`);
}
