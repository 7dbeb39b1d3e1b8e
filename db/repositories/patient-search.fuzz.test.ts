// Patient search under generated text: whatever the user types never becomes FTS query syntax
// (patient-search.test.ts holds what the search finds).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ftsMatchQuery } from './fts-query';
import { createPatientRepository } from './patients';
import { NURSE, openTempCore, type TempCore } from '../testing/temp-core';

let core: TempCore;
let repo: ReturnType<typeof createPatientRepository>;
beforeAll(() => {
  core = openTempCore();
  repo = createPatientRepository(core.db);
  repo.insert({ id: 'p0', mrn: 'MRN-0042', familyName: 'Peña', givenName: 'María José', birthDate: '1970-01-01', sex: 'unknown', createdAt: '2026-01-01T00:00:00.000Z' }, NURSE);
});
afterAll(() => core.cleanup());

describe('patient search under generated text', () => {
  it('any text of up to 100 characters is a valid MATCH expression or no query at all', () => {
    const match = core.db.prepare('SELECT count(*) FROM patients_fts WHERE patients_fts MATCH ?').pluck();
    const alphabet = fc.constantFrom(...'aAñÑ éÉ0 9"\'*^:+-()[]{}.,;!?%_\\/\t\n\u0000\u200b\u0301ǅßø😀ǲ'.split(''), 'AND', 'OR', 'NOT', 'NEAR', ' NEAR/2 ', 'family:', '"', '""');
    const typed = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(typed, (text) => {
        const query = ftsMatchQuery(text);
        if (query !== null) match.get(query);
        repo.search(text.slice(0, 100), 20);
      }),
      { numRuns: 3000 },
    );
  });
});
