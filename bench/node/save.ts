/**
 * Benchmark 1: one checklist change saved durably, end to end.
 *
 * - floor: the same single-row upsert the repository runs, in a BEGIN IMMEDIATE
 *   transaction on the same better-sqlite3 connection (WAL, synchronous=FULL):
 *   what any durable save must pay, mostly the WAL fsync.
 * - dispatcher: checklist.setItem as the screen sends it (session, validation,
 *   encounter and template checks, the item and its history row, the audit entry
 *   with its HMAC chain, one commit).
 * - HTTP: the same through the loopback host (browser mode), with the secret
 *   and session headers.
 * - the command's writes alone: the checklist and audit repositories the command
 *   uses (the item, its history row, the audit entry and the audit head) in one
 *   BEGIN IMMEDIATE … COMMIT, with no session, validation or lookups: what the
 *   command must write, so the gap to it is the app layer and the gap from the
 *   floor to it is the four extra rows and their index pages.
 * The four are interleaved run by run on the same connection and page cache,
 * so drift on a shared machine hits them alike. The audit seal follows each
 * answer (db/audit-seal-writer.ts): the dispatcher is timed to its answer, then
 * the run waits for the seal to be on disk before the next one (as the seconds
 * between a person's clicks would), and that time to the seal is its own row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SECRET_HEADER, SESSION_HEADER } from '#shared/contract/transport';
import { createAuditLog } from '#db/audit';
import type { Db } from '#db/connection';
import { loadAuditKey } from '#db/audit-key';
import { createChecklistRepository } from '#db/repositories/checklist';
import { startHost } from '#db/host/server';
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';
import type { Measurement } from '../lib/result';

export const status = (i: number): 'checked' | 'unchecked' => (i % 2 === 0 ? 'checked' : 'unchecked');

/** The floor: the single-row upsert the repository runs, as a transaction function (call .immediate). */
export function floorUpsert(db: Db, encounterId: string, itemId: string) {
  const floor = db.prepare(
    `INSERT INTO checklist_items (encounter_id, item_id, status, reason, updated_at, updated_by_name, updated_by_role)
     VALUES (@encounterId, @itemId, @status, NULL, @at, 'Nina Nurse', 'nurse')
     ON CONFLICT (encounter_id, item_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name, updated_by_role = excluded.updated_by_role`,
  );
  return db.transaction((s: string) => floor.run({ encounterId, itemId, status: s, at: new Date().toISOString() }));
}

/** The command's own writes (item, history, audit entry and head) through its repositories, as a transaction function. */
export function commandWrites(db: Db, auditKey: Buffer, encounterId: string, itemId: string) {
  const checklist = createChecklistRepository(db);
  const audit = createAuditLog(db, auditKey);
  const nurse = { name: 'Nina Nurse', role: 'nurse' } as const;
  return db.transaction((s: 'checked' | 'unchecked') => {
    const at = new Date().toISOString();
    checklist.set(encounterId, { itemId, status: s, reason: null, updatedAt: at, updatedBy: nurse });
    audit.append({ at, user: nurse, patientId: null, action: 'checklist.setItem', target: `encounter:${encounterId}/item:${itemId}` });
  });
}

export async function benchSave(ds: Dataset, runs = 300): Promise<Measurement[]> {
  const bench = await openBenchCore(ds.dataDir);
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-static-'));
  const host = await startHost({ dispatch: bench.core.dispatch, staticDir });
  try {
    const encounterId = ds.info.openEncounterId;
    const [floorItem, dispatchItem, httpItem] = ds.info.openItemIds;
    if (!floorItem || !dispatchItem || !httpItem) throw new Error('the open encounter has too few items');
    const floorSave = floorUpsert(bench.core.db, encounterId, floorItem);
    const writesAlone = commandWrites(bench.core.db, loadAuditKey(`${ds.dataDir}.keys`).key, encounterId, floorItem);
    const viaHttp = async (i: number) => {
      const response = await fetch(`${host.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: host.secret, [SESSION_HEADER]: bench.nurse },
        body: JSON.stringify({ method: 'checklist.setItem', input: { encounterId, itemId: httpItem, status: status(i) } }),
      });
      const envelope = (await response.json()) as { ok: boolean };
      if (!envelope.ok) throw new Error(`HTTP save refused: ${JSON.stringify(envelope)}`);
    };
    const times = { floor: [] as number[], writes: [] as number[], dispatcher: [] as number[], sealed: [] as number[], http: [] as number[] };
    for (let i = -20; i < runs; i++) {
      let t = performance.now();
      floorSave.immediate(status(i));
      const f = performance.now() - t;
      t = performance.now();
      writesAlone.immediate(status(i));
      const w = performance.now() - t;
      t = performance.now();
      await bench.call('checklist.setItem', { encounterId, itemId: dispatchItem, status: status(i) });
      const d = performance.now() - t;
      await bench.core.auditSettled();
      const sealed = performance.now() - t;
      t = performance.now();
      await viaHttp(i);
      const h = performance.now() - t;
      await bench.core.auditSettled();
      // The first 20 warm the caches and the HTTP connection.
      if (i >= 0) {
        times.floor.push(f);
        times.writes.push(w);
        times.dispatcher.push(d);
        times.sealed.push(sealed);
        times.http.push(h);
      }
    }
    const baseline = { label: 'floor: same single-row upsert, BEGIN IMMEDIATE … COMMIT, synchronous=FULL', summary: summarize(times.floor) };
    const dispatcher = summarize(times.dispatcher);
    const writes = summarize(times.writes);
    return [
      {
        bench: 'save', size: ds.size, label: 'checklist.setItem through the dispatcher', unit: 'ms', summary: dispatcher, baseline, goal: '≤ 1.5× floor (median)', met: dispatcher.median <= 1.5 * baseline.summary.median,
        note: `the app layer over the command's own writes: ${(dispatcher.median / writes.median).toFixed(2)}× (${(dispatcher.median - writes.median).toFixed(2)} ms)`,
      },
      {
        bench: 'save', size: ds.size, label: 'checklist.setItem through the dispatcher, to its audit seal on disk', unit: 'ms', summary: summarize(times.sealed), baseline,
        note: 'the answer, then the check of its audit entry and the seal written in place (fdatasync) after it: the whole disk work of a save',
      },
      { bench: 'save', size: ds.size, label: "the command's writes alone (item, history, audit entry and head; one transaction)", unit: 'ms', summary: writes, baseline },
      { bench: 'save', size: ds.size, label: 'checklist.setItem through the loopback HTTP host', unit: 'ms', summary: summarize(times.http), baseline },
    ];
  } finally {
    await host.close();
    bench.core.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}
