/** Plain-text rendering of the note, for pasting into an EHR. */
import type { NoteContent } from './content';

export function renderNoteText(note: NoteContent): string {
  const out: string[] = [note.title.toUpperCase(), ''];
  for (const section of note.sections) {
    out.push(section.heading.toUpperCase());
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') out.push(block.text);
      else if (block.kind === 'list') for (const item of block.items) out.push(`- ${item}`);
      else if (block.kind === 'signature') out.push(`${block.label}. ${block.caption}.`);
      else for (const [label, value] of block.rows) out.push(`${label}: ${value}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
