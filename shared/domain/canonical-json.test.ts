import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, and drops undefined members', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson([2, 1, undefined])).toBe('[2,1,null]');
  });

  it('escapes like JSON and round-trips: parsing the text gives the same canonical text', () => {
    const value = { '\u00e9': 'Peña\n"q"', '\u00e9\u0301': ['\u2028'], A: null, a: true, n: -0.5e-7 };
    const text = canonicalJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    // Keys sort by UTF-16 code units: upper case before lower case before accented.
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['A', 'a', 'n', '\u00e9', '\u00e9\u0301']);
  });

  it('refuses values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/no JSON form/);
    expect(() => canonicalJson({ x: Infinity })).toThrow(/no JSON form/);
    expect(() => canonicalJson({ x: 1n })).toThrow(/no JSON form/);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(/no JSON form/);
  });
});
