/**
 * The storage changes of issue 21 point 1, in the order they were made, each
 * applied to a data set written the old way with the code the app runs at
 * start (db/compact-storage.ts runs both there, in background steps; here each runs to the end at once so it can be measured on its own).
 */
import { archiveClosedChecklists } from '#db/checklist-archive';
import { openCore } from '#db/core';
import type { Db } from '#db/connection';
import { compactSignedNotes } from '#db/note-storage';

export interface StorageChange {
  label: string;
  apply(dataDir: string): void;
}

function onCore(dataDir: string, step: (db: Db) => void): void {
  const core = openCore({ dataDir, storageCompaction: false });
  try {
    step(core.db);
  } finally {
    core.close();
  }
}

export const STORAGE_CHANGES: StorageChange[] = [
  { label: 'signed note compressed', apply: (dataDir) => onCore(dataDir, (db) => compactSignedNotes(db)) },
  { label: 'closed checklists packed', apply: (dataDir) => onCore(dataDir, (db) => archiveClosedChecklists(db, new Date().toISOString())) },
];
