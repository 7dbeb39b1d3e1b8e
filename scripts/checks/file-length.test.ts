// Source files stay under 300 lines, so each holds one job a reader can take in; a longer one is
// split by what its parts do. The probe shows the count sees a long file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from './import-graph';

const MAX_LINES = 300;
const FOLDERS = ['shared', 'db', 'electron', 'renderer', 'e2e', 'scripts', 'bench'];

// Longer for now, each with its reason; an entry goes once its file is split.
const ALLOWED: Record<string, string> = {
  // One file on purpose: its last test checks that the file called every method of the contract.
  'db/core.test.ts': 'the round trip of every contract method, whose coverage check needs every call in one file',
};

const scripts = (dir: string) =>
  fs.readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mjs|cjs|js)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.posix.join(dir, f));

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function overLong(files: readonly string[]): string[] {
  return files
    .map((file) => ({ file, lines: lineCount(fs.readFileSync(path.join(repoRoot, file), 'utf8')) }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
}

describe('source files stay under 300 lines', () => {
  it('the count matches wc -l and sees a file one line over', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount(`${'x\n'.repeat(MAX_LINES + 1)}`)).toBeGreaterThan(MAX_LINES);
  });

  it('no source file is longer, outside the allow-list', () => {
    const files = FOLDERS.flatMap((f) => [...sourceFiles(f), ...scripts(f)]).filter((f) => !(f in ALLOWED));
    expect(overLong(files)).toEqual([]);
  });

  it('every allow-listed file exists and is still longer (a split file leaves the list)', () => {
    expect(overLong(Object.keys(ALLOWED))).toHaveLength(Object.keys(ALLOWED).length);
  });
});
