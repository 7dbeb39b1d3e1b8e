import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, coverageOf } from './coverage';
import { LIBRARY } from './index';

const file = path.join(__dirname, 'COVERAGE.md');

describe('library coverage report', () => {
  it('has no empty section for any procedure', () => {
    for (const t of LIBRARY) {
      expect(coverageOf(t).missing.filter((m) => m.startsWith('no ') && !m.startsWith('no sourced')), t.id).toEqual([]);
    }
  });

  it('is current in shared/library/COVERAGE.md (regenerate: npm run library:coverage)', () => {
    const generated = coverageMarkdown(LIBRARY);
    if (process.env.UPDATE_LIBRARY_COVERAGE) fs.writeFileSync(file, generated);
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });
});
