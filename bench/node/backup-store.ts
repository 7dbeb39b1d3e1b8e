/**
 * Issue 21 point 2: backups cost what changed (db/backup-store/page-store.ts).
 * On a copy of the data set (the set itself stays as generated): the first
 * generation (every page), then nine "days of work", each at least 30
 * encounters documented through the dispatcher (patient, encounter, every
 * checklist item, consent, signed note, through to discharge: bench/data/
 * prototypes.ts), each followed by a generation; then the store's size against
 * the database's, and the time to restore and to verify the newest generation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createGeneration, listGenerations, restoreGeneration, verifyGeneration } from '#db/backup-store/page-store';
import { defaultKeyDir } from '#db/core';
import { runSqliteJob } from '#db/sqlite-worker';
import { DATABASE_FILE } from '#db/paths';
import type { Dataset } from '../data/dataset';
import { makePrototypes } from '../data/prototypes';
import { longestBlock } from '../lib/main-thread';
import type { Measurement } from '../lib/result';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';

/** Nine days make ten generations; BENCH_BACKUP_DAYS runs fewer (a quicker look at one day's cost). */
const DAYS = Number(process.env.BENCH_BACKUP_DAYS ?? 9);
const ENCOUNTERS_PER_DAY = 30;

function treeBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? treeBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size;
  return total;
}

export async function benchBackupStore(ds: Dataset): Promise<Measurement[]> {
  const free = fs.statfsSync(ds.dataDir);
  if (free.bavail * free.bsize < 3 * ds.bytes) return [];
  const work = `${ds.dataDir}-backup-store`;
  const clean = () => [work, defaultKeyDir(work)].forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  clean();
  fs.cpSync(ds.dataDir, work, { recursive: true, filter: (src) => !src.includes('bench-backup') });
  fs.cpSync(defaultKeyDir(ds.dataDir), defaultKeyDir(work), { recursive: true });
  try {
    const bench = await openBenchCore(work);
    const { core } = bench;
    const dir = path.join(work, 'store');
    try {
      let t = performance.now();
      fs.copyFileSync(path.join(work, DATABASE_FILE), path.join(work, 'copy.sqlite'));
      const copyMs = performance.now() - t;
      fs.rmSync(path.join(work, 'copy.sqlite'));
      // Today's full backup (before the page store): VACUUM INTO, integrity_check and fsync on a worker.
      t = performance.now();
      await runSqliteJob({ kind: 'backup', source: core.db.name, target: path.join(work, 'full.sqlite'), key: core.databaseKey });
      const fullMs = performance.now() - t;
      const fullBytes = fs.statSync(path.join(work, 'full.sqlite')).size;
      fs.rmSync(path.join(work, 'full.sqlite'));
      t = performance.now();
      const { value: first, longest } = await longestBlock(() => createGeneration(core.db, core.databaseKey, dir));
      const firstMs = performance.now() - t;
      const days: { ms: number; bytes: number; pages: number; encounters: number }[] = [];
      for (let day = 1; day <= DAYS; day++) {
        let encounters = 0;
        for (let round = 0; encounters < ENCOUNTERS_PER_DAY; round++) encounters += (await makePrototypes(core, ds.info.today, `DAY${day}R${round}`)).length;
        t = performance.now();
        const g = await createGeneration(core.db, core.databaseKey, dir);
        days.push({ ms: performance.now() - t, bytes: g.bytes, pages: g.newPages, encounters });
      }
      const storeBytes = treeBytes(dir);
      const dbBytes = fs.statSync(path.join(work, DATABASE_FILE)).size;
      const newest = listGenerations(dir)[0]!;
      t = performance.now();
      restoreGeneration(newest.file, core.databaseKey, path.join(work, 'restored.sqlite'));
      const restoreMs = performance.now() - t;
      fs.rmSync(path.join(work, 'restored.sqlite'));
      t = performance.now();
      await verifyGeneration(newest.file, core.databaseKey);
      const verifyMs = performance.now() - t;
      const dayMs = summarize(days.map((d) => d.ms));
      const dayBytes = summarize(days.map((d) => d.bytes));
      const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;
      const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
      const extra = {
        firstMs, firstBytes: first.bytes, copyMs, fullMs, fullBytes, dayVsFullTime: dayMs.median / fullMs, dayVsFullBytes: dayBytes.median / fullBytes, dayMsMedian: dayMs.median, dayBytesMedian: dayBytes.median, storeBytes, dbBytes, restoreMs, verifyMs,
        dayTimeRatio: dayMs.median / firstMs, dayBytesRatio: dayBytes.median / first.bytes, tenGenerationsRatio: storeBytes / dbBytes,
        encountersPerDay: days[0]!.encounters, dayPagesMedian: summarize(days.map((d) => d.pages)).median,
      };
      const label = 'backup generation after a day of work (page store: changed pages only)';
      return [
        {
          bench: 'open', size: ds.size, label: 'backup, first generation (page store: every page)', unit: 'ms', summary: summarize([firstMs]),
          baseline: { label: 'floor: copying the file', summary: summarize([copyMs]) },
          note: `1 run; ${mib(first.bytes)} written; longest block of the main thread ${longest.toFixed(0)} ms; file ${gib(dbBytes)}`, extra,
        },
        {
          bench: 'open', size: ds.size, label, unit: 'ms', summary: dayMs, baseline: { label: 'a full backup as before (VACUUM INTO, integrity_check, fsync)', summary: summarize([fullMs]) },
          goal: '≤ 10% of a full copy, in time and bytes', met: extra.dayVsFullTime <= 0.1 && extra.dayVsFullBytes <= 0.1,
          note: `${DAYS} days of ${days[0]!.encounters} documented encounters; median ${mib(dayBytes.median)} written: ${(100 * extra.dayVsFullBytes).toFixed(1)}% of the full backup's bytes (${mib(fullBytes)}); ${(100 * extra.dayTimeRatio).toFixed(1)}% of the first generation's time`,
          extra,
        },
        {
          bench: 'open', size: ds.size, label: `restore the newest of ${DAYS + 1} generations (every page checked against the manifest)`, unit: 'ms', summary: summarize([restoreMs]),
          baseline: { label: 'floor: copying the file', summary: summarize([copyMs]) },
          goal: 'ten generations ≤ 2× the database', met: DAYS >= 9 && extra.tenGenerationsRatio <= 2,
          note: `${DAYS + 1} generations take ${gib(storeBytes)} for a ${gib(dbBytes)} database (${extra.tenGenerationsRatio.toFixed(2)}×); verifying it (restore and integrity_check) ${(verifyMs / 1000).toFixed(1)} s`,
          extra,
        },
      ];
    } finally {
      core.close();
    }
  } finally {
    clean();
  }
}
