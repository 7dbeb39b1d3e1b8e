/**
 * FHIR R4 REST delivery of the note's Bundle. The server's CapabilityStatement ([base]/metadata,
 * read once per worker run) says whether it takes a `transaction` (rest.interaction, FHIR R4
 * capabilitystatement.html); if so the Bundle goes in one POST to [base], all-or-nothing, else
 * resource by resource (fhir-single-writes.ts). A transaction the server finds too large (Medplum
 * refuses more than 8 entries when any is conditional) goes resource by resource too: never lost.
 * Outcomes: 2xx acknowledged with the server's ids; 4xx failed with the OperationOutcome's words
 * (408 and 429 retried); 5xx, no answer, a timeout: retried with the queue's backoff.
 * At most one effect per document: before a transaction the DocumentReference is looked up by its
 * identifier; if the server has it, what may be missing is completed by idempotent single writes
 * (conditional creates and updates), so nothing is duplicated.
 */
import type { FhirDeliverySettings } from '#shared/contract/delivery-settings';
import type { DeliveryChannel, AttemptOutcome } from './channels';
import { FhirSetupError, FhirUnreachableError } from './fhir-auth';
import { fhirClient, outcomeWords, serverIdOf, type FhirAnswer, type FhirClient } from './fhir-client';
import { check, FhirRefusal, writeOneByOne, type TransactionEntry } from './fhir-single-writes';

/** Whether the server's CapabilityStatement lists the system-level transaction interaction. */
async function takesTransactions(client: FhirClient): Promise<boolean> {
  const answer = await client.request('GET', 'metadata');
  if (answer.status >= 500) throw new FhirUnreachableError(`GET metadata: HTTP ${answer.status}`);
  // No statement (some servers guard it): assume the least, single writes.
  if (answer.status !== 200 || answer.body?.resourceType !== 'CapabilityStatement') return false;
  const rest = Array.isArray(answer.body.rest) ? (answer.body.rest as { mode?: string; interaction?: { code?: string }[] }[]) : [];
  return rest.some((r) => r.mode === 'server' && (r.interaction ?? []).some((i) => i.code === 'transaction'));
}

/** A refusal that is about the transaction's size or kind, not its content: worth sending resource by resource. */
function transactionTooLarge(answer: FhirAnswer): boolean {
  if (answer.status === 413) return true;
  return answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429 && /too many|too large|strict isolation|more update operations|transactions? (are|is) not supported|too-costly/i.test(outcomeWords(answer));
}

function parseBundle(payload: string): TransactionEntry[] {
  const bundle = JSON.parse(payload) as { resourceType?: string; type?: string; entry?: TransactionEntry[] };
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction' || !Array.isArray(bundle.entry)) throw new FhirSetupError('the queued payload is not a FHIR transaction Bundle');
  return bundle.entry;
}

const isDocument = (e: TransactionEntry) => e.resource?.resourceType === 'DocumentReference' && e.request.method === 'POST' && !!e.request.ifNoneExist;

async function deliver(client: FhirClient, payload: string, transactions: () => Promise<boolean>): Promise<AttemptOutcome> {
  const entries = parseBundle(payload);
  const document = entries.find(isDocument);
  const single = async (why: string): Promise<AttemptOutcome> => {
    const { documentReference, alreadyThere } = await writeOneByOne(client, entries);
    const at = documentReference ? `${documentReference}${alreadyThere ? ' (already there; nothing duplicated)' : ''}` : 'written';
    return { result: 'acknowledged', said: `${why}: ${at}` };
  };

  if (document) {
    const existing = check(await client.request('GET', `DocumentReference?${document.request.ifNoneExist!}`), 'looking the document up');
    if (Array.isArray(existing.body?.entry) && existing.body.entry.length > 0) return single('the server already had this document, completed resource by resource');
  }
  if (!(await transactions())) return single('written resource by resource (the server takes no transaction)');

  const answer = await client.request('POST', '', { body: payload });
  if (transactionTooLarge(answer)) return single(`the transaction was refused as too large (${outcomeWords(answer)}); written resource by resource`);
  check(answer, 'the transaction');
  const responses = Array.isArray(answer.body?.entry) ? (answer.body.entry as { response?: { location?: string } }[]) : [];
  const location = document ? responses[entries.indexOf(document)]?.response?.location ?? null : null;
  const id = location ? serverIdOf({ status: 201, body: null, location }, 'DocumentReference') : null;
  return { result: 'acknowledged', said: `transaction accepted (HTTP ${answer.status})${id ? `: ${id}` : ''}` };
}

export function fhirChannel(settings: FhirDeliverySettings, fetchFor?: typeof fetch): DeliveryChannel {
  const client = fhirClient(settings, fetchFor);
  let capability: Promise<boolean> | null = null;
  const transactions = () => {
    capability ??= takesTransactions(client).catch((error: unknown) => {
      capability = null;
      throw error;
    });
    return capability;
  };
  return {
    name: 'fhir',
    async send(item) {
      try {
        return await deliver(client, item.payload, transactions);
      } catch (error) {
        if (error instanceof FhirUnreachableError) return { result: 'unreachable', said: error.message };
        if (error instanceof FhirSetupError) return { result: 'refused', said: error.message, retry: false };
        if (error instanceof FhirRefusal) return { result: 'refused', said: `${error.what}: ${outcomeWords(error.answer)}`, retry: false };
        throw error;
      }
    },
  };
}
