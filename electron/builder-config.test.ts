// The packaging configuration, checked without building (the Electron binary cannot be downloaded here).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(fs.readFileSync(path.join(__dirname, '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only built output, never rebuilds native modules, unpacks better-sqlite3', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!out/**/*.map', '!out/test/**']);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/electron/main.cjs');
  });
});
