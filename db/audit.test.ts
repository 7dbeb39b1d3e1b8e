// The audit trail: what is recorded, and that every kind of tampering with the
// raw file (edit, delete, reorder, insert, truncate) is detected while an
// untouched log always verifies.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '#shared/contract/audit';
type AuditPage = { entries: AuditEntryView[]; verdict: { ok: boolean } };
import { loadAuditKey, verifyAuditChain } from './audit';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN } from './testing/temp-core';

let core: ReturnType<typeof openTempCore>;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

async function activity(): Promise<{ encounterId: string; patientId: string }> {
  const patient = ok<{ id: string }>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  const encounter = ok<{ id: string }>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'x',
  }));
  ok(await core.act('encounter.get', { actor: PHYSICIAN, encounterId: encounter.id }));
  ok(await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: 'infection', status: 'checked' }));
  ok(await core.act('consent.save', { actor: PHYSICIAN, encounterId: encounter.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }));
  ok(await core.act('note.export', { actor: PHYSICIAN, encounterId: encounter.id }));
  // A refused write records nothing.
  await core.act('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId: 'no-such-item', status: 'checked' });
  return { encounterId: encounter.id, patientId: patient.id };
}

/**
 * Entries activity() leaves: the first administrator created and signed in, the
 * nurse and the physician created (each with their signing key registered) and
 * signed in (8), then the 6 clinical entries.
 */
const ENTRIES = 14;

/** Tampering as someone with the raw file would do it: triggers dropped, rows changed. */
function tamper(sql: string): void {
  core.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  core.db.exec(sql);
}

describe('audit trail', () => {
  it('records every view and change with who, when, patient and target, in order', async () => {
    const { encounterId, patientId } = await activity();
    const page = ok<AuditPage>(await core.act('audit.list', {}));
    expect(page.verdict).toMatchObject({ ok: true });
    const all = page.entries.reverse();
    // Sign-ins, account creation and signing keys are recorded too (db/auth/accounts.test.ts, db/signing/signing-keys.test.ts); here, the clinical trail.
    const entries = all.filter((e) => !/^(auth|users|signingKey)\./.test(e.action));
    expect(entries.map((e) => [e.action, e.user.name, e.patientId])).toEqual([
      ['patient.create', NURSE.name, patientId],
      ['encounter.create', NURSE.name, patientId],
      ['encounter.get', PHYSICIAN.name, patientId],
      ['checklist.setItem', PHYSICIAN.name, patientId],
      ['consent.save', PHYSICIAN.name, patientId],
      ['note.export', PHYSICIAN.name, patientId],
    ]);
    expect(entries[3]!.target).toBe(`encounter:${encounterId}/item:infection`);
    expect(ok<AuditPage>(await core.act('audit.list', { patientId, action: 'note.export' })).entries).toHaveLength(1);
    expect(ok(await core.act('audit.verify', {}))).toMatchObject({ ok: true, entries: all.length });
    expect(() => core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => core.db.prepare("UPDATE audit_log SET user_name = 'x'").run()).toThrow(/append-only/);
  });

  it('finds an entry written under a method\'s old name when filtering by its name now (renamed-actions.ts)', async () => {
    // As a version from before the rename wrote it; the entry itself never changes.
    core.record(NURSE, 'followUp.withdraw', 'encounter:e1/follow-up:f1/withdraw');
    core.record(NURSE, 'followUp.voidRecord', 'encounter:e1/follow-up:f2/void');
    const targets = async (action: string) => ok<AuditPage>(await core.act('audit.list', { action })).entries.map((e) => [e.action, e.target]);
    const both = [['followUp.voidRecord', 'encounter:e1/follow-up:f2/void'], ['followUp.withdraw', 'encounter:e1/follow-up:f1/withdraw']];
    expect(await targets('followUp.voidRecord')).toEqual(both);
    expect(await targets('followUp.withdraw')).toEqual(both);
    expect(await targets('followUp.add')).toEqual([]);
    expect(ok(await core.act('audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('keeps its key outside the database and the data folder, and the chain cannot be checked without it', async () => {
    await activity();
    const keyDir = `${core.dataDir}.keys`;
    const { key } = loadAuditKey(keyDir);
    expect(fs.statSync(path.join(keyDir, 'audit.key')).mode & 0o077).toBe(0);
    expect(fs.existsSync(path.join(core.dataDir, 'audit.key'))).toBe(false);
    expect(verifyAuditChain(core.db, key)).toMatchObject({ ok: true, entries: ENTRIES });
    expect(verifyAuditChain(core.db, Buffer.alloc(32, 1))).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });

  const CASES: [string, () => void, number][] = [
    ['an edited entry', () => tamper("UPDATE audit_log SET user_name = 'Someone Else' WHERE seq = 3"), 3],
    ['a deleted entry', () => tamper('DELETE FROM audit_log WHERE seq = 2'), 2],
    ['reordered entries', () => tamper('UPDATE audit_log SET seq = 104 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 104;'), 4],
    ['an inserted entry', () => tamper(`INSERT INTO audit_log (seq, at, user_name, user_role, patient_id, action, target, prev_hash, hash) SELECT ${ENTRIES + 1}, at, user_name, user_role, patient_id, 'patient.create', target, hash, hash FROM audit_log WHERE seq = ${ENTRIES}`), ENTRIES + 1],
    ['a truncated tail', () => tamper('DELETE FROM audit_log WHERE seq >= 5'), 5],
  ];
  it.each(CASES)('detects %s', async (_name, doIt, firstBroken) => {
    await activity();
    doIt();
    const verdict = ok<{ ok: boolean; firstBrokenSeq?: number }>(await core.act('audit.verify', {}));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenSeq).toBe(firstBroken);
  });

  it('detects any single-field edit anywhere, and never flags an untouched log', async () => {
    await activity();
    const { key } = loadAuditKey(`${core.dataDir}.keys`);
    expect(verifyAuditChain(core.db, key).ok).toBe(true);
    core.db.exec('DROP TRIGGER audit_log_no_update;');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom('at', 'user_name', 'user_role', 'patient_id', 'action', 'target', 'prev_hash', 'hash'), fc.string({ minLength: 1, maxLength: 10 }), (seq, column, value) => {
        const original = core.db.prepare(`SELECT ${column} AS v FROM audit_log WHERE seq = ?`).get(seq) as { v: unknown };
        if (original.v === value) return;
        core.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(value, seq);
        const verdict = verifyAuditChain(core.db, key);
        core.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(original.v, seq);
        expect(verdict).toMatchObject({ ok: false });
        expect(verifyAuditChain(core.db, key).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
