// A comment, test title or document that names a repository path names one that exists; the probe below
// shows the check would see a missing one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from './import-graph';
import { exists, markdownLinks, pathReferences } from './path-references';

const FOLDERS = ['shared', 'db', 'electron', 'renderer', 'e2e', 'scripts', 'bench'];
const scripts = (dir: string) =>
  fs.readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mjs|cjs)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.posix.join(dir, f));
const documents = ['README.md', ...fs.readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function dangling(files: readonly string[], refs: (file: string) => { file: string; line: number; path: string }[]): string[] {
  return files.flatMap(refs).filter((r) => !exists(r.path)).map((r) => `${r.file}:${r.line} names ${r.path}`);
}

describe('paths named in comments and documents', () => {
  it('the check finds a made-up path in a comment and a document, and not one in code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'path-refs-'));
    const rel = path.relative(repoRoot, dir);
    try {
      fs.writeFileSync(path.join(dir, 'probe.ts'), "// see db/no-such-file.ts\nexport const p = 'db/also-missing.ts';\n");
      fs.writeFileSync(path.join(dir, 'probe.test.ts'), "it('works (behaviour in db/gone.test.ts)', () => {});\n");
      expect(pathReferences(`${rel}/probe.test.ts`)).toEqual([{ file: `${rel}/probe.test.ts`, line: 1, path: 'db/gone.test.ts' }]);
      fs.writeFileSync(path.join(dir, 'probe.md'), 'See `shared/note/model.ts` and docs/no-such.md, and [x](nowhere.md).\n');
      expect(pathReferences(`${rel}/probe.ts`).map((r) => r.path)).toEqual(['db/no-such-file.ts']);
      expect(pathReferences(`${rel}/probe.md`).filter((r) => !exists(r.path)).map((r) => r.path)).toEqual(['docs/no-such.md']);
      expect(markdownLinks(`${rel}/probe.md`).filter((r) => !exists(r.path))).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every path a source comment or test title names exists', () => {
    const files = FOLDERS.flatMap((f) => [...sourceFiles(f), ...scripts(f)]);
    expect(dangling(files, pathReferences)).toEqual([]);
  });

  it('every path the README and docs/ name exists', () => {
    expect(dangling(documents, (f) => [...pathReferences(f), ...markdownLinks(f)])).toEqual([]);
  });
});
