// Packed text (db/packed-text.ts): format 2 is raw DEFLATE against a preset dictionary (a template
// version's stored JSON, issue 21 point 1), named by its hash prefix; format 1 (no dictionary) is still
// read; a missing or wrong dictionary is refused by name, never inflated into garbage.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import { packText, packTextChecked, unpackText } from './packed-text';

// Two templates' JSON as the templates table stores it, and a text made mostly of the first one's wording.
const [first, second] = [LIBRARY[0]!, LIBRARY[1]!];
const dictionary = Buffer.from(JSON.stringify(first), 'utf8');
const other = Buffer.from(JSON.stringify(second), 'utf8');
const text = JSON.stringify({ patient: 'Peña Núñez, Ana', wording: JSON.stringify(first).slice(12_000, 18_000), note: 'The patient consents to the procedure.' });
const WHAT = 'the archived checklist of e1';

describe('packed text', () => {
  it('format 2: the dictionary hash prefix, then DEFLATE against it; gives the text back, smaller than format 1', () => {
    const packed = packText(text, dictionary);
    expect(packed[0]).toBe(2);
    expect(packed.subarray(1, 9)).toEqual(createHash('sha256').update(dictionary).digest().subarray(0, 8));
    expect(unpackText(packed, WHAT, dictionary)).toBe(text);
    expect(packed.byteLength).toBeLessThan(packText(text).byteLength / 2);
    // The checked pack is format 2 too, and an equal copy of the dictionary (as read again from the row) reads it.
    const checked = packTextChecked(text, WHAT, dictionary);
    expect(checked[0]).toBe(2);
    expect(unpackText(checked, WHAT, Buffer.from(JSON.stringify(first), 'utf8'))).toBe(text);
  });

  it('format 1 is still read, with or without a dictionary at hand', () => {
    const packed = packText(text);
    expect(packed[0]).toBe(1);
    expect(unpackText(packed, WHAT)).toBe(text);
    expect(unpackText(packed, WHAT, dictionary)).toBe(text);
    expect(unpackText(packTextChecked(text, WHAT), WHAT, null)).toBe(text);
  });

  it('refuses format 2 without its dictionary or with another, naming what and why, rather than give garbage', () => {
    const packed = packText(text, dictionary);
    for (const missing of [undefined, null]) {
      expect(() => unpackText(packed, WHAT, missing)).toThrow(`${WHAT} cannot be read: the template version it was compressed against is missing`);
    }
    expect(() => unpackText(packed, WHAT, other)).toThrow(`${WHAT} cannot be read: the template version it was compressed against is not the same as the one at hand`);
    // What the hash prefix guards against: zlib itself, given another dictionary, fails or answers with other text.
    const inflated = (() => {
      try {
        return inflateRawSync(packed.subarray(9), { dictionary: other }).toString('utf8');
      } catch {
        return null;
      }
    })();
    expect(inflated).not.toBe(text);
    expect(() => unpackText(Buffer.of(7, 1, 2), WHAT, dictionary)).toThrow(`${WHAT} is stored in an unknown format (7)`);
  });
});
