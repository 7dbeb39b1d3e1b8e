// The repository paths that comments and documents name, and whether each exists: a pointer
// to a file that was moved or never written sends a reader looking for nothing.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './import-graph';

/** The folders a path must start with to count as a repository path. */
const TOP = ['shared', 'db', 'electron', 'renderer', 'e2e', 'scripts', 'bench', 'docs', '.ci', '.github'];
const PATH = new RegExp(`(?<![\\w./@#~-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./-]*`, 'g');
const CODE = /\.(ts|tsx|mjs|cjs|js)$/;

export interface PathReference {
  file: string;
  line: number;
  path: string;
}

/** Every comment in a source file with the line it starts on. */
function comments(text: string, file: string): { text: string; line: number }[] {
  const variant = file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
  const out: { text: string; line: number }[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push({ text: scanner.getTokenText(), line: text.slice(0, scanner.getTokenStart()).split('\n').length });
    }
  }
  return out;
}

/** The repository paths named in a text; globs and placeholders (`*`, `<name>`) are not paths. */
function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH)]
    .filter((m) => !/[*<{]/.test(text[m.index + m[0].length] ?? ''))
    .map((m) => m[0].replace(/[.]+$/, ''))
    .filter((p) => p.includes('/') && !p.endsWith('/.'));
}

/** The titles of a test file's tests and suites (`it('… (behaviour in db/x.test.ts)')` points a reader too). */
function testTitles(text: string, file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && /^(it|test|describe)\b/.test(node.expression.getText(source))) {
      const [title] = node.arguments;
      if (title && ts.isStringLiteralLike(title)) out.push({ text: title.text, line: source.getLineAndCharacterOfPosition(title.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Paths named in the comments and test titles of a source file, or anywhere in a Markdown file. */
export function pathReferences(file: string): PathReference[] {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const chunks = CODE.test(file)
    ? [...comments(text, file), ...(/\.(test|spec)\.tsx?$/.test(file) ? testTitles(text, file) : [])]
    : text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
  return chunks.flatMap((c) =>
    c.text.split('\n').flatMap((lineText, i) => pathsIn(lineText).map((p) => ({ file, line: c.line + i, path: p }))),
  );
}

/** Markdown link targets, relative to the document's own folder (`[x](data-safety.md)`). */
export function markdownLinks(file: string): PathReference[] {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  return text.split('\n').flatMap((lineText, i) =>
    [...lineText.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/i.test(target))
      .map((target) => ({ file, line: i + 1, path: path.posix.join(path.posix.dirname(file), target) })),
  );
}

/** A file or folder; a module may be named without its extension (db/testing/temp-core). */
export function exists(repoPath: string): boolean {
  return ['', '.ts', '.tsx'].some((ext) => fs.existsSync(path.join(repoRoot, `${repoPath}${ext}`)));
}
