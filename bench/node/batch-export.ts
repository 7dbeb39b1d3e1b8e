/**
 * Benchmark 4 (batch): 1,000 signed notes exported to the outbox by
 * export.startBatch, in the background, polled every 100 ms the way the
 * screen's progress bar polls. Reports the time per note (between progress
 * steps) against a baseline of the same export one note at a time
 * (note.exportToOutbox, awaited in a loop, measured in the same process), the
 * resident memory sampled through the batch (it must stay flat: nothing
 * accumulates per note), how many distinct progress values the poller saw, and
 * how quickly another call is answered while the batch runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSettingsRepository } from '#db/repositories/settings';
import type { BatchStatus } from '#shared/contract/export';
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize, time } from '../lib/stats';
import type { Measurement } from '../lib/result';
import { DEFAULT_INTEROP_SETTINGS } from '#shared/contract/settings';

const BENCH_INTEROP = {
  ...DEFAULT_INTEROP_SETTINGS,
  mrnSystem: 'urn:oid:2.16.840.1.113883.19.5',
  organization: { name: 'Bench Pain Clinic', system: 'urn:oid:2.16.840.1.113883.19.7', value: 'BENCH-01' },
};
const NOTES = Number(process.env.BENCH_BATCH_NOTES ?? 1000);
const mb = () => process.memoryUsage().rss / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchBatchExport(ds: Dataset): Promise<Measurement[]> {
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-outbox-'));
  const bench = await openBenchCore(ds.dataDir);
  try {
    // The outbox folder is an administrator's setting; the data set has no admin session to spare.
    // Issue 19: export needs the receiver's MRN system and the clinic's Organization, and signers with an NPI.
    createSettingsRepository(bench.core.db).update({ outboxFolder: outbox, interop: BENCH_INTEROP }, new Date().toISOString(), { name: 'Bench', role: 'admin' });
    bench.core.db.prepare("UPDATE users SET npi = '1234567893', provider_family_name = display_name, provider_given_name = display_name WHERE role = 'physician' AND npi IS NULL").run();
    const ids = bench.core.db.prepare('SELECT encounter_id FROM signed_notes ORDER BY rowid LIMIT ?').pluck().all(NOTES + 30) as string[];
    if (ids.length < NOTES + 30) throw new Error(`the ${ds.size} data set has only ${ids.length} signed notes`);

    // Baseline: one at a time through the dispatcher, on notes the batch will not touch.
    const single = await time(20, (i) => bench.call('note.exportToOutbox', { encounterId: ids[NOTES + 10 + Math.max(i, -1 - i) % 20] }), 5);

    gc();
    const rssStart = mb();
    const samples: { exported: number; rss: number }[] = [];
    const stepTimes: number[] = [];
    const answered: number[] = [];
    const seen = new Set<number>();
    const started = performance.now();
    let status = await bench.call<BatchStatus>('export.startBatch', { encounterIds: ids.slice(0, NOTES) });
    let last = { exported: 0, at: performance.now() };
    while (status.state === 'running') {
      await sleep(100);
      // Another user's call while the batch runs: how long until it is answered.
      const t = performance.now();
      status = await bench.call<BatchStatus>('export.batchStatus', { batchId: status.batchId });
      answered.push(performance.now() - t);
      seen.add(status.exported);
      samples.push({ exported: status.exported, rss: mb() });
      if (status.exported > last.exported) {
        const now = performance.now();
        stepTimes.push((now - last.at) / (status.exported - last.exported));
        last = { exported: status.exported, at: now };
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (status.state !== 'done' || status.exported !== NOTES) throw new Error(`batch ended ${status.state} with ${status.exported}/${NOTES}: ${JSON.stringify(status.problems.slice(0, 3))}`);
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.pdf')).length;

    // Flat memory: RSS over the last 80% of the batch against the sample at 20%.
    const warm = samples.find((s) => s.exported >= NOTES * 0.2)?.rss ?? rssStart;
    const later = samples.filter((s) => s.exported >= NOTES * 0.2).map((s) => s.rss);
    const growth = Math.max(...later) - warm;
    const flatGoal = 50;
    return [
      {
        bench: 'export', size: ds.size, label: `batch of ${NOTES.toLocaleString('en-US')} notes to the outbox (time per note, background)`, unit: 'ms',
        summary: summarize(stepTimes),
        baseline: { label: 'note.exportToOutbox one note at a time, awaited', summary: single },
        goal: 'progress moves; other calls answered meanwhile',
        met: seen.size > 10 && summarize(answered).p95 < 1000,
        note: `${seconds.toFixed(0)} s in all, ${files} PDFs (plus text, FHIR, HL7) written; the progress poll saw ${seen.size} distinct values; a status call during the batch answered in median ${summarize(answered).median.toFixed(0)} ms, p95 ${summarize(answered).p95.toFixed(0)} ms`,
      },
      {
        bench: 'export', size: ds.size, label: `batch of ${NOTES.toLocaleString('en-US')} notes: resident memory through the batch`, unit: 'MB',
        summary: summarize(later),
        baseline: { label: 'RSS at 20% of the batch', summary: summarize([warm]) },
        goal: `flat: grows less than ${flatGoal} MB from 20% to the end`,
        met: growth < flatGoal,
        note: `RSS before the batch ${rssStart.toFixed(0)} MB, at 20% ${warm.toFixed(0)} MB, highest after that ${Math.max(...later).toFixed(0)} MB (growth ${growth.toFixed(0)} MB), at the end ${samples.at(-1)!.rss.toFixed(0)} MB`,
      },
    ];
  } finally {
    bench.core.close();
    fs.rmSync(outbox, { recursive: true, force: true });
  }
}
