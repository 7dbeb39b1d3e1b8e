/**
 * One namespace, one slice: db/handlers/<namespace>.ts serves exactly the
 * namespace its name says, every namespace the core serves has its file, and
 * every method the core serves has its handler there. Read from the files'
 * text, so a method put in the wrong file fails here before any call is made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHODS, type MethodName } from '#shared/contract/methods';

const dir = new URL('./', import.meta.url);

/** A handler's key in its object literal: `'namespace.verb': (...` at the start of a line. */
const HANDLER_KEY = /^\s*'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'\s*:/gm;

/** followUp -> follow-up: the file names of this repository are kebab-case. */
const fileOf = (namespace: string): string => namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The handler files and the methods each serves (db/handlers/support/ holds helpers and serves none). */
function servedByFile(files: ReadonlyMap<string, string>): Map<string, string[]> {
  return new Map([...files].map(([file, text]) => [file, [...text.matchAll(HANDLER_KEY)].map((m) => m[1]!)]));
}

/** What is wrong with a mapping of handler files to the methods they serve; empty when each namespace is one slice. */
function sliceProblems(served: ReadonlyMap<string, readonly string[]>, coreMethods: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [file, methods] of served) {
    for (const m of methods) if (fileOf(m.split('.')[0]!) !== file) problems.push(`db/handlers/${file}.ts serves ${m}, outside its namespace`);
    if (methods.length === 0) problems.push(`db/handlers/${file}.ts serves no method: a helper belongs in db/handlers/support/`);
  }
  const all = [...served.values()].flat();
  for (const m of coreMethods) {
    const file = fileOf(m.split('.')[0]!);
    if (!served.has(file)) problems.push(`namespace of ${m} has no db/handlers/${file}.ts`);
    else if (!all.includes(m)) problems.push(`${m} has no handler in db/handlers/${file}.ts`);
  }
  for (const m of all) if (!coreMethods.includes(m)) problems.push(`${m} has a handler but the contract does not say the core serves it`);
  return problems;
}

const coreMethods = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].servedBy === 'core');

describe('each contract namespace the core serves is one handler file', () => {
  it('db/handlers/<namespace>.ts serves exactly its namespace, and every core method has its handler', () => {
    const files = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => [f.slice(0, -'.ts'.length), readFileSync(new URL(f, dir), 'utf8')] as const),
    );
    expect(sliceProblems(servedByFile(files), coreMethods)).toEqual([]);
  });

  it('fails on a method in the wrong file, a namespace with no file and a method with no handler', () => {
    const good = new Map([['follow-up', ['followUp.add']], ['note', ['note.get']]]);
    expect(sliceProblems(good, ['followUp.add', 'note.get'])).toEqual([]);
    expect(sliceProblems(new Map([['note', ['note.get', 'export.startBatch']]]), ['note.get', 'export.startBatch'])).toEqual([
      'db/handlers/note.ts serves export.startBatch, outside its namespace',
      'namespace of export.startBatch has no db/handlers/export.ts',
    ]);
    expect(sliceProblems(good, ['followUp.add', 'note.get', 'note.sign'])).toEqual(['note.sign has no handler in db/handlers/note.ts']);
    expect(sliceProblems(new Map([...good, ['lookups', []]]), ['followUp.add', 'note.get'])).toEqual([
      'db/handlers/lookups.ts serves no method: a helper belongs in db/handlers/support/',
    ]);
  });

  it('reads a handler key, and not an audit action or a type union', () => {
    const text = "  'users.setActive': ({ userId }) => {\n    audit.append({ action: 'users.deactivate' });\ntype M = 'users.list' | 'users.create';\n";
    expect(servedByFile(new Map([['users', text]]))).toEqual(new Map([['users', ['users.setActive']]]));
  });
});
