/**
 * Benchmark 6: the main process's resident memory at each data size, after
 * the work of a morning: open, today's worklist, 60 patient searches, 20
 * encounters opened, 50 checklist saves, 3 note exports. Measured in a fresh
 * process per size after a full GC, so sizes compare like with like; the
 * baseline row is the process before opening the database.
 */
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';
import { queryMix } from './search';
import type { Measurement } from '../lib/result';

const mb = () => process.memoryUsage().rss / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export async function benchMemory(ds: Dataset): Promise<Measurement[]> {
  gc();
  const before = mb();
  const bench = await openBenchCore(ds.dataDir);
  try {
    const samples: number[] = [];
    const today = await bench.call<{ encounter: { id: string } }[]>('encounter.list', { date: ds.info.today, query: '' });
    for (const q of queryMix(ds)) await bench.call('patient.search', { query: q, limit: 20 });
    samples.push(mb());
    for (const row of today.slice(0, 20)) await bench.call('encounter.get', { encounterId: row.encounter.id });
    const items = ds.info.openItemIds;
    for (let i = 0; i < 50; i++) {
      await bench.call('checklist.setItem', { encounterId: ds.info.openEncounterId, itemId: items[i % items.length], status: i % 2 ? 'unchecked' : 'checked' });
    }
    samples.push(mb());
    for (let i = 0; i < 3; i++) await bench.call('note.export', { encounterId: ds.info.signedEncounterId });
    gc();
    samples.push(mb());
    const after = samples.at(-1)!;
    return [{
      bench: 'memory', size: ds.size, label: 'main-process RSS after a morning of work (after GC)', unit: 'MB',
      summary: { ...summarize([after]), max: Math.max(...samples) },
      baseline: { label: 'the same process before opening the database', summary: summarize([before]) },
      note: `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; V8 heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
    }];
  } finally {
    bench.core.close();
  }
}
