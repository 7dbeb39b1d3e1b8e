/**
 * The delivery benchmark's receivers, in a process of their own (forked by bench/node/delivery.ts,
 * bundled as out/bench/delivery-peers.mjs), so the copies they keep of every message are not counted
 * as the sender's memory and they answer on the other core, as a receiver on another machine would.
 * The same peers the delivery tests start: node-hl7-server answering AA, and Medplum's FHIR router
 * over HTTP taking transactions, its store emptied after every N transactions (N the first argument;
 * see FhirPeerOptions.clearEvery). Over IPC: their addresses first, then on 'count' what each received.
 */
import { startFhirPeer } from '#db/testing/fhir-peer';
import { startMllpPeer } from '#db/testing/mllp-peer';

export interface PeerAddresses {
  mllpPort: number;
  fhirBase: string;
}

export interface PeerCounts {
  /** Messages node-hl7-server received (each answered AA). */
  mllpMessages: number;
  /** Every HTTP request the FHIR server answered, and the transactions (POST to the base) among them. */
  fhirRequests: number;
  fhirTransactions: number;
  /** Time inside Medplum's router, summed; how often and how long the store was emptied. */
  fhirRouterMs: number;
  fhirClears: number;
  fhirClearMs: number;
}

async function main(): Promise<void> {
  const mllp = await startMllpPeer({ kind: 'ack', code: 'AA' });
  const clearEvery = Number(process.argv[2]);
  if (!Number.isInteger(clearEvery) || clearEvery < 1) throw new Error(`the receivers' process needs how many FHIR transactions to keep (a whole number), not ${String(process.argv[2])}`);
  const fhir = await startFhirPeer({ transactions: true, clearEvery });
  const send = (message: unknown) => process.send!(message);
  process.on('message', (message) => {
    if (message === 'count') {
      send({
        mllpMessages: mllp.received.length, fhirRequests: fhir.requests.length, fhirTransactions: fhir.requests.filter((r) => r === 'POST /').length,
        fhirRouterMs: fhir.work.routerMs, fhirClears: fhir.work.clears, fhirClearMs: fhir.work.clearMs,
      } satisfies PeerCounts);
    }
    if (message === 'close') void Promise.all([mllp.close(), fhir.close()]).then(() => process.exit(0));
  });
  send({ mllpPort: mllp.port, fhirBase: fhir.base } satisfies PeerAddresses);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
