/**
 * The storage changes of issue 21 point 1, in the order they were made, each
 * applied to a data set written the old way, as the app applies it at start.
 */
import { openCore } from '#db/core';

export interface StorageChange {
  label: string;
  apply(dataDir: string): void;
}

export const STORAGE_CHANGES: StorageChange[] = [
  {
    // openCore converts what is still uncompressed (db/note-storage.ts), batch by batch.
    label: 'signed note compressed (023)',
    apply: (dataDir) => openCore({ dataDir }).close(),
  },
];
