// The audit trail against someone who can write the data folder but not the key
// folder (issue 16.3): the key is not beside the database, the head is sealed
// outside it, and cutting the trail, copying an older one back or rewriting it
// whole is detected, at start-up and on every read, and stays detected after
// later writes. Each attack is written the way it was done against the old app.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '#shared/contract/audit';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { createAuditLog } from './audit';
import { loadAuditKey } from './audit-key';
import { readSeal } from './audit-seal';
import { DATABASE_FILE } from './paths';
import { openKeyed, type Db } from './connection';
import { activity, auditCores, lastSeq, verify, type Verdict } from './testing/audit-seal-support';
import { ADMIN, keyOf, NURSE, ok, PHYSICIAN, TEST_PASSWORD, type TempCore } from './testing/temp-core';

type Page = { entries: AuditEntryView[]; verdict: Verdict };

const { open, closeKeeping } = auditCores();
const list = async (core: TempCore): Promise<Page> => ok<Page>(await core.act('audit.list', { actor: PHYSICIAN }));

/** As someone with the raw file would: the append-only triggers dropped first. */
function dropTriggers(db: Db): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
}

/** The old app's MAC, recomputed by an attacker who has a key: every entry and the head re-signed. */
function rewriteTrail(db: Db, key: Buffer): void {
  const mac = (...parts: (string | number | null)[]) => createHmac('sha256', key).update(parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f')).digest('hex');
  dropTriggers(db);
  db.prepare("UPDATE audit_log SET user_name = 'Someone Else' WHERE action = 'encounter.get'").run();
  let prev = '0'.repeat(64);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string | number | null>[];
  for (const r of rows) {
    const hash = mac(r.seq!, prev, r.at!, r.user_name!, r.user_role!, r.patient_id!, r.action!, r.target!);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
  db.prepare('UPDATE audit_head SET seq = ?, hash = ?, mac = ? WHERE id = 1').run(rows.length, prev, mac('head', rows.length, prev));
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('the audit trail cannot be cut or replayed by someone holding only the data folder', () => {
  it('keeps no key beside the database: the whole trail rewritten with any key found in the data folder is detected', async () => {
    const core = open();
    await activity(core);
    const dataDir = core.dataDir;
    closeKeeping(core);
    // The attacker's best key: one found in the data folder (audit.key, as the old app left it), else a guess.
    const found = filesUnder(dataDir).map((f) => fs.readFileSync(f, 'latin1').trim()).find((t) => /^[0-9a-f]{64}$/.test(t));
    // The attacker here also holds the database key: the seal must stand on its own.
    const db = openKeyed(path.join(dataDir, DATABASE_FILE), keyOf(dataDir));
    rewriteTrail(db, Buffer.from(found ?? 'ab'.repeat(32), 'hex'));
    db.close();
    const again = open(dataDir);
    expect(await verify(again)).toMatchObject({ ok: false });
    expect(ok<RecoveryStatus>(await again.act('recovery.status', {})).auditAlarm).toMatchObject({ firstBrokenSeq: 1 });
    // No file in the data folder holds the key, in any form.
    const key = Buffer.from(fs.readFileSync(path.join(`${dataDir}.keys`, 'audit.key'), 'utf8').trim(), 'hex');
    for (const file of filesUnder(dataDir)) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(key), file).toBe(false);
      expect(bytes.includes(Buffer.from(key.toString('hex'))), file).toBe(false);
    }
  });

  it('entries cut from the end stay detected after later ordinary writes', async () => {
    const core = open();
    await activity(core);
    const cut = lastSeq(core) - 2;
    dropTriggers(core.db);
    core.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut);
    // The old app's next write "repaired" the chain from the shortened end.
    await activity(core, 'MRN-LATER');
    await activity(core, 'MRN-LATER-2');
    const verdict = await verify(core);
    // Where the break is reported depends on when the check ran (it follows each answer): at the cut, or at the sealed entry.
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/entries were removed/) as unknown });
    if (verdict.ok) throw new Error('verified');
    expect(verdict.firstBrokenSeq).toBeGreaterThanOrEqual(cut + 1);
    expect(verdict.firstBrokenSeq).toBeLessThanOrEqual(cut + 2);
    expect((await list(core)).verdict).toMatchObject({ ok: false });
    // And after a restart, on the file as it is.
    const dataDir = core.dataDir;
    closeKeeping(core);
    expect(await verify(open(dataDir))).toMatchObject({ ok: false });
  });

  it('an older trail and head copied back from a backup are detected', async () => {
    const core = open();
    await activity(core);
    const backup = path.join(core.dataDir, 'backups', 'old-copy.sqlite');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    core.db.prepare('VACUUM INTO ?').run(backup);
    await activity(core, 'MRN-LATER');
    // The rows after the backup's end removed, and the backup's own keyed head record put back.
    dropTriggers(core.db);
    core.db.prepare('ATTACH ? AS old').run(backup);
    core.db.exec(`DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM old.audit_log);
      UPDATE audit_head SET seq = (SELECT seq FROM old.audit_head), hash = (SELECT hash FROM old.audit_head), mac = (SELECT mac FROM old.audit_head) WHERE id = 1;`);
    core.db.exec('DETACH old');
    expect(await verify(core)).toMatchObject({ ok: false });
  });

  it('a whole older database copied over the file with the app closed raises the alarm at start-up, audited', async () => {
    const core = open();
    await activity(core);
    const copy = path.join(core.dataDir, 'backups', 'old-copy.sqlite');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    core.db.prepare('VACUUM INTO ?').run(copy);
    const oldEnd = core.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    await activity(core, 'MRN-LATER');
    const dataDir = core.dataDir;
    closeKeeping(core);
    const file = path.join(dataDir, DATABASE_FILE);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(copy, file);

    const again = open(dataDir);
    const status = ok<RecoveryStatus>(await again.act('recovery.status', {}));
    expect(status.auditAlarm).toMatchObject({ firstBrokenSeq: oldEnd + 1 });
    expect(status.auditAlarm!.reason).toMatch(/older copy of the database was put back/);
    const page = await list(again);
    expect(page.verdict).toMatchObject({ ok: false, firstBrokenSeq: oldEnd + 1 });
    expect(page.entries.some((e) => e.action === 'audit.sealBroken' && e.user.role === 'system')).toBe(true);
  });

  it('audit.list checks the chain on every read: an edited entry shows in the page itself', async () => {
    const core = open();
    await activity(core);
    expect((await list(core)).verdict).toMatchObject({ ok: true });
    dropTriggers(core.db);
    core.db.prepare("UPDATE audit_log SET user_name = 'Someone Else' WHERE seq = 2").run();
    expect((await list(core)).verdict).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('a long trail is checked whole in steps: an edit far back is found while other calls are answered meanwhile', async () => {
    const core = open();
    await activity(core);
    const { key } = loadAuditKey(`${core.dataDir}.keys`);
    const audit = createAuditLog(core.db, key);
    const at = new Date().toISOString();
    core.db.transaction(() => {
      for (let i = 0; i < 25_000; i += 1) audit.append({ at, user: NURSE, patientId: null, action: 'encounter.get', target: `encounter:${i}` });
    })();
    // The next call seals those entries (each checked as the seal moves over them).
    ok(await core.act('settings.get', { actor: ADMIN }));
    dropTriggers(core.db);
    core.db.prepare("UPDATE audit_log SET user_name = 'Someone Else' WHERE seq = 20000").run();
    const order: string[] = [];
    const whole = core.act('audit.verify', { actor: PHYSICIAN }).then((v) => (order.push('verify'), v));
    const other = core.act('patient.search', { actor: NURSE, query: 'Pe' }).then(() => order.push('search'));
    const [verdict] = await Promise.all([whole, other]);
    expect(ok(verdict)).toMatchObject({ ok: false, firstBrokenSeq: 20000 });
    expect(order).toEqual(['search', 'verify']);
  });

  it('an older seal copied back while the app runs is detected', async () => {
    const core = open();
    await activity(core);
    const sealFile = path.join(`${core.dataDir}.keys`, 'audit.seal');
    const old = fs.readFileSync(sealFile);
    await activity(core, 'MRN-LATER');
    fs.writeFileSync(sealFile, old);
    expect(await verify(core)).toMatchObject({ ok: false, reason: expect.stringMatching(/seal was replaced/) as unknown });
  });

  it('a missing seal, or one made with another key, is an alarm at start-up', async () => {
    for (const damage of [(f: string) => fs.rmSync(f), (f: string) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/"mac":"[0-9a-f]/g, '"mac":"x'))]) {
      const core = open();
      await activity(core);
      const dataDir = core.dataDir;
      closeKeeping(core);
      damage(path.join(`${dataDir}.keys`, 'audit.seal'));
      const again = open(dataDir);
      expect(again.auditAlarm()).not.toBeNull();
      expect(await verify(again)).toMatchObject({ ok: false });
    }
  });

  it('keeps the key and the seal owner-only in a 0700 key folder outside the data folder', async () => {
    const core = open();
    await activity(core);
    const keys = `${core.dataDir}.keys`;
    expect(fs.statSync(keys).mode & 0o777).toBe(0o700);
    for (const name of ['audit.key', 'audit.seal']) expect(fs.statSync(path.join(keys, name)).mode & 0o077).toBe(0);
    expect(fs.readdirSync(core.dataDir).filter((f) => f.startsWith('audit'))).toEqual([]);
    const read = readSeal(keys, loadAuditKey(keys).key);
    if (read.state !== 'ok') throw new Error(`the seal: ${read.state}`);
    const seal = read.seal;
    expect(seal.seq).toBe(lastSeq(core));
    expect(await verify(core)).toMatchObject({ ok: true, entries: lastSeq(core), sealed: { seq: lastSeq(core), counter: seal.counter } });
  });

  it('moves a key left in the data folder by an earlier version to the key folder once, and the old trail still verifies', async () => {
    const core = open();
    await activity(core);
    const dataDir = core.dataDir;
    closeKeeping(core);
    // As an earlier version left it: the key beside the database, no key folder, no seal.
    const keys = `${dataDir}.keys`;
    fs.renameSync(path.join(keys, 'audit.key'), path.join(dataDir, 'audit.key'));
    fs.rmSync(path.join(keys, 'audit.seal'));
    const logs: string[] = [];
    const again = open({ dataDir, log: (m) => logs.push(m) });
    expect(fs.existsSync(path.join(dataDir, 'audit.key'))).toBe(false);
    expect(fs.existsSync(path.join(keys, 'audit.key'))).toBe(true);
    expect(again.auditAlarm()).toBeNull();
    expect(await verify(again)).toMatchObject({ ok: true });
    expect(logs.join('\n')).toMatch(/moved out of the data folder/);
  });
});

describe('an alarm stays until an administrator acknowledges it', () => {
  it('with the password and a reason; the acknowledgement is recorded and the seal starts again', async () => {
    const core = open();
    await activity(core);
    const cut = lastSeq(core) - 1;
    dropTriggers(core.db);
    core.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut);
    await activity(core, 'MRN-LATER');
    expect(await verify(core)).toMatchObject({ ok: false });
    expect(core.auditAlarm()).not.toBeNull();

    const reason = 'Two entries were cut after a disk repair; reported to the privacy officer.';
    expect(await core.act('audit.acknowledgeAlarm', { actor: PHYSICIAN, reason, password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = lastSeq(core);
    expect(await core.act('audit.acknowledgeAlarm', { actor: ADMIN, reason, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.act('audit.acknowledgeAlarm', { actor: ADMIN, reason: 'ok', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.auditAlarm()).not.toBeNull();
    // Only the refusal of the wrong password was recorded.
    expect(core.db.prepare('SELECT action FROM audit_log WHERE seq > ?').pluck().all(before)).toEqual(['auth.reauthFailed']);

    expect(ok(await core.act('audit.acknowledgeAlarm', { actor: ADMIN, reason, password: TEST_PASSWORD }))).toMatchObject({ ok: true });
    expect(core.auditAlarm()).toBeNull();
    const ack = (await list(core)).entries.find((e) => e.action === 'audit.alarmAcknowledged')!;
    expect(ack.user.name).toBe(ADMIN.name);
    expect(ack.target).toContain(reason);
    expect(ack.target).toMatch(/entries were removed/);
    // Nothing left to acknowledge; later writes and a restart keep verifying.
    expect(await core.act('audit.acknowledgeAlarm', { actor: ADMIN, reason, password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await activity(core, 'MRN-AFTER');
    const dataDir = core.dataDir;
    closeKeeping(core);
    const again = open(dataDir);
    expect(again.auditAlarm()).toBeNull();
    expect(await verify(again)).toMatchObject({ ok: true });
  });

  it('a lost key: the entries before it cannot be verified, and after the acknowledgement the trail is checked from there on', async () => {
    const core = open();
    await activity(core);
    const dataDir = core.dataDir;
    closeKeeping(core);
    // The audit key and its seal are lost; the database key (which the data cannot be read without) is not.
    for (const name of ['audit.key', 'audit.seal']) fs.rmSync(path.join(`${dataDir}.keys`, name));
    const again = open(dataDir);
    expect(again.auditAlarm()?.reason).toMatch(/audit key was missing/);
    // Signing in needs no key: the administrator acknowledges.
    ok(await again.act('audit.acknowledgeAlarm', { actor: ADMIN, reason: 'The key folder was lost with the old laptop; IT informed.', password: TEST_PASSWORD }));
    const verdict = await verify(again);
    expect(verdict).toMatchObject({ ok: true, unverifiedBefore: expect.any(Number) as unknown });
  });
});
