// The screenshots `npm run screenshots` takes are all shown in docs/screenshots.md (none left
// stale and unused), each screen in light and dark; the README's own thumbnails exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const linkedIn = (file: string, prefix: string) =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/!\[[^\]]+\]\(([^)]+\.png)\)/g)].map((m) => path.posix.normalize(path.posix.join(prefix, m[1]!)));
const gallery = linkedIn('docs/screenshots.md', 'docs');
const readme = linkedIn('README.md', '.');
const taken = fs.readdirSync(path.join(root, 'scripts', 'screenshots')).filter((f) => f.endsWith('.png')).map((f) => `scripts/screenshots/${f}`);

describe('screenshots in the docs', () => {
  it('link only screenshots that exist; the gallery shows each screen in light and dark', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(8);
    expect(readme.length).toBeGreaterThanOrEqual(1);
    for (const file of [...gallery, ...readme]) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    const screens = new Set(gallery.map((f) => f.replace(/-(light|dark)\.png$/, '')));
    for (const screen of screens) expect(gallery).toEqual(expect.arrayContaining([`${screen}-light.png`, `${screen}-dark.png`]));
  });

  it('show every screenshot the script takes', () => {
    expect([...taken].sort()).toEqual([...new Set(gallery)].sort());
  });
});
