// Issue 19 through the real core: an export is refused, naming what to set, until the receiver's MRN
// system and the clinic's Organization are set and while the signing physician has no NPI or local id;
// nothing is written or recorded then. Once set, the files on disk carry the identifiers. A file that
// stored its interop settings before issue 19 keeps them (including a stored MRN system).
import fs from 'node:fs';
import path from 'node:path';
import { Hl7Message } from '@medplum/core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { OutboxExport } from '#shared/contract/note';
import type { Patient } from '#shared/contract/patient';
import type { Settings } from '#shared/contract/settings';
import type { FhirBundle } from '#shared/interop/fhir-resources';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tempDir, TEST_PASSWORD, type TempCore } from '../testing/temp-core';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { TEST_INTEROP, TEST_NPI } from '../testing/chart-identity';

let core: TempCore;
let outbox: string;
beforeAll(() => void fhirTerminology());
beforeEach(() => {
  core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
  outbox = tempDir('proceduredesk-outbox-');
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(outbox, { recursive: true, force: true });
});

async function signedEncounter(): Promise<Encounter> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'MRN-0001' }));
  const e = ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain, 8 weeks.', visitNumber: 'V-88120', location: 'PAIN-PROC-2',
  }));
  ok(await core.act('consent.save', {
    actor: PHYSICIAN, encounterId: e.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [],
    interpreter: { used: false }, decision: 'consents',
  }));
  ok(await core.act('note.sign', { actor: PHYSICIAN, encounterId: e.id, password: TEST_PASSWORD, attestation: 'I held this discussion.' }));
  return e;
}

const exportsRecorded = () => core.db.prepare('SELECT count(*) FROM outbox_exports').pluck().get();
const refusal = async (encounterId: string) => {
  const answer = await core.act('note.exportToOutbox', { actor: PHYSICIAN, encounterId });
  if (answer.ok) throw new Error('the export was not refused');
  expect(fs.readdirSync(outbox)).toEqual([]);
  expect(exportsRecorded()).toBe(0);
  return answer.error;
};

describe('export identity (issue 19)', () => {
  it('a fresh install has no MRN system: the export is refused naming the setting, nothing written', async () => {
    expect(ok<Settings>(await core.act('settings.get', { actor: ADMIN })).interop).toMatchObject({ mrnSystem: null, organization: null });
    const e = await signedEncounter();
    ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox }));
    expect(await refusal(e.id)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining("'MRN system'") });
  });

  it('no Organization: refused naming it; then a signer with no NPI or local id: refused naming the signer and the account', async () => {
    const e = await signedEncounter();
    ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, interop: { ...TEST_INTEROP, organization: null } }));
    expect((await refusal(e.id)).message).toMatch(/Organization .*not set/);
    ok(await core.act('settings.update', { actor: ADMIN, interop: TEST_INTEROP }));
    const physicianId = core.db.prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(PHYSICIAN.name) as string;
    ok(await core.act('users.setProvider', { actor: ADMIN, userId: physicianId, provider: null }));
    expect((await refusal(e.id)).message).toMatch(new RegExp(`${PHYSICIAN.name}, who signed this note, has no NPI or local provider id`));
    // A local id alone needs its system to be sent.
    ok(await core.act('users.setProvider', { actor: ADMIN, userId: physicianId, provider: { npi: null, localId: 'PD-7', familyName: 'Physician', givenName: 'Pat' } }));
    ok(await core.act('settings.update', { actor: ADMIN, interop: { ...TEST_INTEROP, providerIdSystem: null } }));
    expect((await refusal(e.id)).message).toMatch(/Local provider id system/);
    ok(await core.act('settings.update', { actor: ADMIN, interop: TEST_INTEROP }));
    ok(await core.act('note.exportToOutbox', { actor: PHYSICIAN, encounterId: e.id }));
  });

  it('set up, the files carry the Practitioner, Organization, MRN system and visit; the HL7 names the signer by NPI', async () => {
    const e = await signedEncounter();
    ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, interop: TEST_INTEROP }));
    const record = ok<OutboxExport>(await core.act('note.exportToOutbox', { actor: PHYSICIAN, encounterId: e.id }));
    const file = (format: string) => fs.readFileSync(path.join(outbox, record.files.find((f) => f.format === format)!.file), 'utf8');
    const bundle = JSON.parse(file('fhir')) as FhirBundle;
    expectValidBundle(bundle);
    const types = bundle.entry.map((x) => x.resource.resourceType);
    expect(types.slice(0, 2)).toEqual(['Organization', 'Practitioner']);
    expect(JSON.stringify(bundle)).toContain(`"system":"http://hl7.org/fhir/sid/us-npi","value":"${TEST_NPI}"`);
    expect(JSON.stringify(bundle)).toContain(`identifier=${encodeURIComponent(`${TEST_INTEROP.mrnSystem}|MRN-0001`)}`);
    expect(JSON.stringify(bundle)).toContain(`Encounter?identifier=${encodeURIComponent(`${TEST_INTEROP.visitNumberSystem}|V-88120`)}`);
    const hl7 = Hl7Message.parse(file('hl7').replace(/\r?\n/g, '\r').trim());
    expect(hl7.getSegment('TXA')!.getComponent(10, 1)).toBe(TEST_NPI);
    expect(hl7.getSegment('TXA')!.getComponent(10, 13)).toBe('NPI');
    expect(hl7.getSegment('PID')!.getComponent(3, 4, 1)).toBe('2.16.840.1.113883.19.5');
    expect([hl7.getSegment('PV1')!.getComponent(3, 1), hl7.getSegment('PV1')!.getComponent(19, 1)]).toEqual(['PAIN-PROC-2', 'V-88120']);
  });

  it('interop settings stored before issue 19 are kept, the stored MRN system included; the new keys read as unset', async () => {
    const stored = { ...TEST_INTEROP, mrnSystem: 'urn:proceduredesk:mrn', sendingFacility: 'OLD-FACILITY' } as Record<string, unknown>;
    for (const key of ['organization', 'providerIdSystem', 'visitNumberSystem']) delete stored[key];
    core.db.prepare("INSERT INTO settings (key, value_json, updated_at, updated_by_name) VALUES ('interop', ?, 'then', 'Ada Admin')").run(JSON.stringify(stored));
    const { interop } = ok<Settings>(await core.act('settings.get', { actor: ADMIN }));
    expect(interop).toMatchObject({ mrnSystem: 'urn:proceduredesk:mrn', sendingFacility: 'OLD-FACILITY', organization: null, providerIdSystem: null, visitNumberSystem: null });
  });

  it('a visit number that is not one, or a bad system, is refused by field with nothing written', async () => {
    const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'MRN-0002' }));
    const bad = await core.act('encounter.create', {
      actor: NURSE, patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
      plannedDate: '2026-11-24', indication: 'x', visitNumber: 'V 88|120',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.db.prepare('SELECT count(*) FROM encounters').pluck().get()).toBe(0);
    const badSystem = await core.act('settings.update', { actor: ADMIN, interop: { ...TEST_INTEROP, mrnSystem: 'MRN' } });
    expect(badSystem).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok<Settings>(await core.act('settings.get', { actor: ADMIN })).interop.mrnSystem).toBeNull();
  });
});
