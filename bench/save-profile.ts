/**
 * Where a save's time goes beyond the floor (issue 21 point 4): on a generated
 * set, interleaved run by run, the encrypted floor, the command's writes alone,
 * the audit seal's file write alone (in place, one slot, fdatasync), and
 * checklist.setItem through the dispatcher, to its answer and to its seal on
 * disk (the seal follows the answer: db/audit-seal-writer.ts); then the WAL
 * frames each one writes per commit (WAL growth with checkpoints held off).
 * Run under `node --cpu-prof` for the profile. After `npm run bench` built it:
 *   node scripts/with-node.mjs out/bench/save-profile.mjs <data set folder> [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadAuditKey } from '#db/audit-key';
import { readSeal, writeSeal } from '#db/audit-seal';
import type { DatasetInfo } from './data/generate';
import { openBenchCore } from './lib/session';
import { summarize } from './lib/stats';
import { framesByTree, walFramePages } from './lib/wal-pages';
import { commandWrites, floorUpsert, status } from './node/save';

const [dataDir, runsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: save-profile <data set folder> [runs]');
const runs = Number(runsArg ?? 2000);
const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'dataset.json'), 'utf8')) as DatasetInfo;
const bench = await openBenchCore(dataDir);
const db = bench.core.db;
const keyDir = `${dataDir}.keys`;
const auditKey = loadAuditKey(keyDir).key;
const encounterId = info.openEncounterId;
const [floorItem, dispatchItem] = info.openItemIds;
if (!floorItem || !dispatchItem) throw new Error('the open encounter has too few items');
const floor = floorUpsert(db, encounterId, floorItem);
const writes = commandWrites(db, auditKey, encounterId, floorItem);
// The seal's own write, to a copy of the seal in a folder beside the key folder (same disk).
const sealDir = `${dataDir}.seal-probe`;
fs.mkdirSync(sealDir, { recursive: true, mode: 0o700 });
const seal = readSeal(keyDir, auditKey);
if (seal.state !== 'ok') throw new Error(`the set's seal: ${seal.state}`);
let counter = seal.seal.counter;
writeSeal(sealDir, auditKey, { ...seal.seal, counter: ++counter });
const sealWrite = () => writeSeal(sealDir, auditKey, { ...seal.seal, counter: ++counter }, true);
const save = (i: number) => bench.call('checklist.setItem', { encounterId, itemId: dispatchItem, status: status(i) });

const t = { floor: [] as number[], writes: [] as number[], seal: [] as number[], dispatcher: [] as number[], sealed: [] as number[] };
const time = (f: () => unknown) => {
  const s = performance.now();
  f();
  return performance.now() - s;
};
for (let i = -50; i < runs; i++) {
  const f = time(() => floor.immediate(status(i)));
  const w = time(() => writes.immediate(status(i)));
  const s = time(sealWrite);
  const started = performance.now();
  await save(i);
  const d = performance.now() - started;
  await bench.core.auditSettled();
  const sd = performance.now() - started;
  if (i < 0) continue;
  t.sealed.push(sd);
  t.floor.push(f);
  t.writes.push(w);
  t.seal.push(s);
  t.dispatcher.push(d);
}
const row = (name: string, xs: number[]) => {
  const s = summarize(xs);
  return `${name.padEnd(44)} median ${s.median.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms`;
};
console.log(`${runs} runs each, interleaved; load average ${process.env.LOADAVG ?? ''}`);
console.log(row('floor (encrypted one-row upsert)', t.floor));
console.log(row("the command's writes alone", t.writes));
console.log(row('audit seal file write alone', t.seal));
console.log(row('checklist.setItem through the dispatcher', t.dispatcher));
console.log(row('… to its audit seal on disk', t.sealed));
const m = (xs: number[]) => summarize(xs).median;
console.log(`ratio dispatcher/floor ${(m(t.dispatcher) / m(t.floor)).toFixed(2)}×; to the seal/floor ${(m(t.sealed) / m(t.floor)).toFixed(2)}×; writes/floor ${(m(t.writes) / m(t.floor)).toFixed(2)}×; seal/floor ${(m(t.seal) / m(t.floor)).toFixed(2)}×`);

// WAL frames per commit: checkpoints held off, the WAL emptied, then N commits of one kind.
const pageSize = db.pragma('page_size', { simple: true }) as number;
const wal = `${bench.core.databaseFile}-wal`;
db.pragma('wal_autocheckpoint = 0');
const frames = async (name: string, f: (i: number) => unknown, n = 50) => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = fs.statSync(wal).size;
  for (let i = 0; i < n; i++) await f(i);
  const grown = fs.statSync(wal).size - before;
  console.log(`${name.padEnd(44)} ${(grown / (pageSize + 24) / n).toFixed(2)} WAL frames per commit (page ${pageSize} B)`);
  // Whose pages they are: the table or index each frame's page belongs to.
  for (const { tree, perCommit } of framesByTree(db, walFramePages(wal, pageSize), n)) console.log(`  ${tree.padEnd(42)} ${perCommit.toFixed(2)}`);
};
await frames('floor', (i) => floor.immediate(status(i)));
await frames("the command's writes alone", (i) => writes.immediate(status(i)));
await frames('checklist.setItem through the dispatcher', save);
db.pragma('wal_autocheckpoint = 1000');
bench.core.close();
fs.rmSync(sealDir, { recursive: true, force: true });
