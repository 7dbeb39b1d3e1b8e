/**
 * Text kept compressed in a BLOB (migration 024): a format byte, then the
 * compressed UTF-8.
 *   1: raw DEFLATE (level 9). Still read, never written once a dictionary is at hand.
 *   2: the first 8 bytes of the SHA-256 of a preset dictionary, then raw DEFLATE
 *      (level 9) against that dictionary (zlib's preset dictionary). The caller
 *      supplies the dictionary: an immutable row (db/template-dictionary.ts), so
 *      the same bytes are at hand at every read; the hash prefix makes a wrong or
 *      missing one a clear refusal instead of garbage text.
 * Hashes and signatures are always taken over the text itself, never over these
 * bytes, so the compression need not be reproducible.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const DEFLATE_RAW = 1;
const DEFLATE_RAW_DICTIONARY = 2;
const PREFIX_BYTES = 8;

// A dictionary's hash prefix, computed once per buffer (the caller caches its dictionaries).
const prefixes = new WeakMap<Uint8Array, Buffer>();
function prefixOf(dictionary: Uint8Array): Buffer {
  let prefix = prefixes.get(dictionary);
  if (!prefix) {
    prefix = createHash('sha256').update(dictionary).digest().subarray(0, PREFIX_BYTES);
    prefixes.set(dictionary, prefix);
  }
  return prefix;
}

/** Format 2 with a dictionary, format 1 without. */
export function packText(text: string, dictionary?: Uint8Array): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  if (!dictionary) return Buffer.concat([Buffer.of(DEFLATE_RAW), deflateRawSync(utf8, { level: 9 })]);
  return Buffer.concat([Buffer.of(DEFLATE_RAW_DICTIONARY), prefixOf(dictionary), deflateRawSync(utf8, { level: 9, dictionary })]);
}

/** The text back; format 2 needs the very dictionary it was packed against (`what` names the text in the error). */
export function unpackText(stored: Uint8Array, what: string, dictionary?: Uint8Array | null): string {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[0] === DEFLATE_RAW) return inflateRawSync(bytes.subarray(1)).toString('utf8');
  if (bytes[0] !== DEFLATE_RAW_DICTIONARY) throw new Error(`${what} is stored in an unknown format (${bytes[0]})`);
  const expected = bytes.subarray(1, 1 + PREFIX_BYTES);
  if (!dictionary) throw new Error(`${what} cannot be read: the template version it was compressed against is missing`);
  if (!prefixOf(dictionary).equals(expected)) {
    throw new Error(`${what} cannot be read: the template version it was compressed against is not the same as the one at hand`);
  }
  return inflateRawSync(bytes.subarray(1 + PREFIX_BYTES), { dictionary }).toString('utf8');
}

/** Packs, and proves the packed bytes give the text back (with the same dictionary), before anything is written. */
export function packTextChecked(text: string, what: string, dictionary?: Uint8Array): Buffer {
  const packed = packText(text, dictionary);
  if (unpackText(packed, what, dictionary) !== text) throw new Error(`${what}: the compressed bytes do not give back the text`);
  return packed;
}
