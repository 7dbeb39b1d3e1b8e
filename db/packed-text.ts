/**
 * Text kept compressed in a BLOB (migration 024): a format byte (1 = raw
 * DEFLATE), then the compressed UTF-8. Hashes are always taken over the text
 * itself, never over these bytes, so the compression need not be reproducible.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const DEFLATE_RAW = 1;

export function packText(text: string): Buffer {
  return Buffer.concat([Buffer.of(DEFLATE_RAW), deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 })]);
}

export function unpackText(stored: Uint8Array, what: string): string {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[0] !== DEFLATE_RAW) throw new Error(`${what} is stored in an unknown format (${bytes[0]})`);
  return inflateRawSync(bytes.subarray(1)).toString('utf8');
}

/** Packs, and proves the packed bytes give the text back, before anything is written. */
export function packTextChecked(text: string, what: string): Buffer {
  const packed = packText(text);
  if (unpackText(packed, what) !== text) throw new Error(`${what}: the compressed bytes do not give back the text`);
  return packed;
}
