// The README shows the screenshots `npm run screenshots` takes: every image it
// links exists, and every screenshot taken is shown (none left stale and unused).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const linked = [...readme.matchAll(/!\[[^\]]+\]\((scripts\/screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]!);
const taken = fs.readdirSync(path.join(root, 'scripts', 'screenshots')).filter((f) => f.endsWith('.png')).map((f) => `scripts/screenshots/${f}`);

describe('README screenshots', () => {
  it('links only screenshots that exist, each screen in light and dark', () => {
    expect(linked.length).toBeGreaterThanOrEqual(8);
    for (const file of linked) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    const screens = new Set(linked.map((f) => f.replace(/-(light|dark)\.png$/, '')));
    for (const screen of screens) expect(linked).toEqual(expect.arrayContaining([`${screen}-light.png`, `${screen}-dark.png`]));
  });

  it('shows every screenshot the script takes', () => {
    expect([...taken].sort()).toEqual([...new Set(linked)].sort());
  });
});
