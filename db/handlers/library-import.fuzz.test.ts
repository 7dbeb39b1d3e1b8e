// Property: any invalidating mutation of a valid library document is refused
// with a precise message (a path into the document and what is wrong) and
// leaves the database exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, openTempCore, PHYSICIAN, tableCounts } from '../testing/temp-core';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

let core: ReturnType<typeof openTempCore>;
let valid: Json;
beforeAll(async () => {
  core = openTempCore();
  const exported = ok<{ document: string }>(await core.act('library.export', { templateIds: ['lumbar-medial-branch-block'] }));
  valid = JSON.parse(exported.document) as Json;
});
afterAll(() => core.cleanup());

function leaves(value: Json, path: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  return out;
}

function setAt(root: Json, path: Path, next: Json): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return next;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = next;
  return copy;
}

/** A value of a different JSON type: never acceptable where the schema expects the original's type. */
function otherType(value: Json, pick: number): Json {
  const options: Json[] = [42, 'text', true, [], { x: 1 }];
  const kind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const different = options.filter((o) => kind(o) !== kind(value) && !(typeof value === 'string' && typeof o === 'string'));
  return different[pick % different.length]!;
}

const ENUM_KEYS = new Set(['evidence', 'severity', 'frequency', 'modality', 'contrast', 'phase', 'class', 'format']);

type Mutation = { text: string; path: string | null; kind: string };

const mutation = (): fc.Arbitrary<Mutation> => {
  const all = leaves(valid);
  const objects = all.filter((l) => l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value));
  const strings = all.filter((l) => typeof l.value === 'string' && l.path.length > 0);
  const typed = all.filter((l) => l.path.length > 0);
  const enums = all.filter((l) => typeof l.path[l.path.length - 1] === 'string' && ENUM_KEYS.has(l.path[l.path.length - 1] as string));
  const sourceIds = all.filter((l) => l.path[l.path.length - 1] === 'sourceId');
  const at = (p: Path) => p.join('.');
  return fc.oneof(
    fc.record({ i: fc.nat(typed.length - 1), pick: fc.nat(10) }).map(({ i, pick }) => {
      const t = typed[i]!;
      return { kind: 'wrong type', path: at(t.path), text: JSON.stringify(setAt(valid, t.path, otherType(t.value, pick))) };
    }),
    fc.record({ i: fc.nat(objects.length - 1), key: fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/) }).map(({ i, key }) => {
      const o = objects[i]!;
      const extra = { ...(o.value as Record<string, Json>), [`x_${key}`]: 'unexpected' };
      return { kind: 'unknown key', path: at(o.path), text: JSON.stringify(setAt(valid, o.path, extra)) };
    }),
    fc.record({ i: fc.nat(strings.length - 1) }).map(({ i }) => {
      const s = strings[i]!;
      return { kind: 'empty text', path: at(s.path), text: JSON.stringify(setAt(valid, s.path, '')) };
    }),
    // A control, bidi or separator character anywhere in any text (issue 16): an import is a boundary too.
    fc.record({ i: fc.nat(strings.length - 1), at: fc.nat(), char: fc.constantFrom('\u0000', '\u0007', '\u001b', '\r', '\u0085', '\u202e', '\u2066', '\u2028', '\ud800') }).map(({ i, at: where, char }) => {
      const s = strings[i]!;
      const text = s.value as string;
      const cut = where % (text.length + 1);
      return { kind: `U+${char.codePointAt(0)!.toString(16)} in text`, path: at(s.path), text: JSON.stringify(setAt(valid, s.path, `${text.slice(0, cut)}${char}${text.slice(cut)}`)) };
    }),
    fc.record({ i: fc.nat(Math.max(0, enums.length - 1)), word: fc.stringMatching(/^[a-z]{3,10}$/) }).map(({ i, word }) => {
      const e = enums[i]!;
      return { kind: 'bad enum', path: at(e.path), text: JSON.stringify(setAt(valid, e.path, `not-${word}`)) };
    }),
    fc.record({ i: fc.nat(sourceIds.length - 1), n: fc.nat() }).map(({ i, n }) => {
      const s = sourceIds[i]!;
      return { kind: 'unknown source', path: at(s.path), text: JSON.stringify(setAt(valid, s.path, `no-such-source-${n}`)) };
    }),
    fc.record({ i: fc.nat(typed.length - 1), depth: fc.integer({ min: 13, max: 40 }) }).map(({ i, depth }) => {
      let deep: Json = 'bottom';
      for (let d = 0; d < depth; d++) deep = [deep];
      return { kind: 'too deep', path: null, text: JSON.stringify(setAt(valid, typed[i]!.path, deep)) };
    }),
    fc.nat().map((n) => {
      const text = JSON.stringify(valid);
      return { kind: 'truncated', path: null, text: text.slice(0, n % (text.length - 2)) };
    }),
  );
};

describe('library import under mutation', () => {
  it('refuses every invalidating mutation precisely and writes nothing', async () => {
    // The unmutated document imports (as "unchanged", one audit entry); then no mutation may write anything.
    expect(ok(await core.act('library.import', { actor: PHYSICIAN, document: JSON.stringify(valid) }))).toMatchObject({ inserted: [] });
    const before = tableCounts(core);
    const hashes = () => core.db.prepare('SELECT id, version, content_sha256 FROM templates ORDER BY id, version').all();
    const hashesBefore = hashes();

    await fc.assert(
      fc.asyncProperty(mutation(), async (m) => {
        const result = await core.act('library.import', { actor: PHYSICIAN, document: m.text });
        expect(result.ok, `${m.kind} at ${m.path} was accepted`).toBe(false);
        if (result.ok) return;
        expect(['INVALID_INPUT']).toContain(result.error.code);
        const problems = (result.error.details ?? []) as { path: string; message: string }[];
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) {
          expect(p.path.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(3);
        }
        if (m.path !== null) {
          const related = problems.some((p) => p.path === m.path || m.path!.startsWith(`${p.path}.`) || p.path.startsWith(`${m.path}.`) || p.path === '(input)');
          expect(related, `${m.kind} at ${m.path}; reported ${JSON.stringify(problems.slice(0, 3))}`).toBe(true);
        }
      }),
      { numRuns: 5000, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
    );
    expect(tableCounts(core)).toEqual(before);
    expect(hashes()).toEqual(hashesBefore);
  }, 180_000);
});
