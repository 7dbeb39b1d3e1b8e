/**
 * The seal follows each answer instead of holding it (audit-seal-writer.ts): the
 * answer goes out with the change and its audit entry durable in the database,
 * the seal a moment later. A crash in that moment leaves the seal behind the
 * trail, which is no alarm; a close writes the last seal whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCores, lastSeq, sealOf } from './testing/audit-seal-support';
import { NURSE, ok, PATIENT, PHYSICIAN, type TempCore } from './testing/temp-core';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => fs.rmSync(f, { recursive: true, force: true })));
const { open, closeKeeping } = auditCores();
const createPatient = (core: TempCore, mrn: string) => core.act('patient.create', { actor: NURSE, ...PATIENT, mrn });

describe('the audit seal follows the answer', () => {
  it('the answer does not wait for the seal; the seal reaches the head right after', async () => {
    const core = open();
    ok(await createPatient(core, 'MRN-1'));
    await core.auditSettled();
    const before = sealOf(core.dataDir);
    expect(before.seq).toBe(lastSeq(core));

    ok(await createPatient(core, 'MRN-2'));
    // Answered: the entry is in the database, the seal not yet moved.
    expect(lastSeq(core)).toBeGreaterThan(before.seq);
    expect(sealOf(core.dataDir)).toEqual(before);
    await core.auditSettled();
    expect(sealOf(core.dataDir)).toMatchObject({ seq: lastSeq(core), counter: before.counter + 1 });
  });

  it('a burst of calls is sealed at its head, without a seal write for each call', async () => {
    const core = open();
    ok(await createPatient(core, 'MRN-0'));
    await core.auditSettled();
    const before = sealOf(core.dataDir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createPatient(core, `MRN-B${i}`)));
    await core.auditSettled();
    const after = sealOf(core.dataDir);
    expect(after.seq).toBe(lastSeq(core));
    expect(after.seq - before.seq).toBe(20);
    expect(after.counter - before.counter).toBeLessThan(20);
    expect(await core.act('audit.verify', { actor: PHYSICIAN })).toMatchObject({ ok: true, value: { ok: true, entries: lastSeq(core) } });
  });

  it('a crash between the answer and the seal: the next start checks the entries after the seal, no alarm, and seals them', async () => {
    const core = open();
    ok(await createPatient(core, 'MRN-1'));
    await core.auditSettled();
    ok(await createPatient(core, 'MRN-2'));
    const acknowledged = lastSeq(core);
    // The disks as a power cut would leave them now: the commit durable, the seal still the one before.
    const crashed = `${core.dataDir}-crash`;
    folders.push(crashed, `${crashed}.keys`);
    fs.cpSync(core.dataDir, crashed, { recursive: true });
    fs.cpSync(`${core.dataDir}.keys`, `${crashed}.keys`, { recursive: true });
    expect(sealOf(crashed).seq).toBeLessThan(acknowledged);

    const again = open(crashed);
    expect(again.auditAlarm()).toBeNull();
    expect(lastSeq(again)).toBeGreaterThanOrEqual(acknowledged);
    await again.auditSettled();
    expect(sealOf(crashed).seq).toBe(lastSeq(again));
    expect(await again.act('audit.verify', { actor: PHYSICIAN })).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('a close right after an answer writes the last seal whole before the database closes', async () => {
    const core = open();
    ok(await createPatient(core, 'MRN-1'));
    const head = lastSeq(core);
    const dataDir = core.dataDir;
    closeKeeping(core);
    expect(sealOf(dataDir).seq).toBe(head);
    expect(fs.statSync(path.join(`${dataDir}.keys`, 'audit.seal')).size).toBe(1024);
    const again = open(dataDir);
    expect(again.auditAlarm()).toBeNull();
  });
});
