/**
 * What the user typed in a search box, as an FTS5 MATCH expression that can
 * never be a syntax error: quotes, AND/OR/NOT/NEAR, column filters, '*', '^',
 * parentheses and the like are typed text, not query syntax.
 *
 * Each whitespace-separated word becomes one quoted phrase holding only its
 * letters and digits, with a prefix '*' on the phrase: "O'Brien" becomes
 * "o brien"* (the tokenizer splits the name the same way), "MRN-00" becomes
 * "mrn 00"*. Words are ANDed, so "pena mar" finds María Peña. Accents go in
 * the tokenizer (remove_diacritics 2) and here alike, so "Núñez" = "nunez".
 */

/** Letters and digits: what unicode61 keeps as token characters. */
const TOKEN = /[\p{L}\p{N}]+/gu;
/** At most this many words are used; a longer paste only narrows further. */
const MAX_WORDS = 8;

/** Lower case without accents, like the unicode61 tokenizer with remove_diacritics 2. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The MATCH expression for `text`, or null when it holds no letter or digit (nothing to find). */
export function ftsMatchQuery(text: string): string | null {
  const phrases: string[] = [];
  for (const word of fold(text).split(/\s+/)) {
    const tokens = word.match(TOKEN);
    if (!tokens) continue;
    // Only [\p{L}\p{N}] and spaces are inside the quotes, so no quote can close the phrase early.
    phrases.push(`"${tokens.join(' ')}"*`);
    if (phrases.length === MAX_WORDS) break;
  }
  return phrases.length ? phrases.join(' ') : null;
}
