// FHIR delivery under SIGKILL (issue 19, point 5): the worker (db/testing/delivery-writer.ts) is
// killed with the attempt recorded but nothing sent, and with the transaction committed at the
// server (Medplum's FHIR router, db/testing/fhir-peer.ts) but its answer never read. Each time the
// app starts again the document is still queued, goes again, and ends acknowledged; the server
// holds one DocumentReference and one Provenance for it: the repeat finds the document by its
// identifier and adds nothing (db/delivery/fhir-channel.ts).
import fs from 'node:fs';
import { Operator } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { OutboxExport } from '#shared/contract/note';
import { openCore } from '../core';
import { bundleScript } from '../testing/crash-harness';
import { deliveryKilledAt } from '../testing/delivery-kill-child';
import { startFhirPeer, type FhirPeer } from '../testing/fhir-peer';
import { signedEncounter } from '../testing/signed-encounter';
import { NURSE, ok, openTempCore, setChartOutbox, tempDir, TEST_PASSWORD_COST, withAct } from '../testing/temp-core';

let dataDir: string;
let outbox: string;
let writer: string;
let server: FhirPeer;

beforeAll(async () => {
  dataDir = tempDir('proceduredesk-fhir-kill-');
  outbox = tempDir('proceduredesk-fhir-kill-outbox-');
  writer = await bundleScript('delivery-writer');
  server = await startFhirPeer({ transactions: true });
  const core = openTempCore({ dataDir });
  try {
    await setChartOutbox(core, outbox, { delivery: { folder: null, mllp: null, fhir: { base: server.base, auth: { kind: 'none' }, timeoutSeconds: 5 }, retryBaseSeconds: 30, retryCapSeconds: 600 } });
  } finally {
    core.close();
  }
}, 60_000);
afterAll(async () => {
  await server.close();
  for (const dir of [dataDir, outbox]) fs.rmSync(dir, { recursive: true, force: true });
});

const open = () => withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));

/** Runs the worker in a child until it stops before sending, or until the server has committed the transaction; then kills it. */
function deliverKilledAt(stopAt: 'send' | 'none'): Promise<string> {
  const transactions = () => server.requests.filter((r) => r === 'POST /').length;
  const before = transactions();
  return deliveryKilledAt(writer, dataDir, stopAt, stopAt === 'none' ? { arrived: () => transactions() > before, label: 'committed' } : null);
}

describe('FHIR delivery under SIGKILL', () => {
  it('loses nothing and adds nothing at the server, wherever the worker is killed', async () => {
    for (const [i, stopAt] of (['send', 'none'] as const).entries()) {
      let record: OutboxExport;
      {
        const core = openTempCore({ dataDir });
        try {
          const { encounterId } = await signedEncounter(core, `MRN-FKILL-${i}`, 0);
          record = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
        } finally {
          core.close();
        }
      }
      // Committed, never answered: the kill surely comes before the child could record anything.
      server.silentAfterTransaction = stopAt === 'none';
      const killedAt = await deliverKilledAt(stopAt);
      server.silentAfterTransaction = false;
      expect(killedAt).toBe(stopAt === 'none' ? 'committed' : 'send');
      const documentQuery = { resourceType: 'DocumentReference' as const, filters: [{ code: 'identifier', operator: Operator.EQUALS, value: `urn:ietf:rfc:3986|urn:uuid:${record.documentId}` }] };
      expect((await server.repo.searchResources(documentQuery)).length, `killed at ${killedAt}`).toBe(stopAt === 'none' ? 1 : 0);

      const core = open();
      try {
        const [before] = ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId: record.encounterId }));
        expect(before, `killed at ${killedAt}`).toMatchObject({ documentId: record.documentId, channel: 'fhir', state: 'sending', attempts: 1 });
        await core.delivery.runDue();
        const [after] = ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId: record.encounterId }));
        expect(after, `killed at ${killedAt}`).toMatchObject({ state: 'acknowledged', attempts: 2, receiverSaid: stopAt === 'none' ? expect.stringContaining('already had this document') : expect.stringContaining('transaction accepted') });
      } finally {
        core.close();
      }
      const docs = await server.repo.searchResources(documentQuery);
      expect(docs, `killed at ${killedAt}`).toHaveLength(1);
      const provenance = await server.repo.searchResources({ resourceType: 'Provenance', filters: [{ code: 'target', operator: Operator.EQUALS, value: `DocumentReference/${docs[0]!.id}` }] });
      expect(provenance, `killed at ${killedAt}`).toHaveLength(1);
    }
  }, 120_000);
});
