// The delivery channels and settings on their own: the enhanced-mode commit codes from a
// real MLLP receiver, answers that are not ACKs, the drop folder written once, and the
// site's delivery settings refused when wrong with nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { OutboxExport } from '#shared/contract/note';
import { ADMIN, NURSE, ok, openTempCore, setChartOutbox, tableCounts, tempDir, type TempCore } from '../testing/temp-core';
import { signedEncounter } from '../testing/signed-encounter';
import { startMllpPeer, type MllpPeer } from '../testing/mllp-peer';
import { DEFAULT_DELIVERY_SETTINGS } from '#shared/contract/delivery-settings';
import { parseAck } from './ack';
import { folderChannel } from './channels';
import type { QueuedDelivery } from '../repositories/delivery-queue';

let core: TempCore;
let outbox: string;
let drop: string;
const peers: MllpPeer[] = [];
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
  outbox = tempDir('proceduredesk-channels-outbox-');
  drop = tempDir('proceduredesk-channels-drop-');
});
afterEach(async () => {
  for (const p of peers.splice(0)) await p.close();
  core.cleanup();
  for (const dir of [outbox, drop]) fs.rmSync(dir, { recursive: true, force: true });
});

const DELIVERY = { folder: null, mllp: null, retryBaseSeconds: 30, retryCapSeconds: 600 };
async function exportedVia(delivery: object, mrn: string): Promise<{ encounterId: string; record: OutboxExport }> {
  await setChartOutbox(core, outbox, { delivery: { ...DELIVERY, ...delivery } });
  const { encounterId } = await signedEncounter(core, mrn, 0);
  return { encounterId, record: ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId })) };
}
const deliveries = async (encounterId: string) => ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId }));

describe('enhanced-mode acknowledgments from node-hl7-server', () => {
  for (const [code, state] of [['CA', 'delivered'], ['CE', 'queued'], ['CR', 'failed']] as const) {
    it(`${code}: ${state}`, async () => {
      const receiver = await startMllpPeer({ kind: 'ack-with-reason', code, reason: `said ${code}` });
      peers.push(receiver);
      const { encounterId } = await exportedVia({ mllp: { host: '127.0.0.1', port: receiver.port, timeoutSeconds: 5 } }, `MRN-${code}`);
      await core.delivery.runDue();
      expect(await deliveries(encounterId)).toMatchObject([{ state, receiverSaid: `${code}: said ${code}` }]);
    });
  }
});

describe('reading an ACK', () => {
  it('takes MSA-3 and the ERR user message as the reason; refuses what is not an ACK', () => {
    expect(parseAck('MSH|^~\\&|A|B|C|D|20261124||ACK|1|P|2.5.1\rMSA|AE|X1|Bad PID\rERR||PID^1^3|101^Required field missing^HL70357|E||||PID-3 is empty'))
      .toEqual({ code: 'AE', controlId: 'X1', reason: 'Bad PID; PID-3 is empty' });
    expect(parseAck('MSH|^~\\&|A|B|C|D|20261124||ACK|1|P|2.5.1\nMSA|AA|X2')).toEqual({ code: 'AA', controlId: 'X2', reason: '' });
    expect(() => parseAck('HTTP/1.1 400 Bad Request')).toThrow('no MSH segment');
    expect(() => parseAck('MSH|^~\\&|A|B|C|D|20261124||ACK|1|P|2.5.1')).toThrow('no MSA segment');
    expect(() => parseAck('MSH|^~\\&|A|B|C|D|20261124||ACK|1|P|2.5.1\rMSA|OK|X3')).toThrow('not an acknowledgment code');
  });
});

describe('the drop folder', () => {
  it('gets the HL7 message once, under a name that sorts in export order; an earlier cut-short write counts, another file is left alone', async () => {
    const { encounterId, record } = await exportedVia({ folder: drop }, 'MRN-DROP');
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ channel: 'folder', state: 'delivered', attempts: 1 }]);
    const [name] = fs.readdirSync(drop);
    expect(name).toBe(`20261124T153000-000Z_${record.documentId}.hl7`);
    const hl7 = fs.readFileSync(path.join(outbox, record.files.find((f) => f.format === 'hl7')!.file), 'utf8');
    expect(fs.readFileSync(path.join(drop, name!), 'utf8')).toBe(hl7);
    expect((fs.statSync(path.join(drop, name!)).mode & 0o777).toString(8)).toMatch(/^6/);
    expect(await core.delivery.runDue()).toBe(0);

    const item = { id: '00000000-0000-4000-8000-0000000000aa', payload: hl7.replace(/\r$/, ''), fileName: name! } as QueuedDelivery;
    expect(await folderChannel(drop).send(item)).toEqual({ result: 'delivered', said: `already in ${drop}` });
    expect(await folderChannel(drop).send({ ...item, payload: 'MSH|something else' })).toMatchObject({ result: 'refused', retry: false });
    expect(fs.readFileSync(path.join(drop, name!), 'utf8')).toBe(hl7);
  });
});

describe('delivery settings', () => {
  it('are refused when wrong, and nothing changes', async () => {
    // Both signed in first (accounts and sessions are made on first use), so only the refusals could change anything.
    ok(await core.act('settings.get', { actor: ADMIN }));
    ok(await core.act('settings.get', { actor: NURSE }));
    const before = tableCounts(core);
    const bad = [
      { ...DELIVERY, mllp: { host: '127.0.0.1', port: 0, timeoutSeconds: 5 } },
      { ...DELIVERY, mllp: { host: 'engine; rm -rf', port: 2575, timeoutSeconds: 5 } },
      { ...DELIVERY, mllp: { host: 'engine', port: 2575, timeoutSeconds: 0 } },
      { ...DELIVERY, retryBaseSeconds: 600, retryCapSeconds: 30 },
      { ...DELIVERY, folder: 'relative/drop' },
      { ...DELIVERY, folder: path.join(drop, 'missing') },
      { ...DELIVERY, fhir: { base: 'https://ehr' } },
    ];
    for (const delivery of bad) {
      expect(await core.act('settings.update', { actor: ADMIN, delivery }), JSON.stringify(delivery)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await core.act('settings.update', { actor: NURSE, delivery: DELIVERY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { audit_log: _a, audit_head: _h, ...counts } = tableCounts(core);
    const { audit_log: _b, audit_head: _g, ...countsBefore } = before;
    // The refusals may be audited; nothing else is written.
    expect(counts).toEqual(countsBefore);
    expect(ok<{ delivery: object }>(await core.act('settings.get', { actor: ADMIN })).delivery).toEqual(DEFAULT_DELIVERY_SETTINGS);
  });
});
