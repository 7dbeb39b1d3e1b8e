import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, coverageOf, sourcesMarkdown } from './coverage';
import { SOURCES } from './sources';
import { LIBRARY } from './index';

const file = path.join(__dirname, 'COVERAGE.md');

describe('library coverage report', () => {
  it('has no empty section for any procedure', () => {
    for (const t of LIBRARY) {
      expect(coverageOf(t).missing.filter((m) => m.startsWith('no ') && !m.startsWith('no sourced')), t.id).toEqual([]);
    }
  });

  it('lists every source in shared/library/SOURCES.md, each cited by some procedure', () => {
    const generated = sourcesMarkdown(LIBRARY, SOURCES);
    const sourcesFile = path.join(__dirname, 'SOURCES.md');
    if (process.env.UPDATE_LIBRARY_COVERAGE) fs.writeFileSync(sourcesFile, generated);
    expect(fs.readFileSync(sourcesFile, 'utf8')).toBe(generated);
    expect(generated).not.toContain('| 0 procedure(s) |');
  });

  it('is current in shared/library/COVERAGE.md (regenerate: npm run library:coverage)', () => {
    const generated = coverageMarkdown(LIBRARY);
    if (process.env.UPDATE_LIBRARY_COVERAGE) fs.writeFileSync(file, generated);
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });
});
