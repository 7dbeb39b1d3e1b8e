/**
 * The hot queries use their indexes: EXPLAIN QUERY PLAN of the statements the
 * repositories really prepare (captured from db.prepare, not copied here), on
 * the latest schema. The app runs no ANALYZE, so these plans are the ones it
 * gets at any data size. A "SCAN encounters" or "SCAN patients" here is a query
 * that reads the whole table, which at a million patients is hundreds of ms.
 * Timings are in bench/, never asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistPacker } from '../checklist-archive';
import { createChecklistRepository } from './checklist';
import { createEncounterRepository } from './encounters';
import { createExportRepository } from './exports';
import { createPatientRepository, searchParams } from './patients';
import { createSignedNoteRepository } from './signed-notes';
import { createWorkflowRepository } from './workflow';
import { openTempCore, type TempCore } from '../testing/temp-core';

let core: TempCore;
const prepared: string[] = [];

beforeAll(() => {
  core = openTempCore();
  // A Db whose prepare records the SQL: each repository is built on it once, so
  // the statements below are exactly the ones the app runs.
  const recording = new Proxy(core.db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => (prepared.push(sql), target.prepare(sql));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  for (const create of [createPatientRepository, createEncounterRepository, createChecklistRepository, createWorkflowRepository, createSignedNoteRepository, createExportRepository]) {
    create(recording);
  }
});
afterAll(() => core.cleanup());

/** The one prepared statement whose SQL contains every fragment. */
function statement(...fragments: string[]): string {
  const found = prepared.filter((sql) => fragments.every((f) => sql.includes(f)));
  expect(found, `one statement containing ${fragments.join(' … ')}`).toHaveLength(1);
  return found[0]!;
}

function plan(sql: string, params: unknown = []): string[] {
  const rows = core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** No step reads a whole patients or encounters table (or the checklist/audit tables). */
function expectNoFullScan(steps: string[]): void {
  for (const step of steps) expect(step, steps.join('\n')).not.toMatch(/^SCAN (patients|encounters|checklist_items|checklist_item_events|note_exports|signed_notes|audit_log)\b|^SCAN [ep]\b/);
}

describe('query plans', () => {
  it('patient search reads the FTS index and the MRN index, then patients by primary key', () => {
    const sql = statement('FROM patients WHERE id IN', 'patients_fts MATCH');
    const steps = plan(sql, { ...searchParams('MRN-00'), limit: 20 });
    expect(steps.some((s) => /^SCAN patients_fts VIRTUAL TABLE INDEX/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.some((s) => /^SEARCH patients USING INDEX patients_mrn \(mrn>\? AND mrn<\?\)/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.some((s) => /^SEARCH patients USING INDEX sqlite_autoindex_patients_1 \(id=\?\)/.test(s)), steps.join('\n')).toBe(true);
    expectNoFullScan(steps);
  });

  it("the day's worklist reads the encounters of that date through the planned_date index", () => {
    const sql = statement('ORDER BY e.planned_date', 'e.planned_date = @date');
    const steps = plan(sql, { date: '2026-11-24', state: null, query: '', pattern: '%', key: '%', limit: 200 });
    expect(steps.some((s) => /^SEARCH e USING INDEX encounters_planned_date \(planned_date=\?\)/.test(s)), steps.join('\n')).toBe(true);
    expectNoFullScan(steps);
  });

  it('the worklist search across all dates starts from the matching patients, not from every encounter', () => {
    const sql = statement('ORDER BY e.planned_date', 'e.patient_id IN', 'patients_fts MATCH');
    const steps = plan(sql, { ...searchParams('pena'), state: null, limit: 200 });
    expect(steps.some((s) => /^SEARCH e USING INDEX encounters_patient \(patient_id=\?\)/.test(s)), steps.join('\n')).toBe(true);
    expectNoFullScan(steps);
  });

  it('opening an encounter reads each of its parts by key', () => {
    const cases: [string[], RegExp][] = [
      [['FROM encounters e WHERE e.id = ?'], /^SEARCH e USING INDEX sqlite_autoindex_encounters_1 \(id=\?\)/],
      [['FROM checklist_items WHERE encounter_id = ? ORDER BY item_id'], /^SEARCH checklist_items USING PRIMARY KEY \(encounter_id=\?\)/],
      [['FROM checklist_item_events WHERE encounter_id = ?'], /^SEARCH checklist_item_events USING INDEX checklist_item_events_encounter \(encounter_id=\?\)/],
      [['FROM encounter_transitions WHERE encounter_id = ?'], /^SEARCH encounter_transitions USING INDEX encounter_transitions_encounter \(encounter_id=\?\)/],
      [['FROM encounter_records r'], /^SEARCH r USING INDEX encounter_records_encounter \(encounter_id=\?\)/],
      [['FROM signed_notes n', 'WHERE n.encounter_id = ?'], /^SEARCH n USING INDEX sqlite_autoindex_signed_notes_2 \(encounter_id=\?\)/],
    ];
    for (const [fragments, expected] of cases) {
      const steps = plan(statement(...fragments), ['x']);
      expect(steps.some((s) => expected.test(s)), `${fragments.join(' ')}:\n${steps.join('\n')}`).toBe(true);
      expectNoFullScan(steps);
    }
  });

  it('saving a checklist item reads its current state by primary key', () => {
    const steps = plan(statement('SELECT status FROM checklist_items'), ['e', 'i']);
    expect(steps).toEqual([expect.stringMatching(/^SEARCH checklist_items USING PRIMARY KEY \(encounter_id=\? AND item_id=\?\)/)]);
  });

  it('exporting a note counts earlier exports of that encounter through an index', () => {
    const steps = plan(statement('FROM note_exports WHERE encounter_id = ?'), ['e']);
    expect(steps).toEqual([expect.stringMatching(/^SEARCH note_exports USING (COVERING )?INDEX note_exports_encounter \(encounter_id=\?\)/)]);
  });

  it("packing closed checklists walks the history's encounter index forward from the last batch, not from its start", () => {
    const packerSql: string[] = [];
    checklistPacker(new Proxy(core.db, { get: (target, key) => (key === 'prepare' ? (sql: string) => (packerSql.push(sql), target.prepare(sql)) : Reflect.get(target, key, target) as unknown) }));
    const steps = plan(packerSql.find((sql) => sql.includes('SELECT DISTINCT x.encounter_id FROM checklist_item_events'))!, ['some-encounter', 200]);
    expect(steps.some((s) => /^SEARCH x USING COVERING INDEX checklist_item_events_encounter \(encounter_id>\?\)/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.some((s) => /TEMP B-TREE/.test(s)), steps.join('\n')).toBe(false);
    expectNoFullScan(steps);
  });
});
