// The text rules (text-rules.ts) and the contract helpers built on them (text.ts):
// NFC, refused characters named with their field, and stored text neutralised on read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longText, pathText, personName, readStored, shortText, storedLine } from './text';
import { neutraliseText, textProblem } from './text-rules';

const REFUSED_ANYWHERE = ['\u0000', '\u0007', '\u001b', '\r', '\u000b', '\u000c', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\ud800', '\udfff'];

function issues(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error!.issues.map((i) => i.message);
}

describe('text rules', () => {
  it('NFC-normalise names and free text: a decomposed é is stored as the composed one', () => {
    expect(personName('the family name').parse('Pen\u0303a')).toBe('Peña');
    expect(longText('the note', { max: 100 }).parse('cafe\u0301\nline')).toBe('café\nline');
    expect(shortText('the search', { max: 100 }).parse('  Jose\u0301 ')).toBe('José');
  });

  it.each(REFUSED_ANYWHERE)('refuse U+%s in a name, a short text and a long text, naming the field', (char) => {
    const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    expect(issues(personName('the family name'), `Pe${char}na`)).toEqual([expect.stringMatching(new RegExp(`^the family name contains .*\\(U\\+${hex}\\).* at character 3$`))]);
    expect(issues(shortText('the place', { max: 100 }), `Room${char}1`)[0]).toMatch(/^the place contains /);
    // In long text only LF and tab are allowed; a lone CR is refused only where it is not a line ending (none: CR becomes LF).
    if (char !== '\r') expect(issues(longText('the teach-back', { max: 100 }), `ok${char}then`)[0]).toMatch(/^the teach-back contains /);
  });

  it('allow newline and tab in long text only; CR LF and a lone CR become LF', () => {
    expect(longText('the note', { max: 100 }).parse('a\r\nb\rc\td')).toBe('a\nb\nc\td');
    expect(issues(shortText('the place', { max: 100 }), 'a\nb')).toEqual(['the place contains a line break (U+000A); it must be on one line at character 2']);
    expect(issues(personName('the given name'), 'a\tb')).toEqual(['the given name contains a tab (U+0009) at character 2']);
  });

  it('keep what is only unusual: delimiters, markup, quotes, right-to-left letters, emoji, marks', () => {
    for (const text of ["O'Brien | ^~\\& <b>x</b> \"q\"", 'محمد', 'עברית', '张伟', 'Ñandú 👩🏽‍⚕️', 'a\u200eb', '- MSH|^~\\&|']) {
      expect(textProblem(text, 'line')).toBeNull();
      expect(shortText('the place', { max: 100 }).parse(text)).toBe(text.normalize('NFC'));
    }
  });

  it('say what is wrong with an empty or a long value, in the field’s words', () => {
    expect(issues(personName('the family name'), '   ')).toEqual(['the family name is required']);
    expect(issues(shortText('the reason', { min: 5, max: 500, required: 'give the reason in a few words' }), 'abc')).toEqual(['give the reason in a few words']);
    expect(issues(personName('the family name'), 'x'.repeat(101))).toEqual(['the family name is longer than 100 characters']);
  });

  it('read stored text back neutralised, never refused (rows written before the rules)', () => {
    const name = personName('the family name');
    expect(readStored(() => name.parse('\u202eDoe\r\nJane\u001b\u0007'))).toBe('Doe Jane');
    expect(readStored(() => longText('the note', { max: 10 }).parse('a\r\nb\u0000\u0085c'))).toBe('a\nb\nc');
    expect(storedLine.parse('A\nB\u2028C\tD\u009b')).toBe('A B C D');
    // A folder path is never rewritten, not even on read: another string would name another folder.
    expect(readStored(() => pathText('the outbox folder', { max: 100 }).parse('/srv/out\tbox'))).toBe('/srv/out\tbox');
    expect(pathText('the outbox folder', { max: 100 }).safeParse('/srv/out\tbox').success).toBe(false);
    // Outside readStored the same schema refuses again.
    expect(name.safeParse('Doe\u001b').success).toBe(false);
  });

  it('neutralise any text into one that passes the rules, keeping every allowed character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      for (const shape of ['line', 'multiline'] as const) {
        const clean = neutraliseText(text, shape);
        expect(textProblem(clean, shape)).toBeNull();
        if (textProblem(text, shape) === null) expect(clean).toBe(text.normalize('NFC'));
      }
    }), { numRuns: 2000 });
  });
});
