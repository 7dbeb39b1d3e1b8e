// Delivery to a real MLLP receiver that is not ours (node-hl7-server, started here):
// AA acknowledges; AE fails with the receiver's words and is not retried; AR and a
// receiver that is down or slow are retried later with backoff and nothing is lost;
// the same document is queued and sent once. Every attempt is in the audit trail.
import fs from 'node:fs';
import path from 'node:path';
import { Hl7Message } from '@medplum/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { OutboxExport } from '#shared/contract/note';
import { documentNumberOf, messageControlIdOf } from '#shared/interop/document-number';
import { NURSE, ok, openTempCore, setChartOutbox, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { signedEncounter } from '../testing/signed-encounter';
import { freePort, startMllpPeer, type MllpPeer } from '../testing/mllp-peer';
import { createDeliveryQueueRepository } from '../repositories/delivery-queue';
import { createSettingsRepository } from '../repositories/settings';
import { enqueueDocument } from './enqueue';

let core: TempCore;
let outbox: string;
let clock: number;
let peers: MllpPeer[];
const START = Date.parse('2026-11-24T15:30:00.000Z');

beforeEach(() => {
  clock = START;
  peers = [];
  core = openTempCore({ now: () => new Date(clock) });
  outbox = tempDir('proceduredesk-delivery-outbox-');
});
afterEach(async () => {
  for (const p of peers) await p.close();
  await core.delivery.stop();
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

const peer = async (...args: Parameters<typeof startMllpPeer>) => {
  const p = await startMllpPeer(...args);
  peers.push(p);
  return p;
};
const useMllp = (port: number, timeoutSeconds = 5) =>
  setChartOutbox(core, outbox, { delivery: { folder: null, mllp: { host: '127.0.0.1', port, timeoutSeconds }, retryBaseSeconds: 30, retryCapSeconds: 120 } });

/** A signed note exported to the outbox (and so queued on the channels set up). */
async function exported(mrn: string): Promise<{ encounterId: string; record: OutboxExport }> {
  const { encounterId } = await signedEncounter(core, mrn, 0);
  const record = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
  return { encounterId, record };
}
const deliveries = async (encounterId: string) => ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId }));
const attempts = () => core.db.prepare("SELECT user_name, user_role, patient_id, target FROM audit_log WHERE action = 'delivery.attempt' ORDER BY seq").all() as { user_name: string; user_role: string; patient_id: string; target: string }[];
const controlIdOf = (hl7: string) => Hl7Message.parse(hl7).getSegment('MSH')!.getField(10).toString();
const txa12Of = (hl7: string) => Hl7Message.parse(hl7).getSegment('TXA')!.getComponent(12, 1);

describe('delivery over MLLP to node-hl7-server', () => {
  it('AA: the message arrives once and the note shows acknowledged; the attempt is audited as the system', async () => {
    const receiver = await peer({ kind: 'ack', code: 'AA' });
    await useMllp(receiver.port);
    const { encounterId, record } = await exported('MRN-AA');
    expect(await deliveries(encounterId)).toMatchObject([{ channel: 'mllp', state: 'queued', attempts: 0, documentId: record.documentId }]);

    expect(await core.delivery.runDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const sent = receiver.received[0]!;
    expect(controlIdOf(sent)).toBe(messageControlIdOf(record.documentId));
    expect(txa12Of(sent)).toBe(documentNumberOf(record.documentId));
    // The very message the outbox file holds.
    const file = fs.readFileSync(path.join(outbox, record.files.find((f) => f.format === 'hl7')!.file), 'utf8');
    expect(sent.replace(/\r$/, '')).toBe(file.replace(/\r$/, ''));

    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 1, receiverSaid: 'AA', nextAttemptAt: null }]);
    expect(attempts()).toEqual([{ user_name: 'ProcedureDesk', user_role: 'system', patient_id: expect.any(String), target: `encounter:${encounterId}/document:${record.documentId}/channel:mllp/attempt:1/acknowledged: AA` }]);
    // Nothing more to send, and an acknowledged one is never sent again.
    expect(await core.delivery.runDue()).toBe(0);
    const [only] = await deliveries(encounterId);
    expect(await core.act('delivery.retry', { actor: NURSE, encounterId, deliveryId: only!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(receiver.received).toHaveLength(1);
  });

  it("AE: failed with the receiver's words, not retried by itself; sent again only when someone asks", async () => {
    const receiver = await peer({ kind: 'ack-with-reason', code: 'AE', reason: 'Unknown patient MRN-AE' });
    await useMllp(receiver.port);
    const { encounterId } = await exported('MRN-AE');
    await core.delivery.runDue();
    const [failed] = await deliveries(encounterId);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, receiverSaid: 'AE: Unknown patient MRN-AE' });
    expect(attempts().at(-1)!.target).toContain('/failed: AE: Unknown patient MRN-AE');

    clock += 24 * 3600_000;
    expect(await core.delivery.runDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);

    // The site fixed the patient at the receiver; records staff send it again.
    receiver.answer = { kind: 'ack', code: 'AA' };
    expect(ok<Delivery>(await core.act('delivery.retry', { actor: NURSE, encounterId, deliveryId: failed!.id }))).toMatchObject({ state: 'queued' });
    await core.delivery.kick();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2 }]);
    expect(receiver.received.map(controlIdOf)).toEqual([controlIdOf(receiver.received[0]!), controlIdOf(receiver.received[0]!)]);
  });

  it("AE with no reason says that the receiver gave none", async () => {
    const receiver = await peer({ kind: 'ack', code: 'AE' });
    await useMllp(receiver.port);
    const { encounterId } = await exported('MRN-AE2');
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'failed', receiverSaid: 'AE (the receiver gave no reason)' }]);
  });

  it("a note exported while the worker runs goes out at once, not at the worker's next tick (an hour away here)", async () => {
    const receiver = await peer({ kind: 'ack', code: 'AA' });
    await useMllp(receiver.port);
    core.delivery.start(3_600_000);
    const { encounterId } = await exported('MRN-NOW');
    await vi.waitFor(async () => expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 1 }]), { timeout: 15_000 });
    expect(receiver.received).toHaveLength(1);
  });

  it('AR: kept queued and sent again after the backoff, unchanged', async () => {
    const receiver = await peer({ kind: 'ack-with-reason', code: 'AR', reason: 'Document store offline' });
    await useMllp(receiver.port);
    const { encounterId } = await exported('MRN-AR');
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'queued', attempts: 1, receiverSaid: 'AR: Document store offline', nextAttemptAt: '2026-11-24T15:30:30.000Z' }]);
    expect(await core.delivery.runDue()).toBe(0);
    receiver.answer = { kind: 'ack', code: 'AA' };
    clock += 30_000;
    expect(await core.delivery.runDue()).toBe(1);
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2 }]);
    expect(receiver.received[1]).toBe(receiver.received[0]);
  });

  it('a receiver that is down: retried with growing waits up to the cap, nothing lost, delivered once it is up', async () => {
    const port = await freePort();
    await useMllp(port);
    const { encounterId, record } = await exported('MRN-DOWN');
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect(await core.delivery.runDue()).toBe(1);
      const [d] = await deliveries(encounterId);
      expect(d).toMatchObject({ state: 'queued', attempts: i + 1, receiverSaid: expect.stringContaining('ECONNREFUSED') });
      waits.push(`${(Date.parse(d!.nextAttemptAt!) - clock) / 1000}`);
      expect(await core.delivery.runDue()).toBe(0);
      clock = Date.parse(d!.nextAttemptAt!);
    }
    // 30, 60, 120 s, then the cap (120 s).
    expect(waits).toEqual(['30', '60', '120', '120']);
    const receiver = await peer({ kind: 'ack', code: 'AA' }, port);
    expect(await core.delivery.runDue()).toBe(1);
    expect(receiver.received.map(controlIdOf)).toEqual([messageControlIdOf(record.documentId)]);
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 5 }]);
    expect(attempts().map((a) => a.target.split('/').slice(3, 5).join('/'))).toEqual(['attempt:1/queued: 127.0.0.1:' + port + ': ECONNREFUSED', 'attempt:2/queued: 127.0.0.1:' + port + ': ECONNREFUSED', 'attempt:3/queued: 127.0.0.1:' + port + ': ECONNREFUSED', 'attempt:4/queued: 127.0.0.1:' + port + ': ECONNREFUSED', 'attempt:5/acknowledged: AA']);
  });

  it('a slow receiver: timed out and sent again later with the same MSH-10, so the receiver can drop the repeat', async () => {
    const receiver = await peer({ kind: 'silent' });
    await useMllp(receiver.port, 1);
    const { encounterId } = await exported('MRN-SLOW');
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'queued', attempts: 1, receiverSaid: expect.stringContaining('no acknowledgment') }]);
    receiver.answer = { kind: 'ack', code: 'AA' };
    clock += 30_000;
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2 }]);
    expect(receiver.received).toHaveLength(2);
    expect(controlIdOf(receiver.received[1]!)).toBe(controlIdOf(receiver.received[0]!));
  });

  it('the same document twice: queued once (and says so), received once', async () => {
    const receiver = await peer({ kind: 'ack', code: 'AA' });
    await useMllp(receiver.port);
    const { encounterId, record } = await exported('MRN-ONCE');
    const [queued] = core.db.prepare('SELECT payload, patient_id FROM delivery_queue').all() as { payload: string; patient_id: string }[];
    const again = enqueueDocument(createDeliveryQueueRepository(core.db), createSettingsRepository(core.db).get(), {
      documentId: record.documentId, encounterId, patientId: queued!.patient_id, hl7: queued!.payload, messageControlId: controlIdOf(queued!.payload), fhirBundle: '{}', at: new Date(clock).toISOString(), byName: NURSE.name, unchangedFrom: null,
    }, () => crypto.randomUUID());
    expect(again).toEqual([{ channel: 'mllp', enqueued: false, note: `document ${record.documentId} is already queued on mllp; nothing was added` }]);
    await Promise.all([core.delivery.kick(), core.delivery.kick(), core.delivery.runDue()]);
    await core.delivery.runDue();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(encounterId)).toHaveLength(1);
  });

  it('an unchanged note sent to the outbox again is refused and queues nothing new; after an addendum the new document is queued and sent', async () => {
    const receiver = await peer({ kind: 'ack', code: 'AA' });
    await useMllp(receiver.port);
    const { encounterId, record } = await exported('MRN-AGAIN');
    const again = await core.act('note.exportToOutbox', { actor: NURSE, encounterId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Already sent unchanged') } });
    expect(await deliveries(encounterId)).toHaveLength(1);
    await core.delivery.runDue();
    expect(receiver.received.map(controlIdOf)).toEqual([messageControlIdOf(record.documentId)]);
    expect(await deliveries(encounterId)).toMatchObject([{ documentId: record.documentId, state: 'acknowledged' }]);

    const noteId = (core.db.prepare('SELECT id FROM signed_notes WHERE encounter_id = ?').pluck().get(encounterId) as string);
    ok(await core.act('note.addAddendum', { actor: NURSE, noteId, reason: 'Correction', text: 'The level was L4-L5.', password: TEST_PASSWORD }));
    const amended = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    await core.delivery.runDue();
    expect(receiver.received.map(controlIdOf)).toEqual([record.documentId, amended.documentId].map(messageControlIdOf));
    expect((await deliveries(encounterId)).map((d) => [d.documentId, d.state])).toEqual([[record.documentId, 'acknowledged'], [amended.documentId, 'acknowledged']]);
  });
});
