// Delivery under SIGKILL (issue 19, point 5): the worker is killed with the attempt
// recorded but nothing sent, with the message at the receiver but no ACK back, and
// with the ACK read but not recorded. Each time the app starts again, the document is
// still queued (nothing lost), is sent again with the same MSH-10 and TXA-12, and ends
// acknowledged; the receiver holds it at most twice. The guarantee is at-least-once,
// with the receiver dropping repeats by MSH-10 / TXA-12 (db/delivery/worker.ts).
import fs from 'node:fs';
import { Hl7Message } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { OutboxExport } from '#shared/contract/note';
import { messageControlIdOf } from '#shared/interop/document-number';
import { openCore } from '../core';
import { bundleScript } from '../testing/crash-harness';
import { deliveryKilledAt } from '../testing/delivery-kill-child';
import { startMllpPeer, type MllpPeer } from '../testing/mllp-peer';
import { signedEncounter } from '../testing/signed-encounter';
import { NURSE, ok, openTempCore, setChartOutbox, tempDir, TEST_PASSWORD_COST, withAct } from '../testing/temp-core';

let dataDir: string;
let outbox: string;
let writer: string;
let receiver: MllpPeer;

beforeAll(async () => {
  dataDir = tempDir('proceduredesk-delivery-kill-');
  outbox = tempDir('proceduredesk-delivery-kill-outbox-');
  writer = await bundleScript('delivery-writer');
  receiver = await startMllpPeer({ kind: 'ack', code: 'AA' });
  const core = openTempCore({ dataDir });
  try {
    await setChartOutbox(core, outbox, { delivery: { folder: null, mllp: { host: '127.0.0.1', port: receiver.port, timeoutSeconds: 5 }, retryBaseSeconds: 30, retryCapSeconds: 600 } });
  } finally {
    core.close();
  }
}, 60_000);
afterAll(async () => {
  await receiver.close();
  for (const dir of [dataDir, outbox]) fs.rmSync(dir, { recursive: true, force: true });
});

const open = () => withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));
const controlIdOf = (hl7: string) => Hl7Message.parse(hl7).getSegment('MSH')!.getField(10).toString();

/** Runs the worker in a child until it stops at the point (or the receiver has the message), then kills it. */
function deliverKilledAt(stopAt: 'send' | 'ack' | 'none', killWhenReceived: boolean): Promise<string> {
  const before = receiver.received.length;
  return deliveryKilledAt(writer, dataDir, stopAt, killWhenReceived ? { arrived: () => receiver.received.length > before, label: 'received' } : null);
}

describe('delivery under SIGKILL', () => {
  it('loses nothing and sends at most once more, wherever the worker is killed', async () => {
    const cases = [
      { stopAt: 'send', killWhenReceived: false, copies: 1 },
      { stopAt: 'none', killWhenReceived: true, copies: 2 },
      { stopAt: 'ack', killWhenReceived: false, copies: 2 },
    ] as const;
    for (const [i, c] of cases.entries()) {
      // A new exported note for each case, queued for MLLP with its export.
      let record: OutboxExport;
      {
        const core = openTempCore({ dataDir });
        try {
          const { encounterId } = await signedEncounter(core, `MRN-KILL-${i}`, 0);
          record = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
        } finally {
          core.close();
        }
      }
      const controlId = messageControlIdOf(record.documentId);
      // Killed once the receiver has the message: it holds its ACK back, so the kill surely comes first.
      receiver.answer = c.killWhenReceived ? { kind: 'silent' } : { kind: 'ack', code: 'AA' };
      const killedAt = await deliverKilledAt(c.stopAt, c.killWhenReceived);
      receiver.answer = { kind: 'ack', code: 'AA' };
      expect(killedAt).toBe(c.killWhenReceived ? 'received' : c.stopAt);

      // The app starts again: the delivery is still there, cut short mid-attempt.
      const core = open();
      try {
        const [before] = ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId: record.encounterId }));
        expect(before, `killed at ${killedAt}`).toMatchObject({ documentId: record.documentId, state: 'sending', attempts: 1 });
        await core.delivery.runDue();
        const [after] = ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId: record.encounterId }));
        expect(after, `killed at ${killedAt}`).toMatchObject({ state: 'acknowledged', attempts: 2, receiverSaid: 'AA' });
      } finally {
        core.close();
      }
      const copies = receiver.received.filter((m) => controlIdOf(m) === controlId);
      expect(copies, `killed at ${killedAt}`).toHaveLength(c.copies);
      expect(new Set(copies).size, 'a repeat is the same message').toBe(1);
    }
  }, 120_000);
});
