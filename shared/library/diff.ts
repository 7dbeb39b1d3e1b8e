/**
 * What changed between two template versions, as a list a reviewer can read
 * before publishing: items matched by id (added, removed, changed), other
 * fields by path.
 */
export interface Change {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasIds(list: Json[]): list is { id: string }[] & Json[] {
  return list.every((x) => isRecord(x) && typeof x.id === 'string');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(before: unknown, after: unknown, path: string, out: Change[]): void {
  if (same(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before as Json[]) && hasIds(after as Json[])) {
    const a = new Map((before as { id: string }[]).map((x) => [x.id, x]));
    const b = new Map((after as { id: string }[]).map((x) => [x.id, x]));
    for (const [id, x] of a) if (!b.has(id)) out.push({ kind: 'removed', path: `${path}[${id}]`, before: x });
    for (const [id, x] of b) {
      if (!a.has(id)) out.push({ kind: 'added', path: `${path}[${id}]`, after: x });
      else walk(a.get(id), x, `${path}[${id}]`, out);
    }
    const order = (list: { id: string }[]) => list.map((x) => x.id).filter((id) => a.has(id) && b.has(id)).join();
    if (order(before as { id: string }[]) !== order(after as { id: string }[])) out.push({ kind: 'changed', path: `${path} (order)` });
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const p = path ? `${path}.${key}` : key;
      if (!(key in after)) out.push({ kind: 'removed', path: p, before: before[key] });
      else if (!(key in before)) out.push({ kind: 'added', path: p, after: after[key] });
      else walk(before[key], after[key], p, out);
    }
    return;
  }
  out.push({ kind: 'changed', path, before, after });
}

export function diffTemplates(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, '', out);
  return out.filter((c) => c.path !== 'version');
}
