/**
 * Benchmark 2: patient search by name fragment or MRN, through the dispatcher
 * (patient.search, 20 results: what the patient picker waits for, less the
 * transport), against a naive scan: LIKE '%…%' on the names and MRN, sorted by
 * name. Also the worklist's search across all dates (encounter.list with a
 * query), which starts from the same patient search.
 *
 * The query mix is what people type: the first 3-5 letters of a family name
 * (with and without its accents), given + family fragments, a full MRN and an
 * MRN prefix, for patients spread over the whole data set, plus fixed common
 * fragments ("gar", "mar", "smi").
 */
import type { Db } from '#db/connection';
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';
import type { Measurement } from '../lib/result';

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

export function queryMix(ds: Dataset): string[] {
  const queries = ['gar', 'mar', 'smi', 'pena', 'Núñez', "o'b"];
  ds.info.samplePatients.forEach((p, i) => {
    const family = p.familyName.split(/[\s-]/)[0]!;
    switch (i % 5) {
      case 0: queries.push(family.slice(0, 4)); break;
      case 1: queries.push(strip(family).slice(0, 5).toLowerCase()); break;
      case 2: queries.push(`${p.givenName.split(' ')[0]!.slice(0, 3)} ${family.slice(0, 3)}`); break;
      case 3: queries.push(p.mrn); break;
      default: queries.push(p.mrn.slice(0, 8));
    }
  });
  return queries;
}

/** The baseline: LIKE '%…%' over every patient (call .all({ q: '%…%' })). */
export function naiveScan(db: Db) {
  return db.prepare(
    `SELECT id, mrn, family_name, given_name, birth_date, sex, created_at FROM patients
     WHERE family_name LIKE @q OR given_name LIKE @q OR mrn LIKE @q ORDER BY family_key, given_key LIMIT 20`,
  );
}

export async function benchSearch(ds: Dataset, repeats = 5): Promise<Measurement[]> {
  const bench = await openBenchCore(ds.dataDir);
  try {
    const queries = queryMix(ds);
    const naive = naiveScan(bench.core.db);
    const search: number[] = [];
    const worklist: number[] = [];
    const scan: number[] = [];
    let empty = 0;
    for (const q of queries) await bench.call('patient.search', { query: q, limit: 20 }); // warm-up
    for (let r = 0; r < repeats; r++) {
      for (const q of queries) {
        let t = performance.now();
        const found = await bench.call<unknown[]>('patient.search', { query: q, limit: 20 });
        search.push(performance.now() - t);
        if (r === 0 && found.length === 0) empty++;
        t = performance.now();
        await bench.call('encounter.list', { query: q });
        worklist.push(performance.now() - t);
      }
    }
    // The naive scan reads the whole table every time: once per query is enough to see its cost.
    for (const q of queries) {
      const t = performance.now();
      naive.all({ q: `%${q}%` });
      scan.push(performance.now() - t);
    }
    const baseline = { label: "naive scan: LIKE '%…%' on names and MRN, ORDER BY name LIMIT 20", summary: summarize(scan) };
    const s = summarize(search);
    const note = `${queries.length} queries × ${repeats}${empty ? `; ${empty} found nobody` : ''}`;
    return [
      { bench: 'search', size: ds.size, label: 'patient.search (FTS5 + MRN index) through the dispatcher', unit: 'ms', summary: s, baseline, goal: 'p95 < 20 ms', met: s.p95 < 20, note },
      { bench: 'search', size: ds.size, label: 'worklist search across all dates (encounter.list with a query)', unit: 'ms', summary: summarize(worklist), baseline, note },
    ];
  } finally {
    bench.core.close();
  }
}
