// Sealed copies: the plaintext is gone, the seal opens to the exact bytes with
// the key, and a changed byte or another key is refused rather than misread.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testKey } from '../testing/temp-core';
import { tempDirsPerTest } from '../testing/temp-dirs';
import { SEALED_SUFFIX, sealFile, unsealFile } from './sealed-file';

const tempDir = tempDirsPerTest();

describe('sealed files', () => {
  it('replace the plaintext, owner-only, and give back the same bytes; tampering or another key is refused', () => {
    const dir = tempDir();
    const key = testKey();
    const file = path.join(dir, 'proceduredesk.sqlite');
    // More than one read chunk, with a recognisable text inside.
    const bytes = Buffer.concat([randomBytes(1.5 * 2 ** 20), Buffer.from('Quixotewright, Zebulon'), randomBytes(1000)]);
    fs.writeFileSync(file, bytes);
    const sealed = sealFile(file, key);
    expect(sealed).toBe(`${file}${SEALED_SUFFIX}`);
    expect(fs.readdirSync(dir)).toEqual([path.basename(sealed)]);
    expect(fs.readFileSync(sealed).includes('Quixotewright')).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(sealed).mode & 0o777).toBe(0o600);
    unsealFile(sealed, key, path.join(dir, 'out'));
    expect(fs.readFileSync(path.join(dir, 'out')).equals(bytes)).toBe(true);

    expect(() => unsealFile(sealed, testKey(), path.join(dir, 'other-key'))).toThrow(/unable to authenticate|auth/i);
    expect(fs.existsSync(path.join(dir, 'other-key'))).toBe(false);
    const fd = fs.openSync(sealed, 'r+');
    fs.writeSync(fd, Buffer.from([0x42]), 0, 1, 100_000);
    fs.closeSync(fd);
    expect(() => unsealFile(sealed, key, path.join(dir, 'tampered'))).toThrow(/unable to authenticate|auth/i);
    expect(fs.existsSync(path.join(dir, 'tampered'))).toBe(false);
  });
});
