/**
 * Which characters text may hold, defined once: for the contract's checks at
 * every boundary (text.ts) and for the exports, which neutralise whatever an
 * older version stored before these checks existed. Pure ECMAScript.
 *
 * Refused everywhere: C0 controls (tab and newline allowed in long text only),
 * DEL, C1 controls, the bidirectional embedding, override and isolate
 * characters (U+202A–U+202E, U+2066–U+2069: they make text read differently
 * from what it says), the line and paragraph separators U+2028/U+2029 (a line
 * break to many readers), and unpaired surrogates (no UTF-8 file can hold them).
 */

export type TextShape = 'line' | 'multiline';

/** The name a reader can act on, for an error message. */
function describe(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0x0a || code === 0x0d) return `a line break (${hex}); it must be on one line`;
  if (code === 0x09) return `a tab (${hex})`;
  if (code === 0x2028 || code === 0x2029) return `a line or paragraph separator (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (${hex}), which is not text`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return `a bidirectional control character (${hex}), which can make text read differently from what it says`;
  return `a control character (${hex})`;
}

function refused(code: number, shape: TextShape): boolean {
  if (shape === 'multiline' && (code === 0x0a || code === 0x09)) return false;
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

/** The first refused character of a text, as a phrase for an error message ("contains … at character 4"); null when the text is clean. */
export function textProblem(text: string, shape: TextShape): string | null {
  let position = 0;
  // for…of walks code points; an unpaired surrogate comes out on its own.
  for (const char of text) {
    position += 1;
    const code = char.codePointAt(0) ?? 0;
    if (refused(code, shape)) return `contains ${describe(code)} at character ${position}`;
  }
  return null;
}

/** One canonical form of a line ending in long text: CR LF and a lone CR become LF. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** NFC, the form a name typed on one machine must have to match the same name typed on another. */
export function nfc(text: string): string {
  // normalize() throws on nothing, but keeps unpaired surrogates; textProblem reports them.
  return text.normalize('NFC');
}

const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * For exports of what is already stored: the text as it may be shown, never
 * refused. Line breaks become a space on one line or LF in long text; every
 * other refused character is removed (never printed, never sent).
 */
export function neutraliseText(text: string, shape: TextShape): string {
  const broken = nfc(text).replace(LINE_BREAKS, shape === 'line' ? ' ' : '\n');
  let out = '';
  for (const char of broken) {
    const code = char.codePointAt(0) ?? 0;
    if (shape === 'line' && code === 0x09) out += ' ';
    else if (!refused(code, shape)) out += char;
  }
  return out;
}

/**
 * For a format that escapes line breaks itself (HL7 v2 writes CR, LF and tab as \X0D\ …):
 * every refused character but those three removed.
 */
export function withoutHiddenCharacters(text: string): string {
  let out = '';
  for (const char of nfc(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x0d || code === 0x09 || !refused(code, 'line')) out += char;
  }
  return out;
}

/** neutraliseText for one line. */
export const oneLine = (text: string): string => neutraliseText(text, 'line');
