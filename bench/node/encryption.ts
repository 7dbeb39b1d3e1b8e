/**
 * Benchmark 7: what encryption at rest costs the durable save and the patient
 * search. The same data set twice: the app's encrypted file, and an unencrypted
 * copy made from it (decrypted once, kept beside the set). The same code runs on
 * one connection to each, interleaved run by run (which goes first alternates) so
 * drift on a shared machine hits both alike; each ratio is encrypted ÷ unencrypted:
 * - save: the floor (one-row upsert, BEGIN IMMEDIATE … COMMIT, synchronous=FULL)
 *   and the command's own writes (item, history, audit entry and head);
 * - search: patient search through the repository (FTS5 + MRN index) over the
 *   query mix, and the naive LIKE scan (every page read and decrypted).
 * Then the save and search ratios of sections 1 and 2 with encryption on, beside
 * the unencrypted baselines: checklist.setItem and patient.search through the
 * dispatcher on the encrypted core, against the floor and the naive scan of the
 * unencrypted copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadAuditKey } from '#db/audit-key';
import { openKeyed, openUnencrypted, type Db } from '#db/connection';
import { ensureOwnerOnlyFile } from '#db/owner-only-files';
import { DATABASE_FILE } from '#db/paths';
import { createPatientRepository } from '#db/repositories/patients';
import { datasetKey, type Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';
import type { Measurement } from '../lib/result';
import { commandWrites, floorUpsert, status } from './save';
import { naiveScan, queryMix } from './search';

/** The unencrypted copy of the set, made once (VACUUM INTO, then decrypted in place) and reused while the set is. */
function unencryptedCopy(ds: Dataset): string {
  const dir = `${ds.dataDir}.unencrypted`;
  const file = path.join(dir, DATABASE_FILE);
  const source = path.join(ds.dataDir, DATABASE_FILE);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(source).mtimeMs) return file;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { mode: 0o700 });
  const temp = `${file}.tmp`;
  ensureOwnerOnlyFile(temp);
  const key = datasetKey(ds);
  const live = openKeyed(source, key, { readonly: true, fileMustExist: true });
  live.prepare('VACUUM INTO ?').run(temp);
  live.close();
  const copy = openKeyed(temp, key, { fileMustExist: true });
  copy.pragma("rekey = ''");
  copy.close();
  fs.renameSync(temp, file);
  return file;
}

/** The app's pragmas on a raw connection (db/connection.ts applies them to the encrypted one). */
function unencrypted(file: string): Db {
  const db = openUnencrypted(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

const time = (work: () => unknown): number => {
  const t = performance.now();
  work();
  return performance.now() - t;
};

export async function benchEncryption(ds: Dataset, runs = 300, repeats = 5): Promise<Measurement[]> {
  const plainFile = unencryptedCopy(ds);
  const bench = await openBenchCore(ds.dataDir);
  const plain = unencrypted(plainFile);
  try {
    const enc = bench.core.db;
    const encounterId = ds.info.openEncounterId;
    const [floorItem, dispatchItem] = ds.info.openItemIds;
    if (!floorItem || !dispatchItem) throw new Error('the open encounter has too few items');
    const auditKey = loadAuditKey(`${ds.dataDir}.keys`).key;
    const floor = { enc: floorUpsert(enc, encounterId, floorItem), plain: floorUpsert(plain, encounterId, floorItem) };
    const writes = { enc: commandWrites(enc, auditKey, encounterId, floorItem), plain: commandWrites(plain, auditKey, encounterId, floorItem) };
    const t = { floorEnc: [] as number[], floorPlain: [] as number[], writesEnc: [] as number[], writesPlain: [] as number[], dispatcher: [] as number[], sealed: [] as number[] };
    /** Runs both, in turns: which goes first alternates, so neither always follows the other's fsync. */
    const pair = (i: number, enc: () => unknown, plain: () => unknown): [number, number] => {
      if (i % 2 === 0) return [time(enc), time(plain)];
      const p = time(plain);
      return [time(enc), p];
    };
    for (let i = -20; i < runs; i++) {
      const [f1, f2] = pair(i, () => floor.enc.immediate(status(i)), () => floor.plain.immediate(status(i)));
      const [w1, w2] = pair(i, () => writes.enc.immediate(status(i)), () => writes.plain.immediate(status(i)));
      const started = performance.now();
      await bench.call('checklist.setItem', { encounterId, itemId: dispatchItem, status: status(i) });
      const d = performance.now() - started;
      // The seal follows the answer (db/audit-seal-writer.ts): on disk before the next run, as between two clicks.
      await bench.core.auditSettled();
      const sealed = performance.now() - started;
      if (i < 0) continue; // the first 20 warm the caches
      t.sealed.push(sealed);
      t.floorEnc.push(f1);
      t.floorPlain.push(f2);
      t.writesEnc.push(w1);
      t.writesPlain.push(w2);
      t.dispatcher.push(d);
    }

    const queries = queryMix(ds);
    const repo = { enc: createPatientRepository(enc), plain: createPatientRepository(plain) };
    const scan = { enc: naiveScan(enc), plain: naiveScan(plain) };
    const s = { repoEnc: [] as number[], repoPlain: [] as number[], scanEnc: [] as number[], scanPlain: [] as number[], dispatcher: [] as number[] };
    for (const q of queries) {
      repo.enc.search(q, 20);
      repo.plain.search(q, 20);
    }
    for (let r = 0; r < repeats; r++) {
      for (const [n, q] of queries.entries()) {
        const [e, p] = pair(n + r, () => repo.enc.search(q, 20), () => repo.plain.search(q, 20));
        s.repoEnc.push(e);
        s.repoPlain.push(p);
        const started = performance.now();
        await bench.call('patient.search', { query: q, limit: 20 });
        s.dispatcher.push(performance.now() - started);
        // The scan reads the whole table: once per query is enough to see its cost.
        if (r === 0) {
          const [se, sp] = pair(n, () => scan.enc.all({ q: `%${q}%` }), () => scan.plain.all({ q: `%${q}%` }));
          s.scanEnc.push(se);
          s.scanPlain.push(sp);
        }
      }
    }

    const unencryptedBaseline = (label: string, times: number[]) => ({ label: `unencrypted copy: ${label}`, summary: summarize(times) });
    const floorPlain = unencryptedBaseline('the same upsert, BEGIN IMMEDIATE … COMMIT, synchronous=FULL', t.floorPlain);
    const scanPlain = unencryptedBaseline("naive LIKE '%…%' scan, ORDER BY name LIMIT 20", s.scanPlain);
    const row = (label: string, times: number[], baseline: Measurement['baseline'], note?: string): Measurement => ({
      bench: 'encryption', size: ds.size, label, unit: 'ms', summary: summarize(times), baseline, ...(note ? { note } : {}),
    });
    const vsEncryptedFloor = (summarize(t.dispatcher).median / summarize(t.floorEnc).median).toFixed(2);
    const sealedVsEncryptedFloor = (summarize(t.sealed).median / summarize(t.floorEnc).median).toFixed(2);
    const vsEncryptedScan = (summarize(s.dispatcher).median / summarize(s.scanEnc).median).toFixed(2);
    return [
      row('save floor, encrypted: one-row upsert, synchronous=FULL', t.floorEnc, floorPlain),
      row("save, the command's writes (item, history, audit entry and head), encrypted", t.writesEnc, unencryptedBaseline("the command's writes", t.writesPlain)),
      row('checklist.setItem through the dispatcher, encrypted', t.dispatcher, floorPlain, `${vsEncryptedFloor}× the encrypted floor (section 1's ratio, with encryption on)`),
      row('checklist.setItem through the dispatcher, encrypted, to its audit seal on disk', t.sealed, floorPlain, `${sealedVsEncryptedFloor}× the encrypted floor: the answer, then the seal written after it`),
      row('patient search through the repository (FTS5 + MRN index), encrypted', s.repoEnc, unencryptedBaseline('the same searches', s.repoPlain), `${queries.length} queries × ${repeats}`),
      row("naive LIKE '%…%' scan, encrypted", s.scanEnc, scanPlain, 'reads every page of the patients table'),
      row('patient.search through the dispatcher, encrypted', s.dispatcher, scanPlain, `${vsEncryptedScan}× the encrypted naive scan (section 2's ratio, with encryption on)`),
    ];
  } finally {
    plain.close();
    bench.core.close();
  }
}
