/**
 * Renders the note content model to PDF with pdfmake, in the core, so the file is
 * the same from Electron, browser mode and the tests. Roboto (shipped inside the
 * pdfmake package) is embedded, covering accented Latin names. Every string is
 * neutralised first (text-rules.ts): headings, labels and the running header on
 * one line, so a line break stored in a name cannot add a line; a value's own
 * line breaks (long text) stay inside its item or cell, or continue a paragraph indented.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { neutraliseText, oneLine } from '#shared/contract/text-rules';
import type { NoteBlock, NoteContent } from '#shared/note/model';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const fontFiles = {
  normal: path.join(fontDir, 'Roboto-Regular.ttf'),
  bold: path.join(fontDir, 'Roboto-Medium.ttf'),
  italics: path.join(fontDir, 'Roboto-Italic.ttf'),
  bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
};
const allowedFonts = new Set(Object.values(fontFiles));

pdfmake.setFonts({ Roboto: fontFiles });
// The note never loads anything from the network or disk beyond its own fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => allowedFonts.has(path.resolve(file)));

/** A document through this setup (Roboto embedded, nothing loaded from elsewhere): the patient handout uses it too. */
export const renderPdf = (doc: Record<string, unknown>): Promise<Buffer> => pdfmake.createPdf(doc).getBuffer();

/** Small enough to move whole to the next page rather than split: a few fields, a paragraph, a signature. */
function isShort(b: NoteBlock): boolean {
  return b.kind === 'fields' ? b.rows.length <= 8 : b.kind === 'paragraph' ? b.text.length <= 600 : b.kind === 'signature';
}
/** Long text as pdfmake lays it out: LF breaks the line within the block; a tab has no glyph in the font. */
const value = (text: string) => neutraliseText(text, 'multiline').replace(/\t/g, '    ');

function block(b: NoteBlock): Record<string, unknown> {
  switch (b.kind) {
    case 'paragraph': {
      // As in the text rendering, a line typed into long text continues indented, never at the margin with the note's own lines.
      const [first, ...rest] = value(b.text).split('\n');
      return rest.length ? { stack: [first, { text: rest.join('\n'), margin: [12, 0, 0, 0] }], margin: [0, 0, 0, 4] } : { text: first, margin: [0, 0, 0, 4] };
    }
    case 'list':
      // pdfmake rewrites the arrays it is given in place; hand it copies so the
      // content model stays intact for the text rendering that may follow.
      return { ul: b.items.map((text) => ({ text: value(text) })), margin: [0, 0, 0, 4] };
    case 'fields':
      return {
        table: { widths: [150, '*'], body: b.rows.map(([label, text]) => [{ text: oneLine(label), bold: true }, value(text)]) },
        layout: 'noBorders',
        margin: [0, 0, 0, 4],
        // A short group (an addendum's author, time and reason; the export's who and when) stays on one page.
        ...(isShort(b) ? { unbreakable: true } : {}),
      };
    case 'signature':
      return {
        stack: [
          { text: oneLine(b.label), bold: true },
          ...(b.imagePngBase64 ? [{ image: `data:image/png;base64,${b.imagePngBase64}`, fit: [220, 70], margin: [0, 2, 0, 2] }] : []),
          { text: oneLine(b.caption), fontSize: 9 },
        ],
        margin: [0, 2, 0, 8],
        unbreakable: true,
      };
  }
}

export async function renderNotePdf(note: NoteContent, meta: { generatedAt: string; subject: string }): Promise<Buffer> {
  const [title, patientName, mrn, birthDate] = [note.title, note.runningHeader.patientName, note.runningHeader.mrn, note.runningHeader.birthDate].map(oneLine);
  const doc = {
    info: {
      title: `${title}: ${patientName}`,
      subject: oneLine(meta.subject),
      creator: 'ProcedureDesk',
      producer: 'ProcedureDesk',
      creationDate: new Date(meta.generatedAt),
    },
    // PDF/A-2b (ISO 19005-2, level B) through pdfkit: XMP identification, the sRGB output
    // intent, every font embedded. PDF 1.7 is the base PDF/A-2 builds on.
    subset: 'PDF/A-2b',
    version: '1.7',
    language: 'en-US',
    pageSize: 'LETTER',
    pageMargins: [54, 72, 54, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    header: () => ({
      margin: [54, 28, 54, 0],
      columns: [
        { text: patientName, bold: true },
        { text: `MRN ${mrn}`, alignment: 'center' },
        { text: `DOB ${birthDate}`, alignment: 'right' },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [54, 20, 54, 0],
      columns: [
        { text: `${title} · ProcedureDesk`, fontSize: 8, color: '#444444' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', fontSize: 8 },
      ],
    }),
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      ...note.sections.flatMap((s) => {
        const heading = { text: oneLine(s.heading), fontSize: 12, bold: true, margin: [0, 8, 0, 4] };
        const [first, ...rest] = s.blocks;
        // A heading never ends a page alone: it goes with its first block when that block is short.
        return first && isShort(first) ? [{ stack: [heading, block(first)], unbreakable: true }, ...rest.map(block)] : [heading, ...s.blocks.map(block)];
      }),
    ],
  };
  return renderPdf(doc);
}
