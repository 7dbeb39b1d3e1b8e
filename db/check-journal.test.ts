// The side journal kept during the background check: sealed records that read
// back in order, a torn last record (a crash mid-append, never acknowledged)
// ignored, and any other change to the file an error, never a silent skip.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCheckJournal } from './check-journal';
import { tempDir, testKey } from './testing/temp-core';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const record = (n: number) => ({ method: 'checklist.setItem', input: { itemId: `item-${n}`, note: 'Doe, Jane' }, caller: null, at: '2026-11-25T08:00:00.000Z', ids: [], times: [], answer: { n } });

describe('the check journal', () => {
  it('reads back in order, encrypted, owner-only; a torn tail is ignored; a changed record or another key is an error', () => {
    const dir = tempDir();
    dirs.push(dir);
    const key = testKey();
    const journal = openCheckJournal(dir, key);
    for (const n of [0, 1, 2]) journal.append(record(n));
    expect(journal.records().map((r) => [r.seq, r.answer])).toEqual([[0, { n: 0 }], [1, { n: 1 }], [2, { n: 2 }]]);
    const bytes = fs.readFileSync(journal.file);
    expect(bytes.includes(Buffer.from('Doe, Jane'))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(journal.file).mode & 0o777).toBe(0o600);
    // Reopened (a crash during an earlier check): appends continue the sequence.
    openCheckJournal(dir, key).append(record(3));
    expect(journal.records()).toHaveLength(4);

    // A crash mid-append leaves part of a record: it was never acknowledged.
    const full = fs.readFileSync(journal.file);
    fs.writeFileSync(journal.file, full.subarray(0, full.length - 5));
    expect(journal.records().map((r) => r.seq)).toEqual([0, 1, 2]);

    // One flipped byte inside a record, or the wrong key: an error.
    const flipped = Buffer.from(full);
    flipped[40] = flipped[40]! ^ 1;
    fs.writeFileSync(journal.file, flipped);
    expect(() => journal.records()).toThrow();
    fs.writeFileSync(journal.file, full);
    expect(() => openCheckJournal(dir, testKey()).records()).toThrow();

    journal.remove();
    expect(fs.existsSync(journal.file)).toBe(false);
  });
});
