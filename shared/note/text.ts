/**
 * Plain-text rendering of the note, for pasting into an EHR. Nothing in a value
 * can pose as the note's own structure: refused characters (control, bidi) are
 * dropped, labels and headings stay on one line, and a value's own line breaks
 * (long text) continue indented under it, so no line a clinician typed starts
 * at the margin where headings, "- " items and "Label:" rows do.
 */
import { neutraliseText, oneLine } from '../contract/text-rules';
import type { NoteContent } from './model';

const CONTINUATION = '  ';

/** A value that may span lines: its first line as given, the rest indented; blank lines inside it dropped. */
function value(text: string): string {
  const [first = '', ...rest] = neutraliseText(text, 'multiline').split('\n');
  return [first, ...rest.filter((line) => line.trim() !== '').map((line) => `${CONTINUATION}${line}`)].join('\n');
}

export function renderNoteText(note: NoteContent): string {
  const out: string[] = [oneLine(note.title).toUpperCase(), ''];
  for (const section of note.sections) {
    out.push(oneLine(section.heading).toUpperCase());
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') out.push(value(block.text));
      else if (block.kind === 'list') for (const item of block.items) out.push(`- ${value(item)}`);
      else if (block.kind === 'signature') out.push(`${oneLine(block.label)}. ${oneLine(block.caption)}.`);
      else for (const [label, text] of block.rows) out.push(`${oneLine(label)}: ${value(text)}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
