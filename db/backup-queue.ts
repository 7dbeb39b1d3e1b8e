/**
 * The runtime's backups, one at a time: the start-up, scheduled and requested ones queue behind
 * each other, so two never copy the same file at once, and a restore can wait for the one running.
 */
import path from 'node:path';
import { CommandError } from '#shared/contract/errors';
import { createBackup, type BackupInfo } from './backup';
import type { Core } from './core';
import type { DatabaseKey } from './keys/database-key';

export function backupQueue(o: {
  /** The open core, if any. */
  current: () => Core | null;
  /** A background check is running: a backup now would hold changes the side journal also holds. */
  checking: () => boolean;
  databaseKey: DatabaseKey;
  dir: string;
  signal: AbortSignal;
  log: (line: string) => void;
}) {
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * Rows changed on the core's connection when the last backup began (SQLite's
   * total_changes(); the core's one connection is the only writer). A scheduled
   * backup with nothing changed since would be a generation with nothing in it.
   */
  let changesAtLastBackup: number | null = null;
  const changesSoFar = (c: Core): number => c.db.prepare('SELECT total_changes()').pluck().get() as number;

  function queued(when: 'always' | 'if-changed'): Promise<BackupInfo | null> {
    const next = queue.then(async () => {
      const open = o.current();
      if (!open) throw new CommandError('UNAVAILABLE', 'There is no open database to back up.');
      // A restore would otherwise apply the journal's changes twice.
      if (o.checking()) throw new CommandError('UNAVAILABLE', 'Backups wait until the background check of the data file is over; nothing was changed.');
      const changes = changesSoFar(open);
      if (when === 'if-changed' && changes === changesAtLastBackup) return null;
      const info = await createBackup(open.db, o.databaseKey, o.dir, { signal: o.signal });
      changesAtLastBackup = changes;
      return info;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /** A backup logged rather than thrown: the start-up and scheduled ones. */
  async function now(when: 'always' | 'if-changed' = 'always'): Promise<void> {
    try {
      const info = await queued(when);
      o.log(info ? `backup written: ${path.basename(info.file)} (${info.bytes} bytes)` : 'backup skipped: nothing changed since the last one');
    } catch (error) {
      o.log(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    queued,
    now,
    /** A new core (opened or restored): its first scheduled backup is never skipped. */
    reset: () => { changesAtLastBackup = null; },
    /** Settles when the backups queued so far have finished. */
    settled: (): Promise<unknown> => queue,
  };
}
