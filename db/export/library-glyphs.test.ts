// Every character the library's templates can put in a note prints in the PDF: the note's font
// (Roboto, embedded by pdf.ts) has a glyph for it. A missing glyph prints as an empty box and
// extracts as NUL or U+FFFD; the golden test looks for that in its fixed notes, this test in
// every character of every template the app offers (and of the sources they cite).
import { describe, expect, it } from 'vitest';
import { LIBRARY, LIBRARY_VERSIONS, sourcesCitedBy } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import { pdfPages } from '../testing/pdf-text';
import { renderNotePdf } from './pdf';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The characters beyond ASCII in the templates' text that do not come back out of the PDF as themselves. */
async function missingGlyphs(templates: readonly Template[]): Promise<string[]> {
  const text = templates.flatMap((t) => [...strings(t), ...sourcesCitedBy(t).flatMap((s) => strings(s))]).join('');
  const chars = [...new Set(text)].filter((c) => c.codePointAt(0)! > 0x7e).sort();
  const items = chars.map((c) => `${codePoint(c)} [${c}]`);
  const pdf = await renderNotePdf(
    { title: 'Glyphs', runningHeader: { patientName: 'Test', mrn: '0', birthDate: '2000-01-01' }, sections: [{ heading: 'Characters', blocks: [{ kind: 'list', items }] }] },
    { generatedAt: '2026-01-01T00:00:00.000Z', subject: 'glyph check' },
  );
  const extracted = (await pdfPages(pdf)).join('\n');
  return chars.filter((c, i) => !extracted.includes(items[i]!)).map((c) => `${codePoint(c)} "${c}"`);
}

describe('library text in the PDF font', () => {
  it('finds the arrow of the SCS trial template version 1, which printed as an empty box', async () => {
    const scsTrialV1 = LIBRARY_VERSIONS.filter((t) => t.id === 'scs-trial' && t.version === 1);
    expect(await missingGlyphs(scsTrialV1)).toEqual(['U+2192 "→"']);
  });

  it('has a glyph for every character of every template the app offers', async () => {
    expect(await missingGlyphs(LIBRARY)).toEqual([]);
  });
});
