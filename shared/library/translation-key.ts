/**
 * The key a translation is filed under: a hash of the exact English words (FNV-1a, 64 bits, over
 * the UTF-16 code units). Keyed by the words, not by template and fact id, so an English text that
 * changes no longer finds its old translation and falls back to English marked "not translated",
 * rather than showing a translation of words the patient is no longer told. Pure: shared/ has no crypto.
 */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function translationKey(english: string): string {
  let hash = OFFSET;
  for (let i = 0; i < english.length; i++) hash = ((hash ^ BigInt(english.charCodeAt(i))) * PRIME) & MASK;
  return `en-${hash.toString(16).padStart(16, '0')}`;
}
