// The records role against the real core: records staff see the day's list and signed notes, export
// them and work the outbox and the batch, and are refused every method that changes clinical content
// (and every administrator's method), with nothing written. A draft note is not theirs to see.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import { METHODS, roleAllowed, type MethodName } from '#shared/contract/methods';
import type { BatchStatus } from '#shared/contract/export';
import type { OutboxExport } from '#shared/contract/note';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, RECORDS, tableCounts, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { CHART_READY } from '../testing/chart-identity';

let core: TempCore;
let outbox: string;
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
  outbox = tempDir('proceduredesk-records-outbox-');
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

const codeOf = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.error.code);

/** What a records account may call: its own password, the library and settings reads, backups, and the chart. */
const RECORDS_MAY = [
  'auth.changePassword', 'settings.get',
  'library.list', 'library.get', 'library.overview', 'library.diff', 'library.export', 'library.questionnaire',
  'encounter.list', 'note.get', 'note.export', 'note.print', 'note.exportToOutbox', 'note.outboxExports',
  'export.startBatch', 'export.batchStatus', 'export.cancelBatch', 'delivery.list', 'delivery.retry',
].sort();

async function signedEncounter(sign: boolean): Promise<string> {
  const patient = ok<{ id: string }>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `REC-${sign ? 1 : 2}` }));
  const e = ok<{ id: string }>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain, 8 weeks.',
  }));
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: e.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    interpreter: { used: false }, decision: 'consents',
  }));
  if (sign) ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: e.id, password: TEST_PASSWORD, attestation: 'I discussed the risks with the patient.' }));
  return e.id;
}

describe('the records role', () => {
  it('is allowed exactly the chart methods and the harmless reads, by each method\'s access rule', () => {
    const allowed = (Object.keys(METHODS) as MethodName[]).filter((m) => {
      const access = METHODS[m].access;
      return Array.isArray(access) && roleAllowed(access, 'records');
    });
    expect(allowed.sort()).toEqual(RECORDS_MAY);
  });

  it('is refused every clinical write and every administrator method, FORBIDDEN with nothing changed', async () => {
    const encounterId = await signedEncounter(true);
    const records = core.as(RECORDS);
    ok(await records('settings.get', {})); // signs in (the account is made on first use) before counting
    const refused = (Object.keys(METHODS) as MethodName[]).filter((m) => Array.isArray(METHODS[m].access) && !RECORDS_MAY.includes(m));
    expect(refused).toEqual(expect.arrayContaining(['patient.create', 'encounter.create', 'encounter.advance', 'checklist.setItem', 'checklist.setItems', 'consent.save',
      'note.sign', 'note.addAddendum', 'followUp.add', 'encounter.get', 'outcomes.forPatient', 'users.create', 'settings.update', 'audit.list']));
    for (const method of refused) {
      const before = tableCounts(core);
      // The encounter named in the input: each refusal is the access rule, before any input is read.
      const result = await records(method, { encounterId });
      expect(codeOf(result), method).toBe('FORBIDDEN');
      expect(tableCounts(core), `${method} changed something`).toEqual(before);
    }
  });

  it('sees and exports a signed note, sends it to the outbox and runs the batch; a draft note is not shown', async () => {
    ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, ...CHART_READY }));
    const signed = await signedEncounter(true);
    const draft = await signedEncounter(false);
    const records = core.as(RECORDS);

    const rows = ok<{ encounter: { id: string } }[]>(await records('encounter.list', { date: '2026-11-24' }));
    expect(rows.map((r) => r.encounter.id).sort()).toEqual([signed, draft].sort());
    expect(ok<{ note: unknown }>(await records('note.get', { encounterId: signed })).note).not.toBeNull();
    expect(ok<{ text: string }>(await records('note.export', { encounterId: signed })).text).toContain('Signed');
    expect(codeOf(await records('note.export', { encounterId: draft }))).toBe('CONFLICT');
    expect(codeOf(await records('note.print', { encounterId: draft }))).toBe('CONFLICT');

    const sent = ok<OutboxExport>(await records('note.exportToOutbox', { encounterId: signed }));
    expect(sent.by).toEqual(RECORDS);
    expect(ok<OutboxExport[]>(await records('note.outboxExports', { encounterId: signed }))).toHaveLength(1);
    const batch = ok<BatchStatus>(await records('export.startBatch', { plannedDate: '2026-11-24' }));
    expect(batch).toMatchObject({ total: 0, alreadySent: 1, problems: [{ encounterId: draft }] });
    expect(ok<BatchStatus>(await records('export.batchStatus', { batchId: batch.batchId })).startedBy).toEqual(RECORDS);
  });

  it('an administrator creates a records account; the role survives reopening', async () => {
    ok(await core.act('users.create', { actor: ADMIN, username: 'rick.records', displayName: 'Rick Records', role: 'records', password: TEST_PASSWORD, holder: 'someone-else' }));
    expect(core.db.prepare("SELECT role FROM users WHERE username = 'rick.records'").pluck().get()).toBe('records');
  });
});
