/**
 * Issue 21 point 1 at every size: bytes per documented encounter on the bench's
 * own data sets (bench/data/dataset.ts), which the generator writes as the app
 * stores them now (notes and closed checklists packed, format 2). Measured on a
 * VACUUM INTO copy (as a backup copy stores them; the set itself is left as it
 * is for the other benchmarks), with the same dbstat apportioning as section 9.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openKeyed } from '#db/connection';
import { ensureOwnerOnlyFile } from '#db/owner-only-files';
import { DATABASE_FILE } from '#db/paths';
import { datasetKey, datasetRoot, ensureDataset, type SizeName } from '../data/dataset';
import { measureStorage, type StorageMeasure } from './storage';

export interface SetStorage {
  size: SizeName;
  patients: number;
  encounters: number;
  m: StorageMeasure;
  seconds: number;
}

export async function storageOnSet(size: SizeName, log: (line: string) => void): Promise<SetStorage> {
  const ds = await ensureDataset(size, log);
  const dir = path.join(datasetRoot(), `storage-${size}-copy`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, DATABASE_FILE);
  try {
    const started = performance.now();
    const key = datasetKey(ds);
    const live = openKeyed(path.join(ds.dataDir, DATABASE_FILE), key, { readonly: true, fileMustExist: true });
    try {
      ensureOwnerOnlyFile(copy);
      live.prepare('VACUUM INTO ?').run(copy);
    } finally {
      live.close();
    }
    const db = openKeyed(copy, key, { readonly: true, fileMustExist: true });
    try {
      const m = measureStorage(db, fs.statSync(copy).size, true);
      const seconds = (performance.now() - started) / 1000;
      log(`${size} set: ${(m.mean / 1000).toFixed(2)} KB mean, ${(m.median / 1000).toFixed(2)} KB median (${seconds.toFixed(0)} s)`);
      return { size, patients: ds.info.patients, encounters: ds.info.encounters, m, seconds };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
