import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsPerTest } from '../testing/temp-dirs';
import { ensureKeyDir, perUserKeyDir, resolveKeyDir } from './key-folder';

const tempFolder = tempDirsPerTest();

describe('the key folder', () => {
  it('is never inside the data folder', () => {
    expect(() => resolveKeyDir({ PROCEDUREDESK_KEY_DIR: '/d/keys' }, '/d', 'linux', '/home/u')).toThrow(/outside the data folder/);
    expect(() => resolveKeyDir({ PROCEDUREDESK_KEY_DIR: '/d' }, '/d', 'linux', '/home/u')).toThrow(/outside the data folder/);
    expect(resolveKeyDir({ PROCEDUREDESK_KEY_DIR: '/k' }, '/d', 'linux', '/home/u')).toBe('/k');
  });

  it('sits beside a data folder given by PROCEDUREDESK_DATA_DIR, else in the per-user state folder', () => {
    expect(resolveKeyDir({ PROCEDUREDESK_DATA_DIR: '/t/data' }, '/t/data', 'linux', '/home/u')).toBe('/t/data.keys');
    expect(resolveKeyDir({}, '/home/u/.config/ProcedureDesk', 'linux', '/home/u')).toBe('/home/u/.local/state/ProcedureDesk/keys');
    expect(perUserKeyDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toContain('Keys');
  });

  it.runIf(process.platform !== 'win32')('is created owner-only, and tightened if it was not', () => {
    const dir = path.join(tempFolder(), 'k');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    ensureKeyDir(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});
