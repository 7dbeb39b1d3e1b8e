/**
 * The day's schedule over HL7 v2 (issue 19, points 6 and 9), against a real core on a real SQLite file:
 * real .hl7 files dropped in the inbox folder, and a real MLLP client that is not ours (node-hl7-client)
 * sending to the listener. Patients are matched by MRN and never duplicated; a re-import changes nothing;
 * an A08 updates demographics with the before and after kept; every malformed message is refused with its
 * reason, logged and audited, and nothing of it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, Message } from 'node-hl7-client';
import type { Appointment } from '#shared/contract/schedule';
import { TEST_INTEROP } from '../testing/chart-identity';
import { freePort } from '../testing/mllp-peer';
import { ADMIN, NURSE, ok, openTempCore, tableCounts, tempDir, type TempCore } from '../testing/temp-core';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const DAY = '2026-12-07';
let core: TempCore;
let inbox: string;

beforeEach(async () => {
  core = openTempCore();
  inbox = tempDir('proceduredesk-inbox-');
  ok(await core.as(ADMIN)('settings.update', {
    interop: TEST_INTEROP,
    timeZone: 'America/New_York',
    schedule: { fhir: null, hl7Inbox: inbox, mllp: null, maxMessageBytes: 4096 },
  }));
});
afterEach(() => {
  core.cleanup();
  fs.rmSync(inbox, { recursive: true, force: true });
});

const drop = (name: string, as = name) => fs.copyFileSync(path.join(FIXTURES, name), path.join(inbox, as));
const list = async () => ok<Appointment[]>(await core.as(NURSE)('schedule.list', { date: DAY }));
const count = (table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const auditActions = () => core.db.prepare("SELECT action, target FROM audit_log WHERE action LIKE 'schedule.%' ORDER BY seq").all() as { action: string; target: string }[];

describe('HL7 inbox folder', () => {
  it('imports an SIU^S12 as an appointment with its time, location, visit number and procedure, once', async () => {
    drop('siu-s12.hl7');
    expect(core.schedule.pollInbox()).toEqual([{ file: 'siu-s12.hl7', code: 'AA', reason: 'new patient; appointment added' }]);
    const [appointment, ...rest] = await list();
    expect(rest).toEqual([]);
    expect(appointment).toMatchObject({
      source: 'hl7', sourceId: 'APT-5001', date: DAY, time: '08:30', location: 'PAIN-2 Room 3', visitNumber: 'V123456',
      procedureText: 'Lumbar transforaminal epidural steroid injection, L4-5 left', status: 'booked', encounterId: null,
      patient: { mrn: 'MRN-1001', familyName: 'García', givenName: 'Ana', birthDate: '1980-04-12', sex: 'female' },
    });
    expect(fs.existsSync(path.join(inbox, 'done', 'siu-s12.hl7'))).toBe(true);

    // The engine sends it again: nothing new, and it says so.
    drop('siu-s12.hl7');
    expect(core.schedule.pollInbox()).toEqual([{ file: 'siu-s12.hl7', code: 'AA', reason: 'appointment unchanged' }]);
    expect(await list()).toHaveLength(1);
    expect(count('patients')).toBe(1);
    expect(fs.existsSync(path.join(inbox, 'done', 'siu-s12.hl7.1'))).toBe(true);
  });

  it('matches a patient registered by hand by MRN, and only an A08 changes their demographics (kept before and after)', async () => {
    const byHand = ok<{ id: string }>(await core.as(NURSE)('patient.create', { mrn: 'MRN-1001', familyName: 'Garcia', givenName: 'Ana', birthDate: '1980-04-12', sex: 'female' }));
    drop('siu-s12.hl7');
    expect(core.schedule.pollInbox()[0]).toMatchObject({ code: 'AA', reason: expect.stringContaining("demographics differ from the clinic's record") });
    expect((await list())[0]!.patient).toMatchObject({ id: byHand.id, familyName: 'Garcia' });

    drop('adt-a08.hl7');
    expect(core.schedule.pollInbox()[0]).toMatchObject({ code: 'AA', reason: 'demographics updated' });
    expect(count('patients')).toBe(1);
    expect((await list())[0]!.patient).toMatchObject({ id: byHand.id, familyName: 'García-López' });
    const change = core.db.prepare('SELECT before_json, after_json, message_id, channel FROM patient_demographic_changes').get() as Record<string, string>;
    expect(JSON.parse(change.before_json!)).toMatchObject({ familyName: 'Garcia' });
    expect(JSON.parse(change.after_json!)).toMatchObject({ familyName: 'García-López' });
    expect(change).toMatchObject({ message_id: 'A08-0001', channel: 'folder' });
    // Found by the new name too (the search index follows the update).
    expect(ok<{ id: string }[]>(await core.as(NURSE)('patient.search', { query: 'lopez' })).map((p) => p.id)).toEqual([byHand.id]);
    expect(auditActions().map((a) => a.action)).toEqual(['schedule.import', 'schedule.import']);
  });

  it('registers a patient from an ADT^A04 without an appointment', async () => {
    drop('adt-a04.hl7');
    expect(core.schedule.pollInbox()[0]).toMatchObject({ code: 'AA', reason: 'new patient' });
    expect(ok<{ mrn: string }[]>(await core.as(NURSE)('patient.search', { query: 'MRN-1002' }))).toMatchObject([{ mrn: 'MRN-1002', familyName: "O'Brien" }]);
    expect(await list()).toEqual([]);
  });

  const refusals: [string, 'AE' | 'AR', RegExp][] = [
    ['bad-no-mrn.hl7', 'AE', /PID-3: no identifier assigned by MRN .*matched by MRN only, never by name/],
    ['bad-date.hl7', 'AE', /PID-7: 19801340 is not a real date/],
    ['bad-no-sch.hl7', 'AE', /SIU\^S12 without an SCH segment/],
    ['bad-segment.hl7', 'AE', /segment 2 is not an HL7 segment/],
    ['bad-type.hl7', 'AR', /MSH-9: ORU\^R01 is not taken here/],
    ['bad-encoding.hl7', 'AR', /not valid UTF-8/],
    ['bad-appointment-date.hl7', 'AE', /SCH-11\.4: 20261307090000 is not a real date/],
  ];
  it.each(refusals)('refuses %s (%s) with its reason, logs and audits it, and writes nothing else', (file, code, reason) => {
    const before = tableCounts(core);
    drop(file);
    const [outcome] = core.schedule.pollInbox();
    expect(outcome).toMatchObject({ file, code, reason: expect.stringMatching(reason) });
    const after = tableCounts(core);
    expect({ ...after, schedule_inbound_log: 0, audit_log: 0 }).toEqual({ ...before, schedule_inbound_log: 0, audit_log: 0 });
    expect(after.schedule_inbound_log).toBe(before.schedule_inbound_log! + 1);
    expect(auditActions().at(-1)).toMatchObject({ action: 'schedule.refused', target: expect.stringMatching(reason) });
    expect(fs.readFileSync(path.join(inbox, 'refused', `${file}.reason.txt`), 'utf8')).toMatch(reason);
  });

  it('refuses a file over the size cap unread', () => {
    const huge = fs.readFileSync(path.join(FIXTURES, 'adt-a04.hl7'), 'utf8').replace('PV1|1|O|', `NTE|1||${'x'.repeat(5000)}\rPV1|1|O|`);
    fs.writeFileSync(path.join(inbox, 'huge.hl7'), huge);
    expect(core.schedule.pollInbox()[0]).toMatchObject({ code: 'AR', reason: expect.stringMatching(/the file is \d+ bytes; the limit is 4096/) });
    expect(count('patients')).toBe(0);
  });

  it('refuses everything until the MRN system is set: no default system to match against', async () => {
    ok(await core.as(ADMIN)('settings.update', { interop: { ...TEST_INTEROP, mrnSystem: null } }));
    drop('siu-s12.hl7');
    expect(core.schedule.pollInbox()[0]).toMatchObject({ code: 'AR', reason: expect.stringContaining('the MRN system is not set up') });
    expect(count('patients')).toBe(0);
  });
});

describe('HL7 messages handed over directly (the same path as a file or a frame)', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const receive = (text: string) => core.schedule.receive(Buffer.from(text, 'utf8'), 'mllp');

  it('refuses an appointment id already booked for another patient (the MRN differs), changing nothing', () => {
    expect(receive(fixture('siu-s12.hl7'))).toMatchObject({ code: 'AA' });
    const before = tableCounts(core);
    const other = fixture('siu-s12.hl7').replace('S12-0001', 'S12-0002').replace('MRN-1001^', 'MRN-7777^');
    expect(receive(other)).toMatchObject({ code: 'AE', reason: 'appointment APT-5001 is already booked for another patient (MRN differs)' });
    expect({ ...tableCounts(core), audit_log: 0, schedule_inbound_log: 0 }).toEqual({ ...before, audit_log: 0, schedule_inbound_log: 0 });
  });

  it('reads a time without an offset as the clinic wall clock, and a cancellation (SCH-25) cannot be started', async () => {
    const cancelled = fixture('siu-s12.hl7').replace(/20261207083000-0500/g, '202612071415').replace('|Booked', '|Cancelled');
    expect(receive(cancelled)).toMatchObject({ code: 'AA' });
    const [appointment] = await list();
    expect(appointment).toMatchObject({ time: '14:15', status: 'cancelled' });
    const started = await core.as(NURSE)('schedule.start', { appointmentId: appointment!.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left', indication: 'Pain.' });
    expect(started).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cancelled') } });
    expect(count('encounters')).toBe(0);
  });

  it('refuses a message that declares another character set (MSH-18), and two PIDs', () => {
    expect(receive(fixture('adt-a04.hl7').replace('UNICODE UTF-8', '8859/1'))).toMatchObject({ code: 'AR', reason: 'MSH-18: character set 8859/1 is not taken; send UNICODE UTF-8' });
    const twoPids = fixture('adt-a04.hl7').replace('PV1|', `PID|2||MRN-1009^^^MRN^MR||Other^Pat||19700101|M\rPV1|`);
    expect(receive(twoPids)).toMatchObject({ code: 'AE', reason: 'more than one PID segment: one patient per message' });
    expect(count('patients')).toBe(0);
  });
});

describe('MLLP listener, with node-hl7-client as the sender', () => {
  /** Sends one message with node-hl7-client and resolves with the ACK it got back. */
  async function sendTo(port: number, text: string): Promise<Message> {
    const client = new Client({ host: '127.0.0.1' });
    return new Promise<Message>((resolve, reject) => {
      const connection = client.createConnection({ port, waitAck: true, maxConnectionAttempts: 1 }, (res) => resolve(res.getMessage()));
      connection.on('client.error', reject);
      void connection.sendMessage(new Message({ text }));
    }).finally(() => client.closeAll());
  }
  async function send(text: string): Promise<Message> {
    const listener = (await core.schedule.listen({ host: '127.0.0.1', port: 0 }))!;
    try {
      return await sendTo(listener.port, text);
    } finally {
      await listener.close();
    }
  }
  const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

  it('answers AA for an SIU^S12 and stores the appointment', async () => {
    const ack = await send(fixture('siu-s12.hl7'));
    expect(ack.get('MSA.1').toString()).toBe('AA');
    expect(ack.get('MSA.2').toString()).toBe('S12-0001');
    expect((await list())[0]).toMatchObject({ sourceId: 'APT-5001', time: '08:30', visitNumber: 'V123456' });
  });

  it('answers AE with the reason for a message with no MRN, and stores nothing', async () => {
    const ack = await send(fixture('bad-no-mrn.hl7'));
    expect(ack.get('MSA.1').toString()).toBe('AE');
    expect(ack.get('MSA.2').toString()).toBe('BAD-0001');
    expect(ack.get('ERR.8').toString()).toMatch(/PID-3: no identifier assigned by MRN/);
    expect(count('patients')).toBe(0);
    expect(count('appointments')).toBe(0);
  });

  it('answers AR for a message over the size cap', async () => {
    const huge = fixture('adt-a04.hl7').replace('PV1|1|O|', `NTE|1||${'x'.repeat(5000)}\rPV1|1|O|`);
    const ack = await send(huge);
    expect(ack.get('MSA.1').toString()).toBe('AR');
    expect(ack.get('ERR.8').toString()).toMatch(/over the limit of 4096 bytes|the limit is 4096/);
    expect(count('patients')).toBe(0);
  });

  it('is started by the runtime runner where the settings ask, with the inbox polled on the same tick, and stopped when unset', async () => {
    const port = await freePort();
    ok(await core.as(ADMIN)('settings.update', { schedule: { fhir: null, hl7Inbox: inbox, mllp: { host: '127.0.0.1', port }, maxMessageBytes: 4096 } }));
    drop('adt-a04.hl7');
    await core.scheduleRunner.tick();
    expect(count('patients')).toBe(1);
    expect((await sendTo(port, fixture('siu-s12.hl7'))).get('MSA.1').toString()).toBe('AA');
    ok(await core.as(ADMIN)('settings.update', { schedule: { fhir: null, hl7Inbox: inbox, mllp: null, maxMessageBytes: 4096 } }));
    await core.scheduleRunner.tick();
    await expect(sendTo(port, fixture('siu-s12.hl7'))).rejects.toBeTruthy();
  });
});
