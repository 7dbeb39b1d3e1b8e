/** Test support: a real PNG (a "signature" stroke, grey on transparent) made without any image library. */
import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of `width`×`height` with a wavy stroke across it, as base64. */
export function signaturePngBase64(width = 120, height = 40): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, then RGBA pixels
    for (let x = 0; x < width; x++) {
      const strokeY = Math.round(height / 2 + Math.sin(x / 8) * (height / 4));
      if (Math.abs(y - strokeY) <= 1) row.set([20, 20, 60, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  return rgbaPngBase64(width, height, rows);
}

/** A PNG (base64) from its RGBA rows, each starting with filter byte 0. */
function rgbaPngBase64(width: number, height: number, rows: Buffer[]): string {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

/**
 * A drawn signature that does not compress: every pixel from a fixed pseudo-random sequence, about
 * width × height × 4 bytes in the PNG. Several of them make a note's PDF too large for HL7's OBX-5.
 */
export function noisySignaturePngBase64(width = 200, height = 80, seed = 1): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x++) row.set([next(), next(), next(), 255], 1 + x * 4);
    rows.push(row);
  }
  return rgbaPngBase64(width, height, rows);
}
