/**
 * Part of benchmark 3: the backup the app takes after every start (and every
 * 30 minutes when something changed; db/runtime.ts), on the whole data set:
 * on a worker thread, VACUUM INTO from a read-only connection into a temporary
 * encrypted file in one read snapshot, leaving WAL mode, integrity_check and
 * fsync of the copy; then the rename. Reported with the longest time the main thread was blocked
 * meanwhile (every call, a checklist click included, waits that long), against
 * the floor of copying the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '#db/backup';
import { openCore } from '#db/core';
import { DATABASE_FILE } from '#db/paths';
import type { Dataset } from '../data/dataset';
import { longestBlock } from '../lib/main-thread';
import { summarize } from '../lib/stats';
import type { Measurement } from '../lib/result';

/** Larger files are not copied twice more here (it grows linearly; see the smaller sizes). */
const MAX_BYTES = 13 * 2 ** 30;

export async function benchBackup(ds: Dataset): Promise<Measurement[]> {
  const dir = path.join(ds.dataDir, 'bench-backup');
  const free = fs.statfsSync(ds.dataDir);
  if (ds.bytes > MAX_BYTES || free.bavail * free.bsize < 2.5 * ds.bytes) return [];
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  try {
    let t = performance.now();
    fs.copyFileSync(path.join(ds.dataDir, DATABASE_FILE), path.join(dir, 'copy.sqlite'));
    const copy = performance.now() - t;
    fs.rmSync(path.join(dir, 'copy.sqlite'));
    const core = openCore({ dataDir: ds.dataDir });
    try {
      t = performance.now();
      const { longest } = await longestBlock(() => createBackup(core.db, core.databaseKey, dir));
      const elapsed = performance.now() - t;
      return [{
        bench: 'open', size: ds.size, label: 'start-up backup (copy, integrity_check and fsync on a worker thread)', unit: 'ms', summary: summarize([elapsed]),
        baseline: { label: 'floor: copying the file', summary: summarize([copy]) },
        note: `1 run; longest block of the main thread ${longest.toFixed(0)} ms; file ${(ds.bytes / 2 ** 30).toFixed(2)} GiB, kept ×10 generations`,
      }];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
