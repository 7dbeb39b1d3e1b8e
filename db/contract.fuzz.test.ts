// Every contract method under at least 10,000 generated hostile payloads (wrong
// types, missing and extra keys, huge strings, deep nesting, __proto__ keys,
// lone surrogates, control and bidi characters): each gets a typed error, nothing
// throws, Object.prototype is untouched, and the database is unchanged. And every
// string of every method's input refuses control and bidi characters, a text
// field naming itself in the message (issue 16).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#shared/contract/errors';
import { METHODS, type MethodName } from '#shared/contract/methods';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, tokenFor } from './testing/temp-core';
import { stringFields } from './testing/text-fields';

let core: ReturnType<typeof openTempCore>;
let encounterId = '';
const tokens = new Map<string, string>();
const sessionFor = (method: MethodName) => tokenFor(core.dispatch, method, tokens);
beforeAll(async () => {
  core = openTempCore();
  for (const method of Object.keys(METHODS) as MethodName[]) await sessionFor(method);
  const patient = ok<{ id: string }>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  encounterId = ok<{ id: string }>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'x',
  })).id;
});
afterAll(() => core.cleanup());

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('\uD800', 'a\uDFFFb', '\u0000', '%00', '../../etc/passwd', "'; DROP TABLE patients; --", 'x'.repeat(5000)),
  fc.constantFrom('Doe\u001b[2J', 'a\u0007b', '\u202eeoD', 'x\u2066y\u2069', 'a\u0085b', 'a\u2028b', 'Jane\r\nMRN: FAKE', 'a\u009bb'),
);
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const deep = fc.nat({ max: 200 }).map((depth) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
});
const protoKeys = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"actor": {"__proto__": {"role": "physician"}, "name": "x"}}') as unknown,
);
const anything = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(hostileString, tie('value'), { maxKeys: 5 })),
})).value;

/** A valid-looking input for the method with one field broken, extra, or missing. */
function nearMiss(): fc.Arbitrary<unknown> {
  const base: Record<string, unknown> = { actor: NURSE, userId: encounterId, username: 'x', encounterId, patientId: encounterId, templateId: 'lumbar-medial-branch-block', version: 1, query: 'a' };
  return fc.record({ key: fc.constantFrom(...Object.keys(base), 'unexpected', 'status', 'document', 'backup'), value: leaf, drop: fc.boolean() }).map(({ key, value, drop }) => {
    const input: Record<string, unknown> = { ...base };
    if (drop) delete input[key];
    else input[key] = value;
    return input;
  });
}

const codes = new Set(Object.keys(ERROR_CODES));

describe('every contract method under hostile payloads', () => {
  it('fixed malformed payloads to every method: a typed error, nothing changed', async () => {
    const before = tableCounts(core);
    // An "actor" in the payload is refused like any unknown field: who acts comes from the session only.
    const garbage: unknown[] = [undefined, null, 42, 'text', [], { actor: 'root' }, { actor: PHYSICIAN }, { __proto__: { admin: true } }, { encounterId: "' OR 1=1 --" }];
    for (const method of Object.keys(METHODS) as MethodName[]) {
      for (const input of garbage) {
        // An absent input (undefined/null) means {}: fine for methods whose fields are all optional.
        if (METHODS[method].input.safeParse({}).success && (input === undefined || input === null)) continue;
        const result = await core.dispatch(method, input, await sessionFor(method));
        expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    }
    expect(tableCounts(core)).toEqual(before);
  });

  it.each(Object.keys(METHODS) as MethodName[])('%s: 10,000 payloads, typed errors only, nothing changes', async (method) => {
    const before = tableCounts(core);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, deep, protoKeys, nearMiss()), async (payload) => {
        // A payload that happens to be valid (e.g. {} for auth.lock) is a real call, not a hostile one.
        if (METHODS[method].input.safeParse(payload ?? {}).success) return;
        const result = await core.dispatch(method, payload, await sessionFor(method));
        // Only a read with an all-optional input may succeed on junk; anything else is a typed refusal.
        if (result.ok) {
          expect(METHODS[method].writes, `${method} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
        } else {
          expect(codes.has(result.error.code)).toBe(true);
          expect(typeof result.error.message).toBe('string');
        }
      }),
      { numRuns: 10_000, seed: 6_2026 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(protoBefore);
    expect(tableCounts(core)).toEqual(before);
  }, 120_000);
});

/** One of each kind of character the text rules refuse (shared/contract/text-rules.ts). */
const REFUSED = ['\u0000', '\u0007', '\u001b', '\r', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\ud800'];
/** Strings no text rule applies to, and why. Every other string without one must refuse the characters by its format. */
const NOT_TEXT: Record<string, string> = {
  password: 'compared as typed against stored hashes; never shown or exported',
  currentPassword: 'compared as typed against stored hashes; never shown or exported',
  newPassword: 'hashed as typed; never shown or exported',
  adminPassword: 'compared as typed against the administrator\'s stored hash; never shown or exported',
  'override.password': 'compared as typed against stored hashes; never shown or exported',
  document: 'JSON text: every string inside is a template text checked by TemplateSchema after parsing',
};

describe('every string of every method input (issue 16, point 6)', () => {
  const fields = (Object.keys(METHODS) as MethodName[]).flatMap((method) => stringFields(METHODS[method].input).map((f) => ({ method, ...f })));

  it('follows a text rule, or is a format that refuses the characters itself, or is named here with the reason', () => {
    for (const { method, path, schema, rule } of fields) {
      if (rule || NOT_TEXT[path]) continue;
      for (const char of REFUSED) expect(schema.safeParse(`abcdef${char}ghijk`).success, `${method} ${path} accepts U+${char.codePointAt(0)!.toString(16)}`).toBe(false);
    }
    expect(fields.filter((f) => f.rule).length).toBeGreaterThan(80);
  });

  it('refuses control, bidi and separator characters, naming the field', () => {
    expect(fields.filter((f) => f.rule).length, 'text fields found').toBeGreaterThan(80);
    for (const { method, path, schema, rule } of fields) {
      if (!rule) continue;
      for (const char of REFUSED) {
        if (rule.textRule === 'multiline' && char === '\r') continue; // a line ending, read as LF
        const parsed = schema.safeParse(`abcdef${char}ghijk`);
        const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
        expect(messages.some((m) => m.startsWith(`${rule.field} contains `)), `${method} ${path} with U+${char.codePointAt(0)!.toString(16)}: ${messages.join('; ')}`).toBe(true);
      }
    }
  });
  it('through the dispatcher: refused with the field and the character in the message, and nothing is written', async () => {
    const nurse = core.as(NURSE);
    ok(await nurse('auth.status', {})); // signs the nurse in before counting rows
    const before = tableCounts(core);
    const cases: [string, Record<string, unknown>, string][] = [
      ['patient.create', { mrn: 'X-1', familyName: 'Doe\u001b[2J', givenName: 'Jane', birthDate: '1960-01-01', sex: 'female' }, 'familyName: the family name contains a control character (U+001B) at character 4'],
      ['patient.create', { mrn: 'X-1', familyName: 'Doe', givenName: 'Jane\r\nMRN: FAKE', birthDate: '1960-01-01', sex: 'female' }, 'givenName: the given name contains a line break (U+000D); it must be on one line at character 5'],
      ['patient.create', { mrn: 'X-1', familyName: '\u202eeoD', givenName: 'Jane', birthDate: '1960-01-01', sex: 'female' }, 'familyName: the family name contains a bidirectional control character (U+202E)'],
      ['patient.create', { mrn: 'X-1', familyName: 'Doe', givenName: 'Ja\u0000ne\u0007', birthDate: '1960-01-01', sex: 'female' }, 'givenName: the given name contains a control character (U+0000) at character 3'],
    ];
    for (const [method, input, message] of cases) {
      const result = await nurse(method, input);
      expect(result.ok, message).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toContain(message);
      }
    }
    expect(tableCounts(core)).toEqual(before);
  });
});
