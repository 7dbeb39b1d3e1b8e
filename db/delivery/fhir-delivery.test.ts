// Delivery over FHIR R4 REST to a server that is not ours: Medplum's FHIR router with its
// in-memory repository, served over HTTP by db/testing/fhir-peer.ts, once taking transactions
// and once taking only single-resource writes; and, when PROCEDUREDESK_FHIR_BASE is set, any
// FHIR server a clinic points it at (docs/fhir-delivery.md). The note arrives with its Patient
// (one per MRN however many notes), its DocumentReference once however often it is delivered,
// the server's refusal in its own words, and nothing lost while the server is down.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { FhirAuth, FhirDeliverySettings } from '#shared/contract/delivery-settings';
import type { Encounter } from '#shared/contract/encounter';
import { DEFAULT_ATTESTATION, type OutboxExport } from '#shared/contract/note';
import { TEST_INTEROP } from '../testing/chart-identity';
import { startFhirPeer, type FhirPeer, type FhirPeerOptions } from '../testing/fhir-peer';
import { signedEncounter } from '../testing/signed-encounter';
import { NURSE, ok, openTempCore, setChartOutbox, PHYSICIAN, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { fhirClient } from './fhir-client';

const START = Date.parse('2026-11-24T15:30:00.000Z');
let core: TempCore;
let outbox: string;
let clock: number;
let peer: FhirPeer | null;
const RUN = Math.random().toString(36).slice(2, 8);

beforeEach(() => {
  clock = START;
  peer = null;
  core = openTempCore({ now: () => new Date(clock) });
  outbox = tempDir('proceduredesk-fhir-outbox-');
});
afterEach(async () => {
  await core.delivery.stop();
  await peer?.close();
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

const useFhir = (fhir: FhirDeliverySettings) =>
  setChartOutbox(core, outbox, { delivery: { folder: null, mllp: null, fhir, retryBaseSeconds: 30, retryCapSeconds: 120 } });
async function exported(mrn: string): Promise<{ encounterId: string; record: OutboxExport }> {
  const { encounterId } = await signedEncounter(core, mrn, 0);
  return { encounterId, record: ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId })) };
}
/** A second encounter for a patient already registered, its note signed and exported. */
async function exportedAgainFor(patientId: string): Promise<{ encounterId: string; record: OutboxExport }> {
  const encounterId = ok<Encounter>(await core.as(NURSE)('encounter.create', {
    patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L5-S1'], laterality: 'right', plannedDate: '2026-11-24', indication: 'Right S1 radicular pain.',
  })).id;
  ok(await core.as(PHYSICIAN)('consent.save', { encounterId, benefitsDiscussed: true, benefitsNote: 'Relief for some months.', alternativesDiscussed: true, alternativesNote: 'Physical therapy.', questions: [], interpreter: { used: false }, decision: 'consents' }));
  ok(await core.as(PHYSICIAN)('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }));
  return { encounterId, record: ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId })) };
}
const deliveries = async (encounterId: string) => ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId }));

/** Reads the server over plain FHIR searches, so the same checks hold for any server. */
function reader(settings: FhirDeliverySettings) {
  const client = fhirClient(settings);
  return async (type: string, query: string): Promise<{ id: string; [k: string]: unknown }[]> => {
    const answer = await client.request('GET', `${type}?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return ((answer.body?.entry ?? []) as { resource: { id: string; resourceType: string } }[]).map((e) => e.resource).filter((r) => r.resourceType === type);
  };
}
const byIdentifier = (system: string, value: string) => `identifier=${encodeURIComponent(`${system}|${value}`)}`;
const documentQuery = (documentId: string) => byIdentifier('urn:ietf:rfc:3986', `urn:uuid:${documentId}`);

interface Target {
  name: string;
  skip: string | null;
  /** Starts the server (if it is ours) and says how to reach it. */
  open(): Promise<FhirDeliverySettings>;
}

const medplum = (options: FhirPeerOptions, auth: FhirAuth = { kind: 'none' }) => async (): Promise<FhirDeliverySettings> => {
  peer = await startFhirPeer(options);
  return { base: peer.base, auth, timeoutSeconds: 10 };
};

/** A clinic's own server: PROCEDUREDESK_FHIR_BASE, with a bearer token file or SMART client (docs/fhir-delivery.md). */
function externalAuth(env: NodeJS.ProcessEnv): FhirAuth {
  if (env.PROCEDUREDESK_FHIR_TOKEN_FILE) return { kind: 'bearer', tokenFile: env.PROCEDUREDESK_FHIR_TOKEN_FILE };
  if (env.PROCEDUREDESK_FHIR_SMART_CLIENT_ID && env.PROCEDUREDESK_FHIR_SMART_KEY_FILE) {
    return {
      kind: 'smart', clientId: env.PROCEDUREDESK_FHIR_SMART_CLIENT_ID, privateKeyFile: env.PROCEDUREDESK_FHIR_SMART_KEY_FILE,
      algorithm: env.PROCEDUREDESK_FHIR_SMART_ALG === 'RS384' ? 'RS384' : 'ES384', keyId: env.PROCEDUREDESK_FHIR_SMART_KID ?? null,
      scope: env.PROCEDUREDESK_FHIR_SMART_SCOPE ?? 'system/*.cruds',
    };
  }
  return { kind: 'none' };
}
const EXTERNAL = process.env.PROCEDUREDESK_FHIR_BASE;

const TARGETS: Target[] = [
  { name: 'Medplum fhir-router, transactions', skip: null, open: medplum({ transactions: true }) },
  { name: 'Medplum fhir-router, single-resource writes only', skip: null, open: medplum({ transactions: false }) },
  {
    name: `the FHIR server at PROCEDUREDESK_FHIR_BASE (${EXTERNAL ?? 'unset'})`,
    skip: EXTERNAL ? null : 'PROCEDUREDESK_FHIR_BASE is not set: no clinic FHIR server to test against (see docs/fhir-delivery.md)',
    open: () => Promise.resolve({ base: EXTERNAL!.replace(/\/+$/, ''), auth: externalAuth(process.env), timeoutSeconds: 30 }),
  },
];

for (const target of TARGETS) {
  describe.skipIf(target.skip !== null)(`FHIR delivery to ${target.name}${target.skip ? ` — skipped: ${target.skip}` : ''}`, () => {
    it('the note arrives with resolvable references; the same patient twice is one Patient', async () => {
      const settings = await target.open();
      await useFhir(settings);
      const read = reader(settings);
      const mrn = `MRN-F1-${RUN}`;
      const first = await exported(mrn);
      const patientId = core.db.prepare<[string], string>('SELECT patient_id FROM encounters WHERE id = ?').pluck().get(first.encounterId)!;
      const second = await exportedAgainFor(patientId);
      expect(await core.delivery.runDue()).toBe(2);
      for (const { encounterId } of [first, second]) {
        expect(await deliveries(encounterId)).toMatchObject([{ channel: 'fhir', state: 'acknowledged', attempts: 1, receiverSaid: expect.stringMatching(/DocumentReference\/|written/) }]);
      }
      const patients = await read('Patient', byIdentifier(TEST_INTEROP.mrnSystem!, mrn));
      expect(patients).toHaveLength(1);
      for (const { record } of [first, second]) {
        const [doc, ...more] = await read('DocumentReference', documentQuery(record.documentId));
        expect(more).toHaveLength(0);
        expect(doc).toMatchObject({ status: 'current', subject: { reference: `Patient/${patients[0]!.id}` } });
        const custodian = (doc as { custodian?: { reference?: string } }).custodian?.reference ?? '';
        expect(custodian).toMatch(/^Organization\/[^?]+$/);
        expect(await read('Provenance', `target=DocumentReference/${doc!.id}`)).toHaveLength(1);
      }
      expect(await read('Organization', byIdentifier(TEST_INTEROP.organization!.system, TEST_INTEROP.organization!.value))).toHaveLength(1);
    });

    it('a document delivered twice (the first attempt cut short before it was recorded) is there once', async () => {
      const settings = await target.open();
      await useFhir(settings);
      const read = reader(settings);
      const { encounterId, record } = await exported(`MRN-F2-${RUN}`);
      expect(await core.delivery.runDue()).toBe(1);
      // As after a kill -9 between the server's answer and its record: the row is 'sending' and goes again.
      core.db.prepare("UPDATE delivery_queue SET state = 'sending' WHERE document_id = ?").run(record.documentId);
      expect(await core.delivery.runDue()).toBe(1);
      expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2, receiverSaid: expect.stringContaining('already') }]);
      const docs = await read('DocumentReference', documentQuery(record.documentId));
      expect(docs).toHaveLength(1);
      expect(await read('Provenance', `target=DocumentReference/${docs[0]!.id}`)).toHaveLength(1);
    });

    it('an addendum: the new document arrives replacing the earlier, now superseded; the encounter\'s Consent and Procedure are updated in place', async () => {
      const settings = await target.open();
      await useFhir(settings);
      const read = reader(settings);
      const { encounterId, note } = await signedEncounter(core, `MRN-F3-${RUN}`, 0);
      const first = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
      await core.delivery.runDue();
      ok(await core.as(NURSE)('note.addAddendum', { noteId: note.id, reason: 'Correction', text: 'Level confirmed L4-L5.', password: TEST_PASSWORD }));
      clock += 60_000;
      const again = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
      await core.delivery.runDue();
      expect((await deliveries(encounterId)).map((d) => d.state)).toEqual(['acknowledged', 'acknowledged']);
      // The replacement Bundle's PATCH entry (shared/interop/fhir-supersede.ts), by transaction or written alone.
      const [earlier, ...moreEarlier] = await read('DocumentReference', documentQuery(first.documentId));
      expect(moreEarlier).toHaveLength(0);
      expect(earlier).toMatchObject({ status: 'superseded' });
      const [replacing, ...moreReplacing] = await read('DocumentReference', documentQuery(again.documentId));
      expect(moreReplacing).toHaveLength(0);
      expect(replacing).toMatchObject({ status: 'current', relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${earlier!.id}` } }] });
      const consents = await read('Consent', byIdentifier('urn:ietf:rfc:3986', `urn:proceduredesk:encounter:${encounterId}/consent`));
      expect(consents).toHaveLength(1);
      expect(await read('Procedure', byIdentifier('urn:ietf:rfc:3986', `urn:proceduredesk:encounter:${encounterId}/procedure`))).toHaveLength(1);
    });

    it('a refusal (two Consents already carry the encounter\'s identifier: the conditional update cannot choose) fails with the server\'s words, not retried', async () => {
      const settings = await target.open();
      await useFhir(settings);
      const { encounterId } = await exported(`MRN-F4-${RUN}`);
      const client = fhirClient(settings);
      for (let i = 0; i < 2; i++) {
        const made = await client.request('POST', 'Consent', { body: {
          resourceType: 'Consent', status: 'draft', scope: { text: 'treatment' }, category: [{ text: 'consent' }],
          identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:proceduredesk:encounter:${encounterId}/consent` }],
        } });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
      }
      await core.delivery.runDue();
      const [failed] = await deliveries(encounterId);
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, receiverSaid: expect.stringMatching(/HTTP 4\d\d: .{10,}/) });
      clock += 3_600_000;
      expect(await core.delivery.runDue()).toBe(0);
    });
  });
}
