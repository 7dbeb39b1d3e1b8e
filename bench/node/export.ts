/**
 * Benchmark 4 (single note): note.export of one signed note through the
 * dispatcher (read and verify the signed copy and its addenda, render PDF and
 * text, record the export and its audit entry durably), against the floor of
 * rendering the same signed content to PDF with pdfmake alone.
 * The 1,000-note batch export is benchmarked separately (see RESULTS.md).
 */
import { renderNotePdf } from '#db/export/pdf';
import type { NoteContent } from '#shared/note/content';
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { time } from '../lib/stats';
import type { Measurement } from '../lib/result';

export async function benchExport(ds: Dataset, runs = 20): Promise<Measurement[]> {
  const bench = await openBenchCore(ds.dataDir);
  try {
    const encounterId = ds.info.signedEncounterId;
    const stored = bench.core.db.prepare('SELECT content_json FROM signed_notes WHERE encounter_id = ?').pluck().get(encounterId) as string;
    const content = JSON.parse(stored) as NoteContent;
    const rssBefore = process.memoryUsage().rss;
    const floor = await time(runs, () => renderNotePdf(content, { generatedAt: new Date().toISOString(), subject: 'benchmark' }), 3);
    let bytes = 0;
    const exported = await time(runs, async () => {
      const out = await bench.call<{ pdfBase64: string }>('note.export', { encounterId });
      bytes = out.pdfBase64.length * 0.75;
    }, 3);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    return [{
      bench: 'export', size: ds.size, label: 'note.export of one signed note (PDF + text) through the dispatcher', unit: 'ms', summary: exported,
      baseline: { label: 'floor: pdfmake rendering the same content alone', summary: floor },
      note: `PDF ${(bytes / 1024).toFixed(0)} KiB; process peak RSS ${peakMb.toFixed(0)} MB (${(rssBefore / 2 ** 20).toFixed(0)} MB before)`,
    }];
  } finally {
    bench.core.close();
  }
}
