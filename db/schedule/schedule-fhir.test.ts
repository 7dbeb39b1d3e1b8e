/**
 * The day's schedule pulled from a FHIR R4 server (issue 19, points 6 and 9): Medplum's FhirRouter with its
 * in-memory repository, a server that is not ours, served over HTTP by the test and seeded over HTTP.
 * With FHIR_SCHEDULE_BASE_URL set, the pull tests run against that server instead (HAPI FHIR, an EHR
 * sandbox: docs/interop-schedule.md); the tests that need a misbehaving server run only against the local one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment as FhirAppointment, Location, Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Appointment } from '#shared/contract/schedule';
import { TEST_INTEROP } from '../testing/chart-identity';
import { createOver, startFhirPeer, type FhirPeer } from '../testing/fhir-schedule-peer';
import { ADMIN, NURSE, ok, openTempCore, tableCounts, type TempCore } from '../testing/temp-core';

const EXTERNAL = process.env.FHIR_SCHEDULE_BASE_URL ?? null;
const MRN = TEST_INTEROP.mrnSystem!;
const VISIT = TEST_INTEROP.visitNumberSystem!;
const DAY = '2026-12-07';
// A run of its own on a shared server: identifiers no other run has.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

let core: TempCore;
let peer: FhirPeer | null;
let base: string;
let room: Location;

const create = <T extends FhirPatient | FhirAppointment | Location>(r: T) => createOver(base, r);
const patient = (mrn: string | null, family: string) => create<FhirPatient>({
  resourceType: 'Patient', name: [{ family, given: ['Ana'] }], birthDate: '1980-04-12', gender: 'female',
  identifier: [{ system: 'urn:oid:2.16.840.1.113883.4.1', value: `999-${RUN}` }, ...(mrn ? [{ system: MRN, value: mrn }] : [])],
});
const appointment = (p: FhirPatient, where: Location, start: string, extra: Partial<FhirAppointment> = {}) => create<FhirAppointment>({
  resourceType: 'Appointment', status: 'booked', start, end: start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
  participant: [{ actor: { reference: `Patient/${p.id}` }, status: 'accepted' }, { actor: { reference: `Location/${where.id}`, display: where.name }, status: 'accepted' }],
  ...extra,
});

beforeEach(async () => {
  peer = EXTERNAL ? null : await startFhirPeer();
  base = EXTERNAL ?? peer!.baseUrl;
  core = openTempCore();
  room = await create<Location>({ resourceType: 'Location', name: `Pain suite 2 ${RUN}` });
  ok(await core.as(ADMIN)('settings.update', {
    interop: TEST_INTEROP,
    timeZone: 'America/New_York',
    schedule: { fhir: { baseUrl: base, location: `Location/${room.id}`, auth: { kind: 'none' }, timeoutSeconds: 5 }, hl7Inbox: null, mllp: null, maxMessageBytes: 200_000 },
  }));
});
afterEach(async () => {
  core.cleanup();
  await peer?.close();
});

const pull = () => core.as(NURSE)('schedule.pull', { date: DAY });
const list = async () => ok<Appointment[]>(await core.as(NURSE)('schedule.list', { date: DAY }));

describe('pulling the day from a FHIR server', () => {
  it("imports the location's appointments with their patients matched by MRN, refuses one without an MRN, and a second pull adds nothing", async () => {
    const byHand = ok<{ id: string }>(await core.as(NURSE)('patient.create', { mrn: `M${RUN}B`, familyName: 'Okafor', givenName: 'Ada', birthDate: '1990-01-01', sex: 'female' }));
    const ana = await patient(`M${RUN}A`, 'García');
    const ada = await patient(`M${RUN}B`, 'Okafor');
    const nameless = await patient(null, 'García');
    const elsewhere = await create<Location>({ resourceType: 'Location', name: `Main OR ${RUN}` });
    const first = await appointment(ana, room, '2026-12-07T13:30:00Z', {
      identifier: [{ system: VISIT, value: `V${RUN}` }], serviceType: [{ text: 'Lumbar medial branch block, bilateral L3-L5' }],
    });
    await appointment(ada, room, '2026-12-07T15:00:00-05:00');
    const refused = await appointment(nameless, room, '2026-12-07T16:00:00Z');
    await appointment(ana, elsewhere, '2026-12-07T17:00:00Z');

    expect(ok(await pull())).toEqual({
      imported: 2,
      refused: [{ messageId: `Appointment/${refused.id}`, reason: expect.stringContaining(`Patient has no identifier in ${MRN}; a patient is matched by MRN only, never by name`) }],
    });
    const day = await list();
    expect(day).toMatchObject([
      { source: 'fhir', sourceId: first.id, time: '08:30', location: room.name, visitNumber: `V${RUN}`, procedureText: 'Lumbar medial branch block, bilateral L3-L5', patient: { mrn: `M${RUN}A`, familyName: 'García' } },
      { time: '15:00', visitNumber: null, patient: { id: byHand.id, familyName: 'Okafor' } },
    ]);
    const counts = tableCounts(core);
    expect(ok(await pull())).toMatchObject({ imported: 2 });
    expect(tableCounts(core)).toMatchObject({ patients: counts.patients, appointments: counts.appointments });
    expect(await list()).toEqual(day);
  });
});

describe.skipIf(EXTERNAL)('bearer authentication', () => {
  const bearer = async (tokenFile: string) => ok(await core.as(ADMIN)('settings.update', {
    schedule: { fhir: { baseUrl: base, location: `Location/${room.id}`, auth: { kind: 'bearer', tokenFile }, timeoutSeconds: 5 }, hl7Inbox: null, mllp: null, maxMessageBytes: 200_000 },
  }));

  it('sends the token read from its file, which settings.get never shows; an unreadable file refuses the pull', async () => {
    const tokenFile = path.join(core.dataDir, 'fhir-token');
    fs.writeFileSync(tokenFile, 'secret-token-123\n', { mode: 0o600 });
    await bearer(tokenFile);
    ok(await pull());
    expect(peer!.authorizations.at(-1)).toBe('Bearer secret-token-123');
    expect(JSON.stringify(ok(await core.as(ADMIN)('settings.get', {})))).not.toContain('secret-token-123');
    await bearer(path.join(core.dataDir, 'no-such-token'));
    expect(await pull()).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('the bearer token file cannot be read (ENOENT)') } });
  });
});

describe.skipIf(EXTERNAL)('a FHIR server that answers badly', () => {
  const answer = (status: number, body: string) => (peer!.override = { path: /\/Appointment$/, status, body });
  const refusedWithNothingImported = async (reason: RegExp) => {
    await list(); // signs the nurse in first: an account made on first use is not the pull's doing
    const before = tableCounts(core);
    expect(await pull()).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(reason) } });
    const after = tableCounts(core);
    expect({ ...after, audit_log: 0, schedule_inbound_log: 0 }).toEqual({ ...before, audit_log: 0, schedule_inbound_log: 0 });
    // Logged and audited with the reason.
    expect(after.schedule_inbound_log).toBe(before.schedule_inbound_log! + 1);
    expect(core.db.prepare("SELECT target FROM audit_log WHERE action = 'schedule.refused' ORDER BY seq DESC").pluck().get()).toMatch(reason);
  };

  it('refuses an answer that is not a searchset Bundle', () => {
    answer(200, '{"resourceType":"Patient","id":"p1"}');
    return refusedWithNothingImported(/not a FHIR searchset Bundle \(resourceType/);
  });
  it.each([
    ['a server error', 500, '{"resourceType":"OperationOutcome"}', /answered 500/],
    ['an answer over the size cap', 200, `{"resourceType":"Bundle","type":"searchset","entry":[],"x":"${'x'.repeat(200_000)}"}`, /the limit is 200000/],
    ['an answer that is not UTF-8 JSON', 200, '{"resourceType": "Bundle",', /not UTF-8 JSON/],
  ])('refuses %s', (_what, status, body, reason) => {
    answer(status, body);
    return refusedWithNothingImported(reason);
  });
  it('says so when the server cannot be reached', async () => {
    await peer!.close();
    peer = null;
    await refusedWithNothingImported(/could not be reached/);
  });

  it('refuses an Appointment with a date that does not exist or no start, alone, and imports the rest', async () => {
    const ana = await patient(`M${RUN}A`, 'García');
    const good = await appointment(ana, room, '2026-12-07T13:30:00Z');
    const bundle = JSON.parse(await (await fetch(`${base}/Appointment?date=${DAY}&_include=Appointment:patient`)).text()) as { entry: { resource: Record<string, unknown> }[] };
    const bad = { ...bundle.entry.find((e) => e.resource.id === good.id)!.resource, id: 'bad-date', start: '2026-02-30T08:30:00Z' };
    const noStart = { ...bad, id: 'no-start', start: undefined };
    answer(200, JSON.stringify({ ...bundle, entry: [...bundle.entry, { resource: bad }, { resource: noStart }] }));
    expect(ok(await pull())).toEqual({
      imported: 1,
      refused: [
        { messageId: 'Appointment/bad-date', reason: 'Appointment: start: is not a real date' },
        { messageId: 'Appointment/no-start', reason: 'Appointment/no-start: start is missing' },
      ],
    });
    expect(await list()).toHaveLength(1);
  });
});
