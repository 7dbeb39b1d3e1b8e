/**
 * Issue 21 point 1 (npm run bench -- --size=10k --only=storage): bytes per
 * documented encounter by table (bench/node/storage.ts), written into
 * bench/RESULTS.md as section 9. The set is generated afresh in its own folder
 * (BENCH_DATA_DIR or the temp folder, "storage-<size>"), measured after VACUUM
 * (so free pages left by the bulk load do not count), then each storage change
 * is applied to the same file as the app applies it at start, VACUUMed and
 * measured again: before and after in one run, on the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '#db/core';
import { DATABASE_FILE } from '#db/paths';
import { datasetRoot, SIZES, TODAY, type SizeName } from './data/dataset';
import { generate } from './data/generate';
import { measureStorage, storageTable, type StorageMeasure } from './node/storage';
import { STORAGE_CHANGES } from './node/storage-changes';
import { storageOnSet } from './node/storage-on-set';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const log = (line: string) => console.log(line);
const RESULTS_FILE = path.join('bench', 'RESULTS.md');
const TITLE = '## 9. Storage per encounter';
const SETS_TITLE = '### Storage per encounter on the bench data sets (issue 21 point 1 at every size)';

function measure(dataDir: string): StorageMeasure {
  const core = openCore({ dataDir, storageCompaction: false });
  try {
    core.db.exec('VACUUM');
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    return measureStorage(core.db, fs.statSync(path.join(dataDir, DATABASE_FILE)).size);
  } finally {
    core.close();
  }
}

/** --on-sets=10k,100k: the bench's own sets as the generator writes them now, after VACUUM (bench/node/storage-on-set.ts). */
async function onSets(sizes: SizeName[]): Promise<void> {
  const started = new Date();
  const loadBefore = os.loadavg()[0]!;
  const measured = [];
  for (const size of sizes) measured.push(await storageOnSet(size, log));
  const kb = (bytes: number) => (bytes / 1000).toFixed(2);
  const section = [
    SETS_TITLE,
    '',
    `Measured on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --only=storage --on-sets=${sizes.join(',')}\`: each bench data set (section "Data sets"; the generator writes signed notes and closed checklists as the app now stores them, packed against their template version), copied with VACUUM INTO and measured as above, except that the median counts what each documented encounter owns (its own encounter row too) and, of what is shared (patients, the search index, the library), only the share of the patients who have a documented encounter: the 1M set documents 10% of its encounters, and the other 2.66M encounters' rows (and the patients who have only those) are not a documented encounter's cost. The mean is still every page over the documented encounters, so at 1M it carries all of them. 1-minute load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after on ${os.cpus().length} cores.`,
    '',
    storageTable(measured.map((s) => ({ label: `${s.size} set`, m: s.m })), false),
    '',
    ...measured.map((s) => `- ${s.size}: ${s.patients.toLocaleString('en-US')} patients, ${s.encounters.toLocaleString('en-US')} encounters, ${s.m.documented.toLocaleString('en-US')} documented; ${kb(s.m.median)} KB per documented encounter at the median, ${kb(s.m.mean)} KB mean (goal ≤ 10 KB at the median: ${s.m.median <= 10_000 ? '**met**' : '**missed**'}); copy and measure ${s.seconds.toFixed(0)} s.`),
  ].join('\n');
  writeSection(section, SETS_TITLE);
  log(`results: ${RESULTS_FILE}`);
}

async function main(): Promise<void> {
  const sets = arg('on-sets');
  if (sets) return onSets(sets.split(',') as SizeName[]);
  const size = (arg('size') ?? '10k') as SizeName;
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const dataDir = path.join(datasetRoot(), `storage-${size}`);
  for (const d of [dataDir, `${dataDir}.keys`]) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const started = new Date();
  const loadBefore = os.loadavg()[0]!;
  try {
    log(`generating ${size} in ${dataDir}`);
    const info = await generate({ dataDir, patients: SIZES[size].patients, documentedShare: SIZES[size].documentedShare, today: TODAY, log, legacyStorage: true });
    const file = path.join(dataDir, DATABASE_FILE);
    const generatedBytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    const states: { label: string; m: StorageMeasure; seconds?: number }[] = [{ label: 'today', m: measure(dataDir) }];
    log(`today: ${(states[0]!.m.mean / 1000).toFixed(2)} KB mean, ${(states[0]!.m.median / 1000).toFixed(2)} KB median`);
    for (const change of STORAGE_CHANGES) {
      const t = performance.now();
      change.apply(dataDir);
      const seconds = (performance.now() - t) / 1000;
      states.push({ label: change.label, m: measure(dataDir), seconds });
      log(`${change.label}: ${(states.at(-1)!.m.mean / 1000).toFixed(2)} KB mean, ${(states.at(-1)!.m.median / 1000).toFixed(2)} KB median (${seconds.toFixed(1)} s)`);
    }
    const last = states.at(-1)!.m;
    const section = [
      TITLE,
      '',
      `Measured on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --size=${size} --only=storage\` (bench/storage.ts, bench/node/storage.ts): a fresh ${size} set ` +
        `(${info.patients.toLocaleString('en-US')} patients, ${info.encounters.toLocaleString('en-US')} encounters, ${info.documentedEncounters.toLocaleString('en-US')} documented), written as today's app writes it, ` +
        `measured after VACUUM; then each change applied to the same file as the app applies it at start, VACUUM, measured again. 1-minute load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after on ${os.cpus().length} cores; ` +
        `${process.env.BENCH_ALONGSIDE ?? 'other agents\' builds and tests ran alongside'}.`,
      '',
      'Bytes are SQLite\'s own count of the pages of each b-tree (the `dbstat` virtual table), each index counted with its table, per documented encounter (one with a full checklist and its history, consent discussion, signed note and transitions). ' +
        'The median apportions each table with an encounter_id to encounters by the size of their rows there and spreads the rest (patients, search index, encounters not yet documented, the library) evenly.',
      '',
      storageTable(states.map(({ label, m }) => ({ label, m }))),
      '',
      `- The file as the generator leaves it, before VACUUM: ${(generatedBytes / info.documentedEncounters / 1000).toFixed(1)} KB per documented encounter (pages the bulk load left part-filled; the issue's "42 KB" is the 1.20 GiB file of section "Data sets", from an earlier generator run, over its documented encounters). The rows above are after VACUUM, as a backup copy (VACUUM INTO) stores them.`,
      ...states.slice(1).map((s) => `- ${s.label}: applied to the whole ${size} file (as at the first start after the upgrade) in ${s.seconds!.toFixed(1)} s.`),
      `- ${size}: ${(states[0]!.m.median / 1000).toFixed(1)} KB at the median before, ${(last.median / 1000).toFixed(1)} KB after (goal ≤ 10 KB: ${last.median <= 10_000 ? '**met**' : '**missed**'}).`,
    ].join('\n');
    writeSection(section);
    log(`results: ${RESULTS_FILE}`);
  } finally {
    for (const d of [dataDir, `${dataDir}.keys`]) fs.rmSync(d, { recursive: true, force: true });
  }
}

/** Section 9, or its sub-section on the bench sets, replaced (or added before the journey's section, which stays last). */
function writeSection(section: string, title = TITLE): void {
  const text = fs.readFileSync(RESULTS_FILE, 'utf8');
  // Section 9 runs to its sub-section or the next section; the sub-section to the next section.
  const end = title === TITLE ? `^${SETS_TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|^## ` : '^## ';
  const existing = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?(?=${end}|(?![\\s\\S]))`, 'm');
  const next = existing.test(text)
    ? text.replace(existing, `${section}\n\n`)
    : text.replace(/^## Procedure-day journey/m, `${section}\n\n## Procedure-day journey`);
  fs.writeFileSync(RESULTS_FILE, next);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
