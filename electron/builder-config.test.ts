// The packaging configuration, checked without building (the Electron binary cannot be downloaded here).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const section = (name: string) => (config[name] ?? {}) as Record<string, unknown>;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

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

  it('packages only built output (no sources, maps, tests or the loopback host), never rebuilds native modules, unpacks the SQLite driver', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!out/**/*.map', '!out/test/**', '!out/host/**']);
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**']);
    expect(pkg.main).toBe('out/electron/main.cjs');
    // The app's entry point is inside the packaged files, and is what the build writes.
    expect(fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8')).toContain("outdir: 'out/electron'");
  });

  it('builds AppImage and deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toBe('nsis');
    expect(section('mac').target).toBe('dmg');
    // A clinic PC often has no administrator at hand: a per-user install that may choose its folder.
    expect(section('nsis')).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    // The deb needs a maintainer; the categories put the app under Medical.
    expect(section('linux').maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/);
    expect(section('linux').category).toBe('Medical');
    expect(section('mac').category).toBe('public.app-category.medical');
  });

  it('names the app as package.json does, with a reverse-DNS app id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+){2,}$/);
    expect(config.productName).toBe(pkg.productName);
    expect(section('linux').executableName).toBe('proceduredesk');
  });

  it('takes its icons from electron/build-resources, at the sizes each platform needs', () => {
    const dir = section('directories').buildResources as string;
    expect(dir).toBe('electron/build-resources');
    expect(fs.existsSync(path.join(root, dir, 'icon.svg'))).toBe(true);
    const macIcon = section('mac').icon as string;
    expect(pngSize(path.join(root, macIcon))).toEqual({ width: 512, height: 512 });
    const linuxIcons = path.join(root, section('linux').icon as string);
    for (const size of [256, 512]) expect(pngSize(path.join(linuxIcons, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    // An .ico: reserved 0, type 1, and a 256 px entry (stored as width 0).
    const ico = fs.readFileSync(path.join(root, section('win').icon as string));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16]);
    expect(widths).toContain(0);
  });

  it('`npm run dist` builds first, then packages with this file and a pinned electron-builder; Electron is pinned too', () => {
    expect(pkg.scripts.dist).toMatch(/^npm run build && node scripts\/with-node\.mjs npx --yes electron-builder@\d+\.\d+\.\d+ --config electron-builder\.yml --publish never$/);
    expect(pkg.scripts.build).toBe('node scripts/with-node.mjs scripts/build.mjs');
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(section('directories').output).toBe('dist');
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
  });

  it('ships as runtime dependencies only what the bundles leave external (scripts/build.mjs), so no UI library is copied into the package', () => {
    const build = fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
    const external = JSON.parse(/const external = (\[[^\]]*\])/.exec(build)![1]!.replaceAll("'", '"')) as string[];
    expect(Object.keys(pkg.dependencies).sort()).toEqual(external.filter((name) => name !== 'electron').sort());
  });
});
