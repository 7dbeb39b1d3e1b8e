import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistItemState } from '#shared/contract/checklist';
import type { Encounter, EncounterDetail, WorklistRow } from '#shared/contract/encounter';
import { METHODS, type MethodName } from '#shared/contract/methods';
import { LIBRARY } from '#shared/library/index';
import type { Template } from '#shared/library/schema';
import type { Patient } from '#shared/contract/patient';
import { openCore } from './core';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { doneBeforeMoving } from './testing/consent-given';
import { advanceOverridingOpen } from './testing/override-open';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, TEST_PASSWORD, TEST_PASSWORD_COST, withAct } from './testing/temp-core';
import { CHART_READY } from './testing/chart-identity';
import { SAMPLE_INTAKE } from './testing/intake-sample';

type TempCore = ReturnType<typeof openTempCore>;
let core: TempCore;
const covered = new Set<MethodName>();
/** The bundled (highest) version of a template: what a fresh database stores and new encounters use. */
const bundled = (id: string) => LIBRARY.find((t) => t.id === id)!.version;

async function call<T>(method: MethodName, input: unknown): Promise<T> {
  covered.add(method);
  return ok<T>(await core.act(method, input));
}

async function patientAndEncounter(): Promise<{ patient: Patient; encounter: Encounter }> {
  const patient = await call<Patient>('patient.create', { actor: NURSE, ...PATIENT });
  const encounter = await call<Encounter>('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain, 8 weeks.',
  });
  return { patient, encounter };
}

beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00Z') });
});
afterEach(() => core.cleanup());

describe('the core through its dispatcher (real SQLite file)', () => {
  it('system.info and the library', async () => {
    expect(await call('system.info', {})).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, dataDir: core.dataDir });
    const list = await call<{ id: string; version: number }[]>('library.list', {});
    expect(list.map((t) => `${t.id}@${t.version}`).sort()).toEqual(LIBRARY.map((t) => `${t.id}@${t.version}`).sort());
    const got = await call<{ template: { id: string }; sources: { id: string }[] }>('library.get', { templateId: 'lumbar-medial-branch-block', version: bundled('lumbar-medial-branch-block') });
    expect(got.template.id).toBe('lumbar-medial-branch-block');
    expect(got.sources.length).toBeGreaterThan(0);
    expect(await core.act('library.get', { templateId: 'nope', version: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('patients: create, unique MRN (case-insensitive), search by name or MRN prefix, language and payer corrected', async () => {
    const { patient } = await patientAndEncounter();
    expect(patient).toMatchObject({ mrn: 'MRN-0042', familyName: 'Peña' });
    const dup = await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'mrn-0042', familyName: 'Other' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await call<Patient[]>('patient.search', { query: 'peñ' })).map((p) => p.id)).toEqual([patient.id]);
    expect((await call<Patient[]>('patient.search', { query: 'MRN-00' })).map((p) => p.id)).toEqual([patient.id]);
    expect(await call<Patient[]>('patient.search', { query: '%' })).toEqual([]);
    // The preferred language and the payer corrected (behaviour in db/handlers/patient-details.test.ts).
    expect(await call<Patient>('patient.setLanguage', { actor: NURSE, patientId: patient.id, language: 'pt' })).toMatchObject({ id: patient.id, language: 'pt' });
    expect(await call<Patient>('patient.setPayer', { actor: NURSE, patientId: patient.id, payer: 'medicare' })).toMatchObject({ id: patient.id, payer: 'medicare' });
  });

  it('refuses bad patient fields with specific messages', async () => {
    const bad = await core.act('patient.create', { actor: NURSE, ...PATIENT, birthDate: '1970-02-30', mrn: 'has space' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const details = bad.error.details as { path: string; message: string }[];
      expect(details).toEqual(expect.arrayContaining([
        { path: 'birthDate', message: 'is not a real calendar date' },
        { path: 'mrn', message: 'may contain only letters, digits and hyphens' },
      ]));
    }
    const future = await core.act('patient.create', { actor: NURSE, ...PATIENT, birthDate: '2030-01-01' });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('future') } });
  });

  it('encounters: records the template version, checks levels and side against the template, lists the worklist', async () => {
    const { patient, encounter } = await patientAndEncounter();
    expect(encounter).toMatchObject({ templateVersion: bundled('lumbar-transforaminal-esi'), imagingModality: 'fluoroscopy', createdBy: NURSE });
    const tooMany = await core.act('encounter.create', {
      actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L3-L4', 'L4-L5', 'L5-S1'],
      laterality: null, plannedDate: '2026-11-24', indication: 'x',
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!tooMany.ok) expect((tooMany.error.details as { path: string }[]).map((d) => d.path)).toEqual(['levels', 'laterality']);
    const rows = await call<WorklistRow[]>('encounter.list', { date: '2026-11-24' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ patient: { id: patient.id }, templateName: 'Lumbar transforaminal epidural steroid injection', progress: { done: 0 } });
    expect(await call<WorklistRow[]>('encounter.list', { date: '2026-11-25' })).toEqual([]);
    expect(await call<WorklistRow[]>('encounter.list', { query: 'PEÑ' })).toHaveLength(1);
    const detail = await call<EncounterDetail>('encounter.get', { actor: NURSE, encounterId: encounter.id });
    expect(detail).toMatchObject({ encounter: { id: encounter.id }, patient: { id: patient.id }, items: [], consent: null });
  });

  it('checklist: saves each change with who and when, keeps the history, and survives a re-open', async () => {
    const { encounter } = await patientAndEncounter();
    const set = (itemId: string, status: string, reason?: string, actor: object = NURSE) =>
      call<ChecklistItemState>('checklist.setItem', { actor, encounterId: encounter.id, itemId, status, ...(reason ? { reason } : {}) });
    expect(await set('infection', 'checked')).toEqual({
      itemId: 'infection', status: 'checked', reason: null, updatedAt: '2026-11-24T15:30:00.000Z', updatedBy: NURSE,
    });
    await set('infection', 'unchecked', undefined, PHYSICIAN);
    await set('bleeding', 'not-applicable', 'Discussed at the previous visit');
    const naWithoutReason = await core.act('checklist.setItem', { actor: NURSE, encounterId: encounter.id, itemId: 'bleeding', status: 'not-applicable' });
    expect(naWithoutReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('reason') } });
    const unknownItem = await core.act('checklist.setItem', { actor: NURSE, encounterId: encounter.id, itemId: 'made-up', status: 'checked' });
    expect(unknownItem).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const file = core.dataDir;
    core.close();
    const reopened = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: file }));
    try {
      const detail = ok<EncounterDetail>(await reopened.act('encounter.get', { actor: NURSE, encounterId: encounter.id }));
      expect(detail.items.map((i) => [i.itemId, i.status, i.reason, i.updatedBy.name])).toEqual([
        ['bleeding', 'not-applicable', 'Discussed at the previous visit', NURSE.name],
        ['infection', 'unchecked', null, PHYSICIAN.name],
      ]);
      const history = reopened.db.prepare('SELECT item_id, from_status, to_status, by_name FROM checklist_item_events ORDER BY seq').raw().all();
      expect(history).toEqual([
        ['infection', null, 'checked', NURSE.name],
        ['infection', 'checked', 'unchecked', PHYSICIAN.name],
        ['bleeding', null, 'not-applicable', NURSE.name],
      ]);
      // The same history is part of the encounter as the screen reads it: who changed what from what to what, when.
      expect(detail.itemHistory.map((h) => [h.itemId, h.from, h.to, h.reason, h.by.name])).toEqual([
        ['infection', null, 'checked', null, NURSE.name],
        ['infection', 'checked', 'unchecked', null, PHYSICIAN.name],
        ['bleeding', null, 'not-applicable', 'Discussed at the previous visit', NURSE.name],
      ]);
      expect(detail.itemHistory.every((h) => h.at === '2026-11-24T15:30:00.000Z')).toBe(true);
      expect(() => reopened.db.prepare('DELETE FROM checklist_item_events').run()).toThrow(/append-only/);
      expect(() => reopened.db.prepare("UPDATE checklist_item_events SET by_name = 'x'").run()).toThrow(/append-only/);
    } finally {
      reopened.close();
    }
  });

  it('checklist group confirmation: several items in one write, each its own history entry', async () => {
    const { encounter } = await patientAndEncounter();
    const states = await call<ChecklistItemState[]>('checklist.setItems', { actor: PHYSICIAN, encounterId: encounter.id, itemIds: ['infection', 'bleeding'], status: 'checked' });
    expect(states.map((s) => [s.itemId, s.status, s.updatedBy.name])).toEqual([['infection', 'checked', PHYSICIAN.name], ['bleeding', 'checked', PHYSICIAN.name]]);
    expect(core.db.prepare('SELECT item_id, to_status FROM checklist_item_events ORDER BY seq').raw().all()).toEqual([['infection', 'checked'], ['bleeding', 'checked']]);
  });

  it('consent discussion: saves, replaces, and keeps every version', async () => {
    const { encounter } = await patientAndEncounter();
    const consent = {
      actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: 'Weeks to months of relief.',
      alternativesDiscussed: true, alternativesNote: '', questions: [{ question: '¿Dolerá?', answer: 'Brief pressure.' }],
      interpreter: { used: true, language: 'es', interpreterId: 'INT-7' }, decision: 'defers',
    };
    expect(await call('consent.save', consent)).toMatchObject({ decision: 'defers', updatedBy: PHYSICIAN });
    await call('consent.save', { ...consent, decision: 'consents' });
    const detail = await call<EncounterDetail>('encounter.get', { actor: NURSE, encounterId: encounter.id });
    expect(detail.consent).toMatchObject({ decision: 'consents', interpreter: { language: 'es' }, questions: [{ question: '¿Dolerá?' }] });
    expect(core.db.prepare('SELECT count(*) FROM consent_discussion_events').pluck().get()).toBe(2);
    const halfInterpreter = await core.act('consent.save', { ...consent, interpreter: { used: true, language: 'Spanish' } });
    expect(halfInterpreter).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('note.export: PDF and text from the same content, recorded', async () => {
    const { encounter } = await patientAndEncounter();
    await call('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: 'infection', status: 'checked' });
    const note = await call<{ text: string; pdfBase64: string; pdfSha256: string; fileBaseName: string }>('note.export', { actor: PHYSICIAN, encounterId: encounter.id });
    expect(note.fileBaseName).toBe('consent-note_MRN-0042_2026-11-24');
    expect(note.text).toContain('PEÑA, María José');
    expect(Buffer.from(note.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(core.db.prepare('SELECT pdf_sha256 FROM note_exports').pluck().all()).toEqual([note.pdfSha256]);
  });

  it('demo.seed fills an empty database once, through the contract', async () => {
    expect(await call('demo.seed', { actor: NURSE, today: '2026-11-24' })).toEqual({ added: true });
    expect(await call<WorklistRow[]>('encounter.list', { date: '2026-11-24' })).toHaveLength(3);
    expect(await call('demo.seed', { actor: NURSE, today: '2026-11-24' })).toEqual({ added: false });
    expect(await call<WorklistRow[]>('encounter.list', { date: '2026-11-24' })).toHaveLength(3);
  });

  it('library administration: overview, review, publish, diff, export/import, questionnaire', async () => {
    const overview = await call<{ id: string; latestVersion: number }[]>('library.overview', {});
    expect(overview).toHaveLength(LIBRARY.length);
    const id = 'lumbar-medial-branch-block';
    const from = bundled(id);
    const got = await call<{ template: Template }>('library.get', { templateId: id, version: from });
    // 'infection' is an inferred (unverified) fact in this template.
    await call('library.acceptFact', { actor: PHYSICIAN, templateId: id, version: from, factId: 'infection', comment: 'Standard wording for every procedure here.' });
    const edited = { ...got.template, risks: got.template.risks.map((r, i) => (i === 0 ? { ...r, patientText: `${r.patientText} Edited.` } : r)) };
    expect(await call('library.publish', { actor: PHYSICIAN, basedOnVersion: from, template: edited })).toMatchObject({ version: from + 1 });
    expect(await call<unknown[]>('library.diff', { templateId: id, from, to: from + 1 })).toHaveLength(1);
    const { document } = await call<{ document: string }>('library.export', {});
    expect(await call('library.import', { actor: PHYSICIAN, document })).toMatchObject({ inserted: [] });
    expect(await call('library.questionnaire', { templateId: id, version: from + 1 })).toMatchObject({ resourceType: 'Questionnaire', version: String(from + 1) });
  });

  it('recovery and audit while the database is healthy', async () => {
    const status = await call<{ mode: string; backups: unknown[] }>('recovery.status', {});
    expect(status.mode).toBe('ready');
    // Restoring, starting empty and backing up replace or copy the open file: the contract says the runtime serves them,
    // and the core alone refuses them (the runtime's answers: db/integrity.test.ts, db/encryption.test.ts).
    covered.add('recovery.restoreBackup');
    expect(await core.act('recovery.restoreBackup', { actor: ADMIN, backup: 'proceduredesk-2026-01-01T00-00-00-000Z.backup.sqlite', username: 'ada', password: 'x' }))
      .toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    covered.add('backup.now');
    expect(await core.act('backup.now', { actor: NURSE })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    covered.add('recovery.startEmpty');
    expect(await core.act('recovery.startEmpty', { actor: ADMIN, confirm: 'start-empty' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    await patientAndEncounter();
    const { entries, verdict } = await call<{ entries: { action: string }[]; verdict: unknown }>('audit.list', {});
    expect(entries.map((e) => e.action).filter((a) => !/^(auth|users|signingKey)\./.test(a))).toEqual(['encounter.create', 'patient.create']);
    expect(verdict).toMatchObject({ ok: true, entries: entries.length });
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, entries: entries.length });
    // Nothing to acknowledge on a healthy trail (db/audit-seal.test.ts covers the alarm).
    covered.add('audit.acknowledgeAlarm');
    expect(await core.act('audit.acknowledgeAlarm', { actor: ADMIN, reason: 'nothing happened at all', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('accounts, sessions and settings through the contract (behaviour in db/auth/)', async () => {
    const use = async <T>(method: MethodName, input: unknown, token?: string): Promise<T> => {
      covered.add(method);
      return ok<T>(await core.dispatch(method, input, token));
    };
    expect(await use('auth.status', {})).toEqual({ needsFirstAdmin: true, session: null, needsConsoleCode: false });
    const admin = await use<{ token: string }>('auth.setupFirstAdmin', { username: 'ada', displayName: 'Ada Admin', password: 'a long enough secret' });
    const nurse = await use<{ id: string }>('users.create', { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'another long secret', holder: 'someone-else' }, admin.token);
    expect((await use<{ username: string }[]>('users.list', {}, admin.token)).map((u) => u.username)).toEqual(['ada', 'nina']);
    const session = await use<{ token: string; user: { role: string } }>('auth.login', { username: 'NINA', password: 'another long secret' });
    expect(session.user.role).toBe('nurse');
    expect(await use('auth.lock', {}, session.token)).toMatchObject({ locked: true });
    expect(await use('auth.unlock', { password: 'another long secret' }, session.token)).toMatchObject({ locked: false });
    expect(await use('auth.changePassword', { currentPassword: 'another long secret', newPassword: 'a brand new secret' }, session.token)).toEqual({ changed: true });
    expect(await use('settings.get', {}, session.token)).toMatchObject({ idleLockMinutes: 10, inrThreshold: null });
    expect(await use('settings.update', { idleLockMinutes: 5, inrThreshold: 1.2 }, admin.token)).toMatchObject({ idleLockMinutes: 5, inrThreshold: 1.2 });
    expect(await use('users.clearLockout', { userId: nurse.id }, admin.token)).toMatchObject({ lockedUntil: null });
    const provider = { npi: '1234567893', localId: 'RN-7', familyName: 'Nurse', givenName: 'Nina' };
    expect(await use('users.setProvider', { userId: nurse.id, provider }, admin.token)).toMatchObject({ provider });
    expect(await use('users.resetPassword', { userId: nurse.id, newPassword: 'a reset long secret', adminPassword: 'a long enough secret' }, admin.token)).toMatchObject({ passwordResetBy: 'Ada Admin' });
    expect(await use('users.setActive', { userId: nurse.id, active: false }, admin.token)).toMatchObject({ active: false });
    expect(await core.dispatch('patient.search', { query: 'a' }, session.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await use('auth.logout', {}, admin.token)).toEqual({ ended: true });
  });

  it('procedure-day methods through the contract (behaviour in db/handlers/workflow.test.ts, db/handlers/bleeding-risk.test.ts)', async () => {
    const { encounter } = await patientAndEncounter();
    const record = await call<{ id: string }>('encounter.addRecord', { actor: NURSE, encounterId: encounter.id, record: { kind: 'inr', data: { value: 1.1, takenAt: '2026-11-24T08:00:00.000Z' } } });
    expect(await call('encounter.voidRecord', { actor: NURSE, encounterId: encounter.id, recordId: record.id, reason: 'Wrong sample' })).toMatchObject({ voided: { reason: 'Wrong sample' } });
    const raised = await call<{ id: string }>('encounter.raiseBleedingRisk', { actor: PHYSICIAN, encounterId: encounter.id, toClass: 'high', reasonCategory: 'asipp-class', reason: 'ASIPP 2024 class applies.' });
    expect(raised).toMatchObject({ fromClass: 'intermediate', toClass: 'high', by: PHYSICIAN });
    expect(await call('encounter.voidBleedingRiskRaise', { actor: PHYSICIAN, encounterId: encounter.id, raiseId: raised.id, reason: 'Raised in error' }))
      .toMatchObject({ voided: { reason: 'Raised in error' } });
    expect(await call('encounter.advance', { actor: NURSE, encounterId: encounter.id, to: 'pre-procedure' })).toMatchObject({ from: 'scheduled', to: 'pre-procedure' });
    expect(await call('encounter.cancel', { actor: NURSE, encounterId: encounter.id, reason: 'Patient unwell today' })).toMatchObject({ to: 'cancelled' });
  });

  it('patient facts and the planned start through the contract (behaviour in db/handlers/patient-facts.test.ts)', async () => {
    const { encounter } = await patientAndEncounter();
    expect(await call('encounter.setPlannedStart', { actor: NURSE, encounterId: encounter.id, plannedStartAt: '2026-11-24T15:00:00.000Z' })).toMatchObject({ plannedStartAt: '2026-11-24T15:00:00.000Z', by: NURSE });
    const fact = await call<{ id: string }>('patientFacts.record', {
      actor: NURSE, encounterId: encounter.id, fact: { kind: 'allergy', data: { category: 'latex', agent: 'Latex', reaction: 'Hives', severity: 'moderate' } },
    });
    expect(await call('patientFacts.confirm', { actor: NURSE, encounterId: encounter.id, factIds: [fact.id] })).toMatchObject({ factIds: [fact.id], by: NURSE });
    expect(await call('patientFacts.remove', { actor: NURSE, encounterId: encounter.id, factId: fact.id, reason: 'Entered for the wrong patient' })).toMatchObject({ removed: { by: NURSE } });
    expect(await call('patientFacts.get', { actor: NURSE, encounterId: encounter.id })).toMatchObject({ facts: [{ id: fact.id }], confirmations: [{ factIds: [fact.id] }] });
  });

  it('the intake through the contract (behaviour in db/handlers/intake.test.ts)', async () => {
    const { patient } = await patientAndEncounter();
    const first = await call<{ id: string }>('intake.record', { actor: NURSE, patientId: patient.id, intake: SAMPLE_INTAKE, replacesId: null });
    expect(await call('intake.history', { actor: NURSE, patientId: patient.id })).toMatchObject({ versions: [{ id: first.id, recordedBy: NURSE }] });
  });

  it('the team of the day through the contract (behaviour in db/handlers/day-team.test.ts)', async () => {
    const { accounts } = await call<{ accounts: { userId: string }[] }>('dayTeam.get', { actor: NURSE, room: 'Procedure room 1', date: '2026-11-24' });
    const members = [{ kind: 'account', userId: accounts[0]!.userId }, { kind: 'visitor', name: 'Sam Okafor', role: 'radiographer' }];
    expect(await call('dayTeam.set', { actor: NURSE, room: 'Procedure room 1', date: '2026-11-24', members })).toMatchObject({ team: { by: NURSE, members: [{ kind: 'account' }, { name: 'Sam Okafor' }] } });
  });

  it('signed notes through the contract (behaviour in db/signing/signing.test.ts)', async () => {
    const { encounter } = await patientAndEncounter();
    await call('consent.save', {
      actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents',
    });
    expect(await call('note.get', { actor: NURSE, encounterId: encounter.id })).toEqual({ note: null, addenda: [] });
    const note = await call<{ id: string; contentSha256: string }>('note.sign', { actor: PHYSICIAN, encounterId: encounter.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' });
    const addendum = await call<{ seq: number }>('note.addAddendum', { actor: NURSE, noteId: note.id, reason: 'Spelling of a name', text: 'Corrected.', password: TEST_PASSWORD });
    expect(addendum.seq).toBe(1);
    expect(await call('note.get', { actor: NURSE, encounterId: encounter.id })).toMatchObject({ note: { id: note.id, contentSha256: note.contentSha256 }, addenda: [addendum] });
  });

  it('signatures, print, outbox and batch export through the contract (behaviour in db/export/outbox.test.ts, db/export/note-content.test.ts)', async () => {
    const { encounter } = await patientAndEncounter();
    const paper = await call<{ id: string }>('consent.captureSignature', { actor: NURSE, encounterId: encounter.id, signer: 'patient', signerName: 'María José Peña', method: 'paper' });
    expect(await call('consent.voidSignature', { actor: NURSE, encounterId: encounter.id, signatureId: paper.id, reason: 'Wrong form' })).toMatchObject({ voided: { reason: 'Wrong form' } });
    await call('consent.save', {
      actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents',
    });
    expect(await call<{ title: string }>('note.print', { actor: NURSE, encounterId: encounter.id })).toMatchObject({ title: 'Consent discussion note' });
    await call('note.sign', { actor: PHYSICIAN, encounterId: encounter.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' });
    await call('settings.update', { actor: ADMIN, outboxFolder: core.dataDir, ...CHART_READY });
    const exported = await call<{ documentId: string }>('note.exportToOutbox', { actor: NURSE, encounterId: encounter.id });
    expect(await call('note.outboxExports', { actor: NURSE, encounterId: encounter.id })).toMatchObject([{ documentId: exported.documentId }]);
    // Delivery (behaviour in db/delivery/*.test.ts): a drop folder that is gone when the worker runs, then is back.
    const drop = path.join(core.dataDir, 'engine-drop');
    fs.mkdirSync(drop);
    await call('settings.update', { actor: ADMIN, delivery: { folder: drop, mllp: null, retryBaseSeconds: 30, retryCapSeconds: 600 } });
    // Sent again unchanged: refused, nothing new (issue 19); after an addendum the new document goes.
    expect(await core.act('note.exportToOutbox', { actor: NURSE, encounterId: encounter.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Already sent unchanged') } });
    const { note } = await call<{ note: { id: string } }>('note.get', { actor: PHYSICIAN, encounterId: encounter.id });
    await call('note.addAddendum', { actor: PHYSICIAN, noteId: note.id, reason: 'Detail added', text: 'A detail added after signing.', password: TEST_PASSWORD });
    const second = await call<{ documentId: string }>('note.exportToOutbox', { actor: NURSE, encounterId: encounter.id });
    fs.rmSync(drop, { recursive: true });
    await core.delivery.runDue();
    const [waiting] = await call<{ id: string; state: string; documentId: string }[]>('delivery.list', { actor: NURSE, encounterId: encounter.id });
    expect(waiting).toMatchObject({ documentId: second.documentId, state: 'queued', receiverSaid: expect.stringContaining('engine-drop') });
    fs.mkdirSync(drop);
    expect(await call('delivery.retry', { actor: NURSE, encounterId: encounter.id, deliveryId: waiting!.id })).toMatchObject({ state: 'queued' });
    await core.delivery.kick();
    expect(await call('delivery.list', { actor: NURSE, encounterId: encounter.id })).toMatchObject([{ state: 'delivered', attempts: 2 }]);
    expect(fs.readdirSync(drop)).toEqual([expect.stringMatching(new RegExp(`_${second.documentId}\\.hl7$`))]);
    const batch = await call<{ batchId: string; total: number; alreadySent: number }>('export.startBatch', { actor: NURSE, plannedDate: '2026-11-24' });
    // Already in the outbox unchanged: not sent again.
    expect(batch).toMatchObject({ total: 0, alreadySent: 1 });
    await call('export.cancelBatch', { actor: NURSE, batchId: batch.batchId });
    expect(await call('export.batchStatus', { actor: NURSE, batchId: batch.batchId })).toMatchObject({ batchId: batch.batchId });
  });

  it('the schedule through the contract (behaviour in db/schedule/*.test.ts): an SIU^S12 listed, started as an encounter once', async () => {
    await call('settings.update', { actor: ADMIN, ...CHART_READY, timeZone: 'America/New_York' });
    const siu = fs.readFileSync(path.join(import.meta.dirname, 'schedule', 'fixtures', 'siu-s12.hl7'));
    expect(core.schedule.receive(siu, 'mllp')).toMatchObject({ code: 'AA' });
    const [appointment] = await call<{ id: string; time: string }[]>('schedule.list', { actor: NURSE, date: '2026-12-07' });
    expect(appointment).toMatchObject({ time: '08:30' });
    const plan = { templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Left L5 radicular pain.' };
    const encounter = await call<Encounter>('schedule.start', { actor: NURSE, appointmentId: appointment!.id, ...plan });
    expect(encounter).toMatchObject({ plannedDate: '2026-12-07', visitNumber: 'V123456', location: 'PAIN-2 Room 3' });
    expect(await core.act('schedule.start', { actor: NURSE, appointmentId: appointment!.id, ...plan })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // No FHIR server set: refused, nothing pulled (the pull itself: db/schedule/schedule-fhir.test.ts).
    covered.add('schedule.pull');
    expect(await core.act('schedule.pull', { actor: NURSE, date: '2026-12-07' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('No FHIR server') } });
  });

  it('the patient handout through the contract (behaviour in db/export/handout-pdf.test.ts)', async () => {
    const { encounter } = await patientAndEncounter();
    const handout = await call<{ fileBaseName: string; pdfBase64: string }>('handout.pdf', { actor: NURSE, encounterId: encounter.id, lang: 'en' });
    expect(handout.fileBaseName).toBe('patient-handout_MRN-0042_2026-11-24_en');
    expect(Buffer.from(handout.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('follow-ups, pain diaries and outcomes through the contract (behaviour in db/handlers/follow-up.test.ts)', async () => {
    const { patient } = await patientAndEncounter();
    const mbb = await call<Encounter>('encounter.create', {
      actor: NURSE, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.',
    });
    for (const to of ['pre-procedure', 'time-out', 'procedure']) {
      await doneBeforeMoving((method, input) => call(method as never, { actor: PHYSICIAN, ...input }), mbb.id, to);
      ok(await advanceOverridingOpen((method, input) => core.act(method, { actor: PHYSICIAN, ...input }), mbb.id, to, 'round-trip set-up'));
      covered.add('encounter.advance');
    }
    const diary = await call<{ id: string }>('followUp.addDiary', {
      actor: NURSE, encounterId: mbb.id, blockAt: '2026-11-24T08:00:00.000Z', baseline: 6, entries: [{ hours: 0.5, score: 2 }, { hours: 4, score: 3 }],
    });
    const followUp = await call<{ id: string }>('followUp.add', {
      actor: NURSE, encounterId: mbb.id, seenAt: '2026-11-24T15:00:00.000Z', painScore: 5, function: { work: null, sleep: null, dailyActivities: 3 }, percentRelief: 20, reliefDuration: null,
    });
    expect(await call('followUp.voidRecord', { actor: NURSE, encounterId: mbb.id, kind: 'follow-up', id: followUp.id, reason: 'Entered twice' })).toMatchObject({ voided: { by: NURSE } });
    const { id: planId } = await call<{ id: string }>('followUp.schedule', { actor: NURSE, encounterId: mbb.id, dueDate: '2026-12-01', how: 'phone' });
    expect(await call('followUp.due', { actor: NURSE, weekOf: '2026-12-01' })).toMatchObject({ rows: [{ plan: { id: planId }, dueDate: '2026-12-01' }] });
    const outcomes = await call<{ procedures: { diaryResults: { diaryId: string; peakRelief: number }[] }[] }>('outcomes.forPatient', { actor: NURSE, patientId: patient.id });
    expect(outcomes.procedures.flatMap((p) => p.diaryResults)).toEqual([expect.objectContaining({ diaryId: diary.id, peakRelief: 66 })]);
    // No payer rule set covers a medial branch block itself (the facet LCD's criteria are read before an RFA).
    expect(await call('coverage.readiness', { actor: NURSE, encounterId: mbb.id })).toMatchObject({ encounterId: mbb.id, sets: [], hasIntake: false });
    // The steroid ledger (behaviour in db/handlers/steroid.test.ts).
    expect(await call('steroid.ledger', { actor: NURSE, encounterId: mbb.id })).toMatchObject({ drugs: [], reviewLines: [expect.stringContaining('needs clinical review'), expect.stringContaining('needs clinical review')] });
  });

  it('has a handler for every method the contract says the core serves, and none for the runtime\'s', () => {
    const servedByCore = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].servedBy === 'core');
    expect([...core.methods].sort()).toEqual(servedByCore.sort());
  });

  it('covers every method of the contract', () => {
    // Runs last in this file: the round-trip tests above must have exercised each method.
    expect([...covered].sort()).toEqual(Object.keys(METHODS).sort());
  });
});
