/**
 * Patient search through FTS5 (migration 009): accent- and case-insensitive
 * word prefixes over family name, given name and MRN, the MRN as typed, and
 * whatever the user types never becoming FTS query syntax (fuzzed in
 * patient-search.fuzz.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '#shared/contract/patient';
import { createPatientRepository, SEARCH_CANDIDATES } from './patients';
import { createEncounterRepository } from './encounters';
import { NURSE, openTempCore, type TempCore } from '../testing/temp-core';

let core: TempCore;
let repo: ReturnType<typeof createPatientRepository>;
const search = (q: string, limit = 20) => repo.search(q, limit).map((p) => `${p.familyName}, ${p.givenName}`);

const PEOPLE: [string, string, string][] = [
  ['MRN-0042', 'Peña', 'María José'],
  ['MRN-0043', 'Núñez', 'Iñaki'],
  ['MRN-1042', "O'Brien-García", 'Seán'],
  ['AB12', 'García López', 'Ana'],
  ['AB123', 'Smith', 'John'],
  ['X-9', 'Penalver', 'Lucía'],
];

beforeAll(() => {
  core = openTempCore();
  repo = createPatientRepository(core.db);
  PEOPLE.forEach(([mrn, familyName, givenName], i) => {
    const patient: Patient = { id: `p${i}`, mrn, familyName, givenName, birthDate: '1970-01-01', sex: 'unknown', language: null, payer: null, createdAt: '2026-01-01T00:00:00.000Z' };
    repo.insert(patient, NURSE);
  });
});
afterAll(() => core.cleanup());

describe('patient search', () => {
  it('ignores accents and case, both ways, and matches word prefixes in any name', () => {
    expect(search('pena')).toEqual(['Peña, María José', 'Penalver, Lucía']);
    expect(search('PEÑA')).toEqual(['Peña, María José', 'Penalver, Lucía']);
    expect(search('nunez')).toEqual(['Núñez, Iñaki']);
    expect(search('inaki')).toEqual(['Núñez, Iñaki']);
    expect(search('lopez')).toEqual(['García López, Ana']);
    expect(search('garc')).toEqual(['García López, Ana', "O'Brien-García, Seán"]);
    expect(search('jose')).toEqual(['Peña, María José']);
  });

  it('every word must match (in any order, any field)', () => {
    expect(search('maria pena')).toEqual(['Peña, María José']);
    expect(search('pena mar')).toEqual(['Peña, María José']);
    expect(search('pena luc')).toEqual(['Penalver, Lucía']);
    expect(search('pena smith')).toEqual([]);
  });

  it('names with apostrophes and hyphens match as typed or in parts', () => {
    expect(search("o'brien")).toEqual(["O'Brien-García, Seán"]);
    expect(search('obrien')).toEqual([]);
    expect(search('brien')).toEqual(["O'Brien-García, Seán"]);
    expect(search("O'Brien-Gar")).toEqual(["O'Brien-García, Seán"]);
  });

  it('finds an MRN exactly or by prefix, case-insensitive, the exact one first', () => {
    expect(search('ab12')).toEqual(['García López, Ana', 'Smith, John']);
    expect(search('AB123')).toEqual(['Smith, John']);
    expect(search('mrn-00')).toEqual(['Núñez, Iñaki', 'Peña, María José']);
    expect(search('MRN-1042')).toEqual(["O'Brien-García, Seán"]);
    expect(search('x-9')).toEqual(['Penalver, Lucía']);
    // The exact MRN leads even where the name would sort it later.
    repo.insert({ id: 'p-exact', mrn: 'AB1', familyName: 'Zapata', givenName: 'Zoe', birthDate: '1970-01-01', sex: 'unknown', createdAt: '2026-01-01T00:00:00.000Z' }, NURSE);
    expect(search('ab1')[0]).toBe('Zapata, Zoe');
  });

  it('respects the limit; empty and symbol-only queries find nothing', () => {
    expect(search('a', 2)).toHaveLength(2);
    for (const q of ['', '   ', '%', '_', '*', '"', '""', "'", '-', '---', '(', ')', ':', '^', '+']) {
      expect(search(q), JSON.stringify(q)).toEqual([]);
    }
  });

  it('FTS operators and syntax typed as text are words, never errors', () => {
    for (const q of ['pena OR smith', 'NOT pena', 'pena AND', 'NEAR(pena smith)', 'family:pena', '"pena', 'pena"', 'pe*na', '^pena', 'pena -smith', '(pena)', 'pena + 1', '{family}: x', 'rank MATCH 1']) {
      expect(() => search(q), q).not.toThrow();
    }
    expect(search('pena OR smith')).toEqual([]);
    expect(search('"pena')).toEqual(['Peña, María José', 'Penalver, Lucía']);
    expect(search('family:pena')).toEqual([]);
  });

  it('the index follows inserts made by the app (trigger), and the migration indexed rows already there', () => {
    const count = core.db.prepare('SELECT count(*) FROM patients_fts').pluck();
    expect(count.get()).toBe(core.db.prepare('SELECT count(*) FROM patients').pluck().get());
    core.db.exec("INSERT INTO patients_fts (patients_fts, rank) VALUES ('integrity-check', 1)");
  });

  it('a very common prefix sorts only the newest matches, so its cost does not grow with the practice', () => {
    expect(SEARCH_CANDIDATES).toBeGreaterThanOrEqual(100);
    const insert = core.db.transaction(() => {
      for (let i = 0; i < SEARCH_CANDIDATES + 50; i++) {
        repo.insert({ id: `many-${i}`, mrn: `MANY-${i}`, familyName: `Common${String(i).padStart(4, '0')}`, givenName: 'Same', birthDate: '1970-01-01', sex: 'unknown', createdAt: '2026-01-01T00:00:00.000Z' }, NURSE);
      }
    });
    insert();
    const found = repo.search('common', 100);
    expect(found).toHaveLength(100);
    // The 50 oldest fall outside the candidates; the newest are in, sorted by name.
    expect(found[0]!.familyName).toBe('Common0050');
    expect(found.map((p) => p.familyName)).toEqual([...found.map((p) => p.familyName)].sort());
    expect(repo.search('common0001', 20).map((p) => p.familyName)).toEqual(['Common0001']);
  });
});

describe('worklist search across all dates', () => {
  it('finds the encounters of the patients the search finds, and nothing for a query with no words', () => {
    const encounters = createEncounterRepository(core.db);
    const template = core.db.prepare('SELECT id, version FROM templates LIMIT 1').get() as { id: string; version: number };
    const add = (id: string, patientId: string, plannedDate: string) =>
      encounters.insert({
        id, patientId, templateId: template.id, templateVersion: template.version, levels: ['L4-L5'], laterality: 'left', imagingModality: 'fluoroscopy',
        plannedDate, indication: 'x', createdAt: '2026-01-01T00:00:00.000Z', createdBy: NURSE, state: 'scheduled', sedationPlanned: false, visitNumber: null, location: null,
      });
    add('e1', 'p0', '2026-11-25');
    add('e2', 'p0', '2026-11-24');
    add('e3', 'p1', '2026-11-24');
    const ids = (query: string) => encounters.list({ query, limit: 50 }).map((r) => r.encounter.id);
    expect(ids('pena maria')).toEqual(['e2', 'e1']);
    expect(ids('NUNEZ')).toEqual(['e3']);
    // By date, then family name: Núñez before Peña on the 24th.
    expect(ids('mrn-004')).toEqual(['e3', 'e2', 'e1']);
    expect(ids('%')).toEqual([]);
    expect(encounters.list({ query: '', limit: 50 }).map((r) => r.encounter.id)).toEqual(['e3', 'e2', 'e1']);
    expect(encounters.list({ query: '', state: 'cancelled', limit: 50 })).toEqual([]);
  });
});
