/**
 * The patient's preferred language from the EHR: HL7 PID-15 (received as a file or a frame would be) and
 * FHIR Patient.communication (pulled from Medplum's FhirRouter, a server that is not ours). It fills a new
 * patient's or a blank language, changes a recorded one only by an A08 (before and after kept), is never
 * wiped by a message that sends none, and a language not on the list is said, not guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment as FhirAppointment, Location, Patient as FhirPatient } from '@medplum/fhirtypes';
import type { Patient } from '#shared/contract/patient';
import { TEST_INTEROP } from '../testing/chart-identity';
import { createOver, startFhirPeer, type FhirPeer } from '../testing/fhir-schedule-peer';
import { ADMIN, NURSE, ok, openTempCore, type TempCore } from '../testing/temp-core';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
let core: TempCore;
beforeEach(() => { core = openTempCore(); });
afterEach(() => core.cleanup());

const languageOf = async (mrn: string) => ok<Patient[]>(await core.as(NURSE)('patient.search', { query: mrn }))[0]?.language;
const changes = () => (core.db.prepare('SELECT before_json, after_json, message_id FROM patient_demographic_changes ORDER BY seq').all() as Record<string, string>[])
  .map((c) => ({ before: JSON.parse(c.before_json!) as unknown, after: JSON.parse(c.after_json!) as unknown, messageId: c.message_id }));

describe('PID-15 from HL7 messages', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  /** The fixture with PID-15 set (PID-8 is the sex; PID-9 to PID-14 left empty) and its own control id. */
  const withLanguage = (name: string, language: string, id: string) =>
    fixture(name).replace(/(\rPID\|[^\r]*?\|\d{8}\|[FMOAUN])(?=\r|$)/, `$1|||||||${language}`).replace(/\|(S12|A04|A08)-0001\|/, `|${id}|`);
  const receive = (text: string) => core.schedule.receive(Buffer.from(text, 'utf8'), 'mllp');

  beforeEach(async () => {
    ok(await core.as(ADMIN)('settings.update', { interop: TEST_INTEROP, timeZone: 'America/New_York' }));
  });

  it('records a new patient\'s language, keeps it when a message sends none, and only an A08 changes it', async () => {
    expect(withLanguage('siu-s12.hl7', 'es^Spanish^ISO6391', 'X')).toContain('|F|||||||es^Spanish^ISO6391\r');
    expect(receive(withLanguage('siu-s12.hl7', 'es^Spanish^ISO6391', 'S12-1'))).toMatchObject({ code: 'AA', reason: 'new patient; appointment added' });
    expect(await languageOf('MRN-1001')).toBe('es');
    // The A08 fixture sends no PID-15: the language stays.
    expect(receive(fixture('adt-a08.hl7'))).toMatchObject({ code: 'AA', reason: 'demographics updated' });
    expect(await languageOf('MRN-1001')).toBe('es');
    // An appointment naming another language does not change the clinic's record; an A08 does, kept before and after.
    expect(receive(withLanguage('siu-s12.hl7', 'pt-BR', 'S12-2'))).toMatchObject({ code: 'AA', reason: expect.stringContaining("language differs from the clinic's record (an A08 updates it)") });
    expect(await languageOf('MRN-1001')).toBe('es');
    expect(receive(withLanguage('adt-a08.hl7', 'pt-BR^Portuguese (Brazil)', 'A08-2'))).toMatchObject({ code: 'AA', reason: 'language updated' });
    expect(await languageOf('MRN-1001')).toBe('pt');
    expect(changes().at(-1)).toEqual({ before: { language: 'es' }, after: { language: 'pt' }, messageId: 'A08-2' });
  });

  it('fills a blank language from any message, by the name when the code is not a tag; one not on the list is said, not recorded', async () => {
    ok(await core.as(NURSE)('patient.create', { mrn: 'MRN-1001', familyName: 'García', givenName: 'Ana', birthDate: '1980-04-12', sex: 'female' }));
    expect(receive(withLanguage('siu-s12.hl7', 'xq^Klingon', 'S12-1'))).toMatchObject({ code: 'AA', reason: 'language "xq (Klingon)" is not on the app\'s list: not recorded; appointment added' });
    expect(await languageOf('MRN-1001')).toBeNull();
    expect(receive(withLanguage('siu-s12.hl7', 'VIE^Vietnamese^ISO6392', 'S12-2'))).toMatchObject({ code: 'AA', reason: 'language recorded; appointment unchanged' });
    expect(await languageOf('MRN-1001')).toBe('vi');
    expect(changes()).toEqual([{ before: { language: null }, after: { language: 'vi' }, messageId: 'S12-2' }]);
  });
});

describe('Patient.communication from a FHIR server', () => {
  let peer: FhirPeer;
  let room: Location;
  beforeEach(async () => {
    peer = await startFhirPeer();
    room = await createOver<Location>(peer.baseUrl, { resourceType: 'Location', name: 'Pain suite 2' });
    ok(await core.as(ADMIN)('settings.update', {
      interop: TEST_INTEROP,
      timeZone: 'America/New_York',
      schedule: { fhir: { baseUrl: peer.baseUrl, location: `Location/${room.id}`, auth: { kind: 'none' }, timeoutSeconds: 5 }, hl7Inbox: null, mllp: null, maxMessageBytes: 200_000 },
    }));
  });
  afterEach(async () => { await peer.close(); });

  it('takes the preferred language of a new patient by its BCP 47 code', async () => {
    const patient = await createOver<FhirPatient>(peer.baseUrl, {
      resourceType: 'Patient', name: [{ family: 'Tran', given: ['Minh'] }], birthDate: '1962-03-01', gender: 'male',
      identifier: [{ system: TEST_INTEROP.mrnSystem!, value: 'MRN-2002' }],
      communication: [
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] } },
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'vi', display: 'Vietnamese' }] }, preferred: true },
      ],
    });
    await createOver<FhirAppointment>(peer.baseUrl, {
      resourceType: 'Appointment', status: 'booked', start: '2026-12-07T14:00:00Z', end: '2026-12-07T15:00:00Z',
      participant: [{ actor: { reference: `Patient/${patient.id}` }, status: 'accepted' }, { actor: { reference: `Location/${room.id}`, display: room.name }, status: 'accepted' }],
    });
    expect(ok(await core.as(NURSE)('schedule.pull', { date: '2026-12-07' }))).toMatchObject({ imported: 1, refused: [] });
    expect(await languageOf('MRN-2002')).toBe('vi');
  });
});
