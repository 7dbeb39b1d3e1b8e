/**
 * Benchmark 4 (single note): note.export of one signed note through the
 * dispatcher (read and verify the signed copy and its addenda, render PDF and
 * text, record the export and its audit entry durably), against the floor of
 * rendering the same signed content to PDF with pdfmake alone.
 * The 1,000-note batch export is benchmarked separately (see RESULTS.md).
 */
import { renderNotePdf } from '#db/export/pdf';
import { createSignedNoteRepository } from '#db/repositories/signed-notes';
import type { NoteContent } from '#shared/note/model';
import type { Dataset } from '../data/dataset';
import { openBenchCore } from '../lib/session';
import { summarize } from '../lib/stats';
import type { Measurement } from '../lib/result';

export async function benchExport(ds: Dataset, runs = 20): Promise<Measurement[]> {
  const bench = await openBenchCore(ds.dataDir);
  try {
    const encounterId = ds.info.signedEncounterId;
    const content = JSON.parse(createSignedNoteRepository(bench.core.db).byEncounter(encounterId)!.contentJson) as NoteContent;
    const rssBefore = process.memoryUsage().rss;
    const floorTimes: number[] = [];
    const exportTimes: number[] = [];
    let bytes = 0;
    // Interleaved, after 3 of each untimed, so pdfmake's warm-up and any drift hit both alike.
    for (let i = -3; i < runs; i++) {
      let t = performance.now();
      await renderNotePdf(content, { generatedAt: new Date().toISOString(), subject: 'benchmark' });
      const f = performance.now() - t;
      t = performance.now();
      const out = await bench.call<{ pdfBase64: string }>('note.export', { encounterId });
      const e = performance.now() - t;
      bytes = out.pdfBase64.length * 0.75;
      if (i >= 0) {
        floorTimes.push(f);
        exportTimes.push(e);
      }
    }
    const floor = summarize(floorTimes);
    const exported = summarize(exportTimes);
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
