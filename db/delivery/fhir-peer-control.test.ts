// FHIR delivery where the test must control the server (Medplum's FHIR router over HTTP,
// db/testing/fhir-peer.ts): a transaction Medplum refuses as too large is written resource by
// resource; a server that is down keeps the note queued with the reason and takes it when up;
// a bearer token the server checks; SMART Backend Services with a JWT the token endpoint verifies.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentReference, Encounter, Patient } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import type { FhirAuth } from '#shared/contract/delivery-settings';
import { DEFAULT_ATTESTATION, type OutboxExport } from '#shared/contract/note';
import type { Patient as PatientRecord } from '#shared/contract/patient';
import { CHART_READY } from '../testing/chart-identity';
import { startFhirPeer, type FhirPeer, type FhirPeerOptions } from '../testing/fhir-peer';
import { signedEncounter } from '../testing/signed-encounter';
import { ADMIN, NURSE, ok, openTempCore, setChartOutbox, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import type { QueuedDelivery } from '../repositories/delivery-queue';
import { fhirChannel } from './fhir-channel';

const START = Date.parse('2026-11-24T15:30:00.000Z');
let core: TempCore;
let dir: string;
let clock: number;
let peer: FhirPeer;

beforeEach(() => {
  clock = START;
  core = openTempCore({ now: () => new Date(clock) });
  dir = tempDir('proceduredesk-fhir-control-');
});
afterEach(async () => {
  await core.delivery.stop();
  await peer.close();
  core.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(options: FhirPeerOptions, auth: FhirAuth = { kind: 'none' }) {
  peer = await startFhirPeer(options);
  await setChartOutbox(core, dir, {
    delivery: { folder: null, mllp: null, fhir: { base: peer.base, auth, timeoutSeconds: 5 }, retryBaseSeconds: 30, retryCapSeconds: 120 },
  });
}
async function exported(mrn: string): Promise<{ encounterId: string; record: OutboxExport }> {
  const { encounterId } = await signedEncounter(core, mrn, 0);
  return { encounterId, record: ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: NURSE, encounterId })) };
}
const deliveries = async (encounterId: string) => ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId }));
const count = async (type: string) => (await peer.repo.searchResources({ resourceType: type as 'Patient' })).length;
function secret(name: string, text: string, mode = 0o600): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
  return file;
}

describe('a transaction Medplum refuses as too large', () => {
  it('is written resource by resource with its references resolved, and says why', async () => {
    await serve({ transactions: true });
    const { record } = await exported('MRN-BIG');
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, record.files.find((f) => f.format === 'fhir')!.file), 'utf8')) as { entry: { request: { method: string } }[] };
    // A ninth conditional entry (a second clinician), as a note with a separate author and signer has.
    const coSigner = { system: 'http://hl7.org/fhir/sid/us-npi', value: '1245319599' };
    bundle.entry.splice(1, 0, {
      fullUrl: 'urn:uuid:5b7f3c1e-0d2a-4e8b-9c61-2f4a8d9e7b10',
      resource: { resourceType: 'Practitioner', identifier: [coSigner], name: [{ family: 'Second', given: ['Sam'] }] },
      request: { method: 'POST', url: 'Practitioner', ifNoneExist: `identifier=${encodeURIComponent(`${coSigner.system}|${coSigner.value}`)}` },
    } as never);
    expect(bundle.entry).toHaveLength(9);
    const item = { payload: JSON.stringify(bundle) } as QueuedDelivery;

    const outcome = await fhirChannel({ base: peer.base, auth: { kind: 'none' }, timeoutSeconds: 5 }).send(item);
    expect(outcome).toMatchObject({ result: 'acknowledged', said: expect.stringMatching(/refused as too large \(HTTP 400: .*too many entries.*\); written resource by resource: DocumentReference\//) });
    expect(peer.requests.filter((r) => r === 'POST /')).toHaveLength(1);
    const [doc] = await peer.repo.searchResources<DocumentReference>({ resourceType: 'DocumentReference' });
    const [patient] = await peer.repo.searchResources<Patient>({ resourceType: 'Patient' });
    expect(doc!.subject?.reference).toBe(`Patient/${patient!.id}`);
    // The Consent and Procedure it relates to, written after it, are put in by an update.
    expect(doc!.context?.related?.map((r) => r.reference?.split('/')[0])).toEqual(['Consent', 'Procedure']);
    expect(await count('Practitioner')).toBe(2);

    // Again (as after a crash before the outcome was recorded): nothing is added.
    expect(await fhirChannel({ base: peer.base, auth: { kind: 'none' }, timeoutSeconds: 5 }).send(item)).toMatchObject({ result: 'acknowledged', said: expect.stringContaining('already') });
    for (const type of ['DocumentReference', 'Patient', 'Practitioner', 'Organization', 'Consent', 'Procedure', 'QuestionnaireResponse', 'Provenance']) {
      expect(await count(type), type).toBe(type === 'Practitioner' ? 2 : 1);
    }
  });
});

describe('the visit, written resource by resource', () => {
  it('is the server\'s Encounter when it has one by the visit number, else a logical reference by identifier', async () => {
    await serve({ transactions: false });
    const visit = (value: string) => ({ system: CHART_READY.interop.visitNumberSystem!, value });
    const known = await peer.repo.createResource<Encounter>({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, identifier: [visit('V-KNOWN')] });
    for (const visitNumber of ['V-KNOWN', 'V-NEW']) {
      const patientId = ok<PatientRecord>(await core.as(NURSE)('patient.create', { ...PATIENT, mrn: `MRN-${visitNumber}` })).id;
      const encounterId = ok<{ id: string }>(await core.as(NURSE)('encounter.create', {
        patientId, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.', visitNumber,
      })).id;
      ok(await core.as(PHYSICIAN)('consent.save', { encounterId, benefitsDiscussed: true, benefitsNote: 'Relief.', alternativesDiscussed: true, alternativesNote: 'Physical therapy.', questions: [], interpreter: { used: false }, decision: 'consents' }));
      ok(await core.as(PHYSICIAN)('note.sign', { encounterId, password: TEST_PASSWORD, attestation: DEFAULT_ATTESTATION }));
      ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
    }
    await core.delivery.runDue();
    const docs = await peer.repo.searchResources<DocumentReference>({ resourceType: 'DocumentReference' });
    expect(docs.map((d) => d.context?.encounter?.[0]).sort((a, b) => String(a?.display).localeCompare(String(b?.display)))).toEqual([
      { reference: `Encounter/${known.id}`, display: 'Visit V-KNOWN' },
      { identifier: visit('V-NEW'), display: 'Visit V-NEW' },
    ]);
    expect(await count('Encounter')).toBe(1);
  });
});

describe('a server that is down, then up', () => {
  it('keeps the note queued with the reason, retries after the backoff, and delivers it once', async () => {
    await serve({ transactions: true });
    await peer.stop();
    const { encounterId } = await exported('MRN-DOWN');
    expect(await core.delivery.runDue()).toBe(1);
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'queued', attempts: 1, nextAttemptAt: '2026-11-24T15:30:30.000Z', receiverSaid: expect.stringContaining('ECONNREFUSED') }]);
    // Not before its time.
    expect(await core.delivery.runDue()).toBe(0);
    await peer.start();
    clock += 30_000;
    expect(await core.delivery.runDue()).toBe(1);
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2, receiverSaid: expect.stringContaining('transaction accepted') }]);
    expect(await count('DocumentReference')).toBe(1);
  });
});

describe('a server that answers 5xx, 408 or 429', () => {
  for (const status of [503, 500, 408, 429]) {
    it(`${status}: queued with the server's words, retried after the backoff, delivered once`, async () => {
      await serve({ transactions: true });
      peer.failNext = { status, count: 1 };
      const { encounterId } = await exported(`MRN-${status}`);
      await core.delivery.runDue();
      expect(await deliveries(encounterId)).toMatchObject([{ state: 'queued', attempts: 1, nextAttemptAt: '2026-11-24T15:30:30.000Z', receiverSaid: expect.stringContaining(`HTTP ${status}`) }]);
      clock += 30_000;
      await core.delivery.runDue();
      expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 2 }]);
      expect(await count('DocumentReference')).toBe(1);
    });
  }
});

describe('bearer token', () => {
  it('the server checks it: a wrong one fails with its words, a readable token file is refused, the right one delivers', async () => {
    const wrong = secret('wrong.token', 'not-the-token\n');
    await serve({ transactions: true, bearer: 's3cret-token' }, { kind: 'bearer', tokenFile: wrong });
    const { encounterId } = await exported('MRN-BEARER');
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'failed', receiverSaid: 'looking the document up: HTTP 401: a valid bearer token is required' }]);
    expect(await count('DocumentReference')).toBe(0);

    const open = secret('open.token', 's3cret-token\n', 0o644);
    ok(await core.act('settings.update', { actor: ADMIN, delivery: { folder: null, mllp: null, fhir: { base: peer.base, auth: { kind: 'bearer', tokenFile: open }, timeoutSeconds: 5 }, retryBaseSeconds: 30, retryCapSeconds: 120 } }));
    const [one] = await deliveries(encounterId);
    ok(await core.act('delivery.retry', { actor: NURSE, encounterId, deliveryId: one!.id }));
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'failed', receiverSaid: expect.stringMatching(/open\.token is readable by others \(mode 644\)/) }]);

    fs.chmodSync(open, 0o600);
    ok(await core.act('delivery.retry', { actor: NURSE, encounterId, deliveryId: one!.id }));
    await core.delivery.runDue();
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 3 }]);
    expect(await count('DocumentReference')).toBe(1);
  });
});

describe('SMART Backend Services', () => {
  for (const [algorithm, keys] of [
    ['ES384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['RS384', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
  ] as const) {
    it(`${algorithm}: the token endpoint verifies the signed assertion; the note goes with the token it issued`, async () => {
      const { privateKey, publicKey } = keys();
      const keyFile = secret('client.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      await serve({ transactions: true, smart: { clientId: 'proceduredesk-rpc', publicKey, algorithm } },
        { kind: 'smart', clientId: 'proceduredesk-rpc', privateKeyFile: keyFile, algorithm, keyId: 'k1', scope: 'system/DocumentReference.c system/Patient.cr' });
      const { encounterId } = await exported(`MRN-${algorithm}`);
      await core.delivery.runDue();
      expect(peer.tokenRefusals).toEqual([]);
      expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged' }]);
      expect(peer.requests.filter((r) => r === 'POST /auth/token')).toHaveLength(1);
      expect(await count('DocumentReference')).toBe(1);
    });
  }

  it('a key the server does not know: the token endpoint refuses, and the note fails with its words', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    const keyFile = secret('other.pem', other.export({ type: 'pkcs8', format: 'pem' }).toString());
    await serve({ transactions: true, smart: { clientId: 'proceduredesk-rpc', publicKey, algorithm: 'ES384' } },
      { kind: 'smart', clientId: 'proceduredesk-rpc', privateKeyFile: keyFile, algorithm: 'ES384', keyId: null, scope: 'system/*.cruds' });
    const { encounterId } = await exported('MRN-SMART-BAD');
    await core.delivery.runDue();
    expect(peer.tokenRefusals).toEqual(['the signature does not verify']);
    expect(await deliveries(encounterId)).toMatchObject([{ state: 'failed', receiverSaid: 'the token endpoint refused the client proceduredesk-rpc (HTTP 401, invalid_client: the signature does not verify)' }]);
    expect(await count('DocumentReference')).toBe(0);
  });
});

describe('a server that keeps only the last transactions (the delivery benchmark\'s peer)', () => {
  it('empties its store after every second transaction, once answered, and counts the time inside the router', async () => {
    await serve({ transactions: true, clearEvery: 2 });
    const sent = [await exported('MRN-KEEP-1'), await exported('MRN-KEEP-2'), await exported('MRN-KEEP-3')];
    expect(await core.delivery.runDue()).toBe(3);
    for (const { encounterId } of sent) expect(await deliveries(encounterId)).toMatchObject([{ state: 'acknowledged', attempts: 1, receiverSaid: expect.stringContaining('transaction accepted') }]);
    expect(peer.requests.filter((r) => r === 'POST /')).toHaveLength(3);
    // Emptied after the second: only the third note is stored.
    expect(peer.work.clears).toBe(1);
    const [patient] = await peer.repo.searchResources<Patient>({ resourceType: 'Patient' });
    expect(await count('DocumentReference')).toBe(1);
    expect(patient?.identifier?.some((i) => i.value === 'MRN-KEEP-3')).toBe(true);
    expect(await count('Patient')).toBe(1);
    expect(peer.work.routerMs).toBeGreaterThan(0);
  });
});
