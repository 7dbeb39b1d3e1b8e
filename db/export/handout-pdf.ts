/**
 * The patient handout as a PDF (shared/note/handout.ts lays out what it says): large type
 * (12 pt text, larger headings) for a patient to read at home, through the note's pdfmake
 * setup (db/export/pdf.ts). Every string is neutralised first, as in the note.
 */
import { neutraliseText, oneLine } from '#shared/contract/text-rules';
import type { Handout, HandoutLine } from '#shared/note/handout';
import { renderPdf } from './pdf';

const text = (s: string) => neutraliseText(s, 'multiline').replace(/\t/g, '    ');

/** One line: a medicine's name in bold, the words, the marks in italics, a time on its own line in bold. */
function item(l: HandoutLine): Record<string, unknown> {
  const words = [
    ...(l.label ? [{ text: `${oneLine(l.label)}: `, bold: true }] : []),
    { text: text(l.text) },
    ...l.marks.map((m) => (m === '*' ? { text: ' *', bold: true } : { text: ` ${oneLine(m)}`, italics: true })),
  ];
  return { stack: [{ text: words }, ...(l.when ? [{ text: oneLine(l.when), bold: true, margin: [0, 1, 0, 0] }] : [])], margin: [0, 0, 0, 1] };
}

/** The words of a line with its marks, for headings and the footer. */
const inline = (l: HandoutLine) => `${oneLine(l.text)}${l.marks.map((m) => (m === '*' ? ' *' : ` ${oneLine(m)}`)).join('')}`;

export async function renderHandoutPdf(h: Handout, meta: { generatedAt: string; subject: string }): Promise<Buffer> {
  const title = inline(h.title);
  const doc = {
    info: { title: oneLine(h.title.text), subject: oneLine(meta.subject), creator: 'ProcedureDesk', producer: 'ProcedureDesk', creationDate: new Date(meta.generatedAt) },
    language: h.lang,
    pageSize: 'LETTER',
    pageMargins: [36, 32, 36, 36],
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.0 },
    footer: (page: number, pages: number) => ({
      margin: [36, 10, 36, 0],
      columns: [{ text: oneLine(h.patientLine), fontSize: 10, width: '*' }, { text: `${page} / ${pages}`, alignment: 'right', fontSize: 10, width: 40 }],
    }),
    content: [
      ...(h.notReviewedMark ? [{
        table: { widths: ['*'], body: [[{ text: oneLine(h.notReviewedMark), bold: true, fontSize: 13, margin: [4, 3, 4, 3] }]] },
        margin: [0, 0, 0, 8],
      }] : []),
      { text: title, fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      { text: oneLine(h.patientLine), fontSize: 12, margin: [0, 0, 0, 8] },
      // A heading never ends a page alone: it goes with its first line.
      ...h.sections.flatMap((s) => {
        const [first, ...rest] = s.lines.map(item);
        const heading = { text: inline(s.heading), fontSize: 14, bold: true, margin: [0, 5, 0, 2] };
        return [{ stack: [heading, { ul: [first] }], unbreakable: true }, ...(rest.length ? [{ ul: rest }] : [])];
      }),
      { text: h.footer.map(inline).join('\n'), fontSize: 12, margin: [0, 6, 0, 0] },
    ],
  };
  return renderPdf(doc);
}
