/** HL7 v2 escaping of text (v2.5.1 §2.7), for the MDM builder and whoever reads its messages back. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\\': 'E', '|': 'F', '^': 'S', '&': 'T', '~': 'R' };

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Escapes text for an HL7 v2 field, component or subcomponent (v2.5.1 §2.7): the
 * delimiters become \F\ (|), \S\ (^), \T\ (&), \R\ (~) and \E\ (the escape character
 * itself); CR, LF and other control characters become hexadecimal escapes (\X0D\), so
 * no text can end a segment or split a field. Everything else, accented letters
 * included, passes through (the message declares UTF-8 in MSH-18).
 */
export function escapeHl7(text: string): string {
  let out = '';
  for (const char of text) {
    const named = NAMED_ESCAPES[char];
    const code = char.codePointAt(0) ?? 0;
    if (named) out += `\\${named}\\`;
    else if (code < 0x20 || code === 0x7f) out += `\\X${hex(code)}\\`;
    else out += char;
  }
  return out;
}

/**
 * The inverse of escapeHl7 (also reads \.br\ as a line break); unknown escapes are left as they
 * are. Hex escapes are read as single-byte characters, which is all escapeHl7 writes.
 */
export function unescapeHl7(text: string): string {
  const names: Record<string, string> = { E: '\\', F: '|', S: '^', T: '&', R: '~' };
  return text.replace(/\\(E|F|S|T|R|\.br|X(?:[0-9A-Fa-f]{2})+)\\/g, (whole, code: string) => {
    if (code === '.br') return '\n';
    if (code.startsWith('X')) return (code.slice(1).match(/../g) ?? []).map((h) => String.fromCharCode(parseInt(h, 16))).join('');
    return names[code] ?? whole;
  });
}
