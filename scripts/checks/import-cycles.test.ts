// shared/ is read by every layer; a circle inside it means no file there can be understood
// (or moved) on its own. The finder is tested on a made-up graph so it cannot pass by finding nothing.
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from './import-graph';

describe('import cycles', () => {
  it('the finder reports a circle, type-only imports included, and nothing in a tree', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(importCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });

  it('the graph of shared/ holds its imports, type-only ones too', () => {
    const graph = importGraph(sourceFiles('shared'));
    expect(graph.get('shared/note/text.ts')).toContain('shared/contract/text-rules.ts');
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('shared/ has no import circle', () => {
    const cycles = importCycles(importGraph(sourceFiles('shared')));
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
