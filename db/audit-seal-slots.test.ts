/**
 * The seal's file (audit-seal.ts): two slots, the seal moving forward written in
 * place into the older one, so a power cut mid-write leaves the seal before it;
 * an earlier version's one-seal file is still read, and replaced at the next move.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key';
import { readSeal } from './audit-seal';
import { activity, auditCores, lastSeq, verify } from './testing/audit-seal-support';

const { open, closeKeeping } = auditCores();

describe('the seal file', () => {
  it('a seal torn by a power cut mid-move leaves the one before it: no alarm, and the trail still checks', async () => {
    const core = open();
    await activity(core);
    const keys = `${core.dataDir}.keys`;
    const sealFile = path.join(keys, 'audit.seal');
    const before = readSeal(keys, loadAuditKey(keys).key);
    await activity(core, 'MRN-LATER');
    const after = readSeal(keys, loadAuditKey(keys).key);
    if (before.state !== 'ok' || after.state !== 'ok') throw new Error('no seal');
    expect(after.seal.counter).toBeGreaterThan(before.seal.counter);
    const dataDir = core.dataDir;
    closeKeeping(core);
    // The slot last written, half overwritten as a torn write would leave it.
    const bytes = fs.readFileSync(sealFile);
    const slot = (after.seal.counter % 2) * 512;
    bytes.fill(0x20, slot + 40, slot + 300);
    fs.writeFileSync(sealFile, bytes);
    const torn = readSeal(keys, loadAuditKey(keys).key);
    expect(torn).toMatchObject({ state: 'ok', seal: { counter: after.seal.counter - 1 } });
    const again = open(dataDir);
    expect(again.auditAlarm()).toBeNull();
    expect(await verify(again)).toMatchObject({ ok: true, entries: lastSeq(again) });
  });

  it("an earlier version's one-seal file is read, and replaced by the two-slot file at the next move", async () => {
    const core = open();
    await activity(core);
    const keys = `${core.dataDir}.keys`;
    const { key } = loadAuditKey(keys);
    const current = readSeal(keys, key);
    if (current.state !== 'ok') throw new Error('no seal');
    const dataDir = core.dataDir;
    closeKeeping(core);
    const sealFile = path.join(keys, 'audit.seal');
    const mac = createHmac('sha256', key).update(['audit-seal', 1, current.seal.counter, current.seal.seq, current.seal.hash, current.seal.since].join('\u001f')).digest('hex');
    fs.writeFileSync(sealFile, `${JSON.stringify({ format: 1, ...current.seal, mac })}\n`);
    expect(readSeal(keys, key)).toEqual(current);
    const again = open(dataDir);
    expect(again.auditAlarm()).toBeNull();
    await activity(again, 'MRN-LATER');
    expect(fs.statSync(sealFile).size).toBe(1024);
    expect(readSeal(keys, key)).toMatchObject({ state: 'ok', seal: { seq: lastSeq(again) } });
    expect(await verify(again)).toMatchObject({ ok: true });
  });
});
