/**
 * A generation's manifest: which page bytes make up the database at one moment.
 * Binary, because a 12 GB database has 3 million pages: a magic, a JSON header,
 * then per page its identity (32 bytes: the end of the page's own SQLCipher
 * HMAC, which is keyed and changes with every rewrite), the pack it sits in (u16, an index into
 * header.packs) and its slot there (u32); last an HMAC-SHA256 over all of it
 * under a key derived from the database key, so a changed manifest (a page
 * swapped for an older one, a pack renamed) is refused, not restored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DatabaseKey } from '../keys/database-key';

const MAGIC = Buffer.from('PDPAGES1', 'latin1');
const ENTRY = 38;
const MAC = 32;

export interface ManifestHeader {
  format: 1;
  createdAt: string;
  pageSize: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
  schemaObjects: number;
  /** Pack file names (under pages/) this generation's pages sit in. */
  packs: string[];
  /** Bytes this generation added to the store (its new pack). */
  newBytes: number;
}

export interface Manifest {
  header: ManifestHeader;
  /** 32 bytes per page, by page number (0-based). */
  hashes: Buffer;
  packOf: Uint16Array;
  slotOf: Uint32Array;
}

const macKey = (key: DatabaseKey) => key.derive('backup manifest');

export function encodeManifest(m: Manifest, key: DatabaseKey): Buffer {
  const header = Buffer.from(JSON.stringify(m.header), 'utf8');
  const n = m.header.pageCount;
  const body = Buffer.alloc(MAGIC.length + 4 + header.length + n * ENTRY);
  MAGIC.copy(body, 0);
  body.writeUInt32LE(header.length, MAGIC.length);
  header.copy(body, MAGIC.length + 4);
  let at = MAGIC.length + 4 + header.length;
  for (let i = 0; i < n; i++, at += ENTRY) {
    m.hashes.copy(body, at, i * 32, i * 32 + 32);
    body.writeUInt16LE(m.packOf[i]!, at + 32);
    body.writeUInt32LE(m.slotOf[i]!, at + 34);
  }
  return Buffer.concat([body, createHmac('sha256', macKey(key)).update(body).digest()]);
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Decodes and authenticates a manifest; throws ManifestError if it is not one of ours, unchanged, under this key. */
export function decodeManifest(data: Buffer, key: DatabaseKey): Manifest {
  if (data.length < MAGIC.length + 4 + MAC || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new ManifestError('not a backup manifest');
  const body = data.subarray(0, data.length - MAC);
  const mac = createHmac('sha256', macKey(key)).update(body).digest();
  if (!timingSafeEqual(mac, data.subarray(data.length - MAC))) throw new ManifestError('the manifest was changed or was written under another key (its HMAC does not match)');
  const headerLength = body.readUInt32LE(MAGIC.length);
  const header = JSON.parse(body.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength).toString('utf8')) as ManifestHeader;
  const n = header.pageCount;
  let at = MAGIC.length + 4 + headerLength;
  if (body.length !== at + n * ENTRY) throw new ManifestError(`the manifest lists ${(body.length - at) / ENTRY} pages where its header says ${n}`);
  const hashes = Buffer.alloc(n * 32);
  const packOf = new Uint16Array(n);
  const slotOf = new Uint32Array(n);
  for (let i = 0; i < n; i++, at += ENTRY) {
    body.copy(hashes, i * 32, at, at + 32);
    packOf[i] = body.readUInt16LE(at + 32);
    slotOf[i] = body.readUInt32LE(at + 34);
  }
  return { header, hashes, packOf, slotOf };
}

/** Only the header, for listing (no HMAC check: listing shows, restore and verify authenticate). */
export function peekHeader(data: Buffer): ManifestHeader | null {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const length = data.readUInt32LE(MAGIC.length);
  try {
    return JSON.parse(data.subarray(MAGIC.length + 4, MAGIC.length + 4 + length).toString('utf8')) as ManifestHeader;
  } catch {
    return null;
  }
}
