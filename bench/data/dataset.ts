/**
 * Generated data sets, kept between runs (generating 100k patients takes
 * minutes): BENCH_DATA_DIR, or proceduredesk-bench in the temp folder. A set is
 * made again when the generator or any migration changed since it was made.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultKeyDir } from '#db/core';
import { databaseKeyFor, type DatabaseKey } from '#db/keys/database-key';
import { MIGRATIONS } from '#db/migrations/index';
import { generate, type DatasetInfo } from './generate';

/** Bump when generate.ts changes what it writes. */
const GENERATOR_VERSION = 4;

export const SIZES = {
  '10k': { patients: 10_000, documentedShare: 1 },
  '100k': { patients: 100_000, documentedShare: 1 },
  // Full documentation for 3M encounters is ~80 GB (255M checklist rows, 3M notes): see RESULTS.md.
  '1m': { patients: 1_000_000, documentedShare: 0.1 },
} as const;
export type SizeName = keyof typeof SIZES;

export const TODAY = '2026-06-01';

export interface Dataset {
  size: SizeName;
  dataDir: string;
  info: DatasetInfo;
  bytes: number;
}

export function datasetRoot(): string {
  return process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'proceduredesk-bench');
}

/** The schema a set was made with: a hash of every migration's SQL, so an edited one counts too. */
const SCHEMA = createHash('sha256').update(MIGRATIONS.map((m) => m.up).join('\n')).digest('hex').slice(0, 8);

function dirFor(size: SizeName): string {
  return path.join(datasetRoot(), `${size}-g${GENERATOR_VERSION}-${SCHEMA}`);
}

/** The set's database key: openCore keeps it beside the data folder ("<dataDir>.keys"). */
export function datasetKey(ds: Dataset): DatabaseKey {
  return databaseKeyFor(path.join(ds.dataDir, 'proceduredesk.sqlite'), defaultKeyDir(ds.dataDir), null);
}

export function fileBytes(dataDir: string): number {
  return fs.statSync(path.join(dataDir, 'proceduredesk.sqlite')).size;
}

export function loadDataset(size: SizeName): Dataset | null {
  const dataDir = dirFor(size);
  const infoFile = path.join(dataDir, 'dataset.json');
  if (!fs.existsSync(infoFile)) return null;
  return { size, dataDir, info: JSON.parse(fs.readFileSync(infoFile, 'utf8')) as DatasetInfo, bytes: fileBytes(dataDir) };
}

export async function ensureDataset(size: SizeName, log: (line: string) => void): Promise<Dataset> {
  const existing = loadDataset(size);
  if (existing) return existing;
  const dataDir = dirFor(size);
  // Older sets of this size (other generator or schema) are stale: remove them first, they are large.
  for (const stale of fs.existsSync(datasetRoot()) ? fs.readdirSync(datasetRoot()) : []) {
    if (stale.startsWith(`${size}-`)) fs.rmSync(path.join(datasetRoot(), stale), { recursive: true, force: true });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  log(`generating the ${size} data set in ${dataDir}`);
  const info = await generate({ dataDir, patients: SIZES[size].patients, documentedShare: SIZES[size].documentedShare, today: TODAY, log });
  fs.writeFileSync(path.join(dataDir, 'dataset.json'), JSON.stringify(info, null, 2));
  log(`  done in ${info.seconds} s: ${info.encounters.toLocaleString('en-US')} encounters, ${info.checklistRows.toLocaleString('en-US')} checklist items, ${info.signedNotes.toLocaleString('en-US')} signed notes, ${(fileBytes(dataDir) / 2 ** 20).toFixed(0)} MB`);
  return { size, dataDir, info, bytes: fileBytes(dataDir) };
}
