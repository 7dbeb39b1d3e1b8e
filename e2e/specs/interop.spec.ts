/**
 * Issue 19 in the browser, against peers that are not ours, started by the test: the day's schedule pulled
 * from Medplum's FHIR router (matched by MRN, started as an encounter carrying the visit number, still listed
 * with the server gone), and the records desk's delivery column over MLLP to node-hl7-server: acknowledged,
 * then a refusal (AE) in the receiver's own words, and the retry; and over FHIR to Medplum's router. I19_SHOTS=<folder> keeps the screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Appointment, Location, Patient as FhirPatient } from '@medplum/fhirtypes';
import { LIBRARY } from '#shared/library/index';
import { startFhirPeer as startFhirServer } from '#db/testing/fhir-peer';
import { startFhirPeer } from '#db/testing/fhir-schedule-peer';
import { startMllpPeer } from '#db/testing/mllp-peer';
import { ACCOUNTS, E2E_INTEROP } from '../accounts';
import { consentedEncounter } from '../consented-encounter';
import { E2E_PASSWORD, expect, signIn, test } from '../fixtures';
import { pageExtent } from '../pages/targets';
import { WorklistPage } from '../pages/worklist-page';

const OUT = process.env.I19_SHOTS;
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string): Promise<void> {
  if (!OUT) return;
  fs.mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide', fullPage: true });
}

// The clinic on UTC, so a FHIR instant at 14:30Z is 14:30 on the worklist, on the browser's date.
const TODAY = new Date().toISOString().slice(0, 10);
const MBB = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;

test("the day's schedule from the EHR: pulled, matched by MRN, started with its visit number, still there offline", async ({ page, app }) => {
  test.setTimeout(180_000);
  const ehr = await startFhirPeer();
  try {
    const room = await ehr.create<Location>({ resourceType: 'Location', name: 'Pain suite 2' });
    const fhirPatient = (mrn: string, family: string, given: string) => ehr.create<FhirPatient>({
      resourceType: 'Patient', name: [{ family, given: [given] }], birthDate: '1961-04-02', gender: 'female',
      identifier: [{ system: E2E_INTEROP.mrnSystem, value: mrn }],
    });
    const booked = (p: FhirPatient, start: string, extra: Partial<Appointment>) => ehr.create<Appointment>({
      resourceType: 'Appointment', status: 'booked', start, end: start.replace(':00Z', ':30Z'),
      participant: [{ actor: { reference: `Patient/${p.id}` }, status: 'accepted' }, { actor: { reference: `Location/${room.id}`, display: room.name }, status: 'accepted' }],
      ...extra,
    });
    // Ana was registered here by hand before; the EHR knows her by the same MRN. Ben is new to the clinic.
    await app.call('patient.create', { mrn: 'SCH-1901', familyName: 'García', givenName: 'Ana', birthDate: '1961-04-02', sex: 'female' });
    await booked(await fhirPatient('SCH-1901', 'García', 'Ana'), `${TODAY}T14:30:00Z`, {
      identifier: [{ system: E2E_INTEROP.visitNumberSystem, value: 'V-19001' }], serviceType: [{ text: 'Lumbar medial branch block, left L4' }],
    });
    await booked(await fhirPatient('SCH-1902', 'Okafor', 'Ben'), `${TODAY}T15:45:00Z`, {});
    await app.call('settings.update', {
      interop: E2E_INTEROP, timeZone: 'UTC',
      schedule: { fhir: { baseUrl: ehr.baseUrl, location: `Location/${room.id}`, auth: { kind: 'none' }, timeoutSeconds: 10 }, hl7Inbox: null, mllp: null, maxMessageBytes: 200_000 },
    }, 'admin');

    await page.goto(app.url);
    await signIn(page, 'nurse');
    const schedule = page.getByRole('region', { name: 'Schedule from the EHR' });
    await expect(schedule.getByText('No appointments from the EHR on this date.')).toBeVisible();
    await schedule.getByRole('button', { name: 'Get the day from the EHR' }).click();
    await expect(schedule.getByRole('status')).toHaveText('2 appointments from the EHR.');
    const ana = schedule.getByRole('row', { name: /GARCÍA, Ana/ });
    await expect(ana).toContainText('14:30');
    await expect(ana).toContainText('MRN SCH-1901');
    await expect(ana).toContainText('Booked for Lumbar medial branch block, left L4');
    await expect(ana).toContainText('Visit V-19001 · Pain suite 2');
    await expect(schedule.getByRole('row', { name: /OKAFOR, Ben/ })).toContainText('15:45');
    // Matched by MRN: still one Ana; Ben registered by the import.
    expect(await app.call<unknown[]>('patient.search', { query: 'SCH-1901' })).toHaveLength(1);
    expect(await app.call<unknown[]>('patient.search', { query: 'SCH-1902' })).toHaveLength(1);
    // The panel sits in the worklist's narrow column: at 1366 px nothing sticks out sideways.
    expect((await pageExtent(page)).sideways).toBe(false);
    await shoot(page, 'worklist-schedule-pulled');

    await schedule.getByRole('button', { name: 'Start an encounter for GARCÍA, Ana at 14:30' }).click();
    await expect(page.getByRole('region', { name: 'New encounter' }).getByRole('status')).toContainText('From the schedule: 14:30 GARCÍA, Ana (MRN SCH-1901)');
    await new WorklistPage(page).createEncounter({ procedure: `${MBB.name} (v${MBB.version})`, levels: ['L4'], laterality: 'Left', indication: 'Axial low back pain, diagnostic block.' });
    await expect(page.getByRole('heading', { name: /GARCÍA, Ana/ })).toBeVisible();
    const [row] = await app.call<{ encounter: { id: string }; patient: { mrn: string } }[]>('encounter.list', { date: TODAY });
    expect(row!.patient.mrn).toBe('SCH-1901');
    const detail = await app.call<{ encounter: { visitNumber: string | null; location: string | null } }>('encounter.get', { encounterId: row!.encounter.id });
    expect(detail.encounter).toMatchObject({ visitNumber: 'V-19001', location: 'Pain suite 2' });

    // The EHR goes away: the day is still on the worklist from the local database; a pull says why it failed.
    await ehr.close();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Worklist' }).click();
    await expect(schedule.getByRole('row', { name: /OKAFOR, Ben/ })).toContainText('15:45');
    await expect(schedule.getByRole('row', { name: /GARCÍA/ })).toHaveCount(0);
    const listedAgain = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postDataJSON() as { method?: string } | null)?.method === 'schedule.list');
    await schedule.getByRole('button', { name: 'Get the day from the EHR' }).click();
    // Why the pull failed stays on screen once the list read after it has been answered and rendered (two frames).
    await (await listedAgain).finished();
    await page.evaluate(() => new Promise((rendered) => requestAnimationFrame(() => requestAnimationFrame(rendered))));
    await expect(schedule.getByRole('alert')).toContainText('could not be reached');
    await expect(schedule.getByRole('row', { name: /OKAFOR, Ben/ })).toBeVisible();
    await shoot(page, 'worklist-schedule-offline');
  } finally {
    await ehr.close().catch(() => undefined);
  }
});

test('the records desk: a note acknowledged over MLLP, one refused (AE) in the receiver\'s words, then retried', async ({ page, app }) => {
  test.setTimeout(180_000);
  const receiver = await startMllpPeer({ kind: 'ack', code: 'AA' });
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-interop-'));
  try {
    await app.call('settings.update', {
      outboxFolder: outbox, interop: E2E_INTEROP,
      delivery: { folder: null, mllp: { host: '127.0.0.1', port: receiver.port, timeoutSeconds: 10 }, fhir: null, retryBaseSeconds: 30, retryCapSeconds: 120 },
    }, 'admin');
    const first = await consentedEncounter(app, { mrn: 'DEL-1901', familyName: 'Núñez', givenName: 'Rosa', birthDate: '1961-04-02', sex: 'female' });
    const second = await consentedEncounter(app, { mrn: 'DEL-1902', familyName: 'Okafor', givenName: 'Ben', birthDate: '1958-09-30', sex: 'male' });
    for (const encounterId of [first, second]) await app.call('note.sign', { encounterId, password: E2E_PASSWORD, attestation: 'I held this discussion.' }, 'physician');
    const { username, displayName, role } = ACCOUNTS.records;
    await app.call('users.create', { username, displayName, role, password: E2E_PASSWORD, holder: 'someone-else' }, 'admin');

    await page.goto(app.url);
    await signIn(page, 'records');
    await expect(page.getByRole('heading', { name: 'Chart outbox', level: 1 })).toBeVisible();
    const rosa = page.getByRole('row', { name: /DEL-1901/ });
    const ben = page.getByRole('row', { name: /DEL-1902/ });
    await rosa.getByRole('button', { name: 'Send: Núñez, Rosa' }).click();
    // The status on screen follows the worker: no reload, no second visit.
    await expect(rosa).toContainText('HL7 interface: acknowledged by the receiver');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toContain('DEL-1901');
    // Acknowledged: the row offers no second send, which would only file a duplicate in the chart.
    await expect(rosa).toContainText('Nothing to send');
    await expect(rosa.getByRole('button', { name: /^Send/ })).toHaveCount(0);

    const reason = 'Unknown patient: MRN DEL-1902 is not registered at this facility';
    receiver.answer = { kind: 'ack-with-reason', code: 'AE', reason };
    await ben.getByRole('button', { name: 'Send: Okafor, Ben' }).click();
    await expect(ben).toContainText(`HL7 interface: failed; the receiver said "AE: ${reason}"`);
    await expect(rosa).toContainText('HL7 interface: acknowledged by the receiver');
    await shoot(page, 'records-outbox-acknowledged-and-failed');

    // The EHR registers the patient; the clerk sends the same message again.
    receiver.answer = { kind: 'ack', code: 'AA' };
    await ben.getByRole('button', { name: 'Retry the delivery now: Okafor, Ben' }).click();
    await expect(ben).toContainText('HL7 interface: acknowledged by the receiver');
    await expect(ben.getByRole('button', { name: /^Retry the delivery now/ })).toHaveCount(0);
    expect(receiver.received).toHaveLength(3);
    // The same message, so the receiver can tell it is a repeat: one MSH-10.
    const controlId = (m: string) => m.split('\r')[0]!.split('|')[9];
    expect(controlId(receiver.received[2]!)).toBe(controlId(receiver.received[1]!));
    await shoot(page, 'records-outbox-retried');
  } finally {
    await receiver.close();
    fs.rmSync(outbox, { recursive: true, force: true });
  }
});

test("the records desk: a note delivered to Medplum's FHIR router, on the server once", async ({ page, app }) => {
  test.setTimeout(180_000);
  const server = await startFhirServer({ transactions: true });
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-interop-'));
  try {
    await app.call('settings.update', {
      outboxFolder: outbox, interop: E2E_INTEROP,
      delivery: { folder: null, mllp: null, fhir: { base: server.base, auth: { kind: 'none' }, timeoutSeconds: 10 }, retryBaseSeconds: 30, retryCapSeconds: 120 },
    }, 'admin');
    const encounterId = await consentedEncounter(app, { mrn: 'FHIR-1901', familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1968-11-02', sex: 'female' });
    await app.call('note.sign', { encounterId, password: E2E_PASSWORD, attestation: 'I held this discussion.' }, 'physician');
    const { username, displayName, role } = ACCOUNTS.records;
    await app.call('users.create', { username, displayName, role, password: E2E_PASSWORD, holder: 'someone-else' }, 'admin');

    await page.goto(app.url);
    await signIn(page, 'records');
    const maja = page.getByRole('row', { name: /FHIR-1901/ });
    await maja.getByRole('button', { name: 'Send: Lindqvist, Maja' }).click();
    await expect(maja).toContainText('FHIR server: acknowledged by the receiver');
    await shoot(page, 'records-outbox-fhir');
    // At the server, read back as any FHIR client would: one DocumentReference, for the patient by MRN.
    const found = await (await fetch(`${server.base}/DocumentReference`)).json() as { entry?: { resource: { subject?: { reference?: string } } }[] };
    expect(found.entry).toHaveLength(1);
    const patients = await (await fetch(`${server.base}/Patient?identifier=${encodeURIComponent(`${E2E_INTEROP.mrnSystem}|FHIR-1901`)}`)).json() as { entry?: { resource: { id: string } }[] };
    expect(patients.entry).toHaveLength(1);
    expect(found.entry![0]!.resource.subject?.reference).toBe(`Patient/${patients.entry![0]!.resource.id}`);
  } finally {
    await server.close();
    fs.rmSync(outbox, { recursive: true, force: true });
  }
});
