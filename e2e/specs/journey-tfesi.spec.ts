/**
 * Issue 18's measured journey: one lumbar transforaminal ESI (left, L4-L5, fluoroscopy, no
 * sedation) from sign-in to the signed note in the outbox, as a nurse and a physician would
 * work it at 1366x768, by labels and roles only. Every click and key is counted per phase
 * (e2e/journey/meter.ts), written to test-results/journey-tfesi.json and printed as a table.
 * The issue measured 153 clicks and 1,848 keys for the same content; the target is half.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIBRARY } from '#shared/library/index';
import { L } from '../journey/labels';
import { Meter } from '../journey/meter';
import { Journey, PATIENT } from '../journey/tfesi-journey';
import { provisionAccounts, E2E_INTEROP } from '../accounts';
import { newDataDir, removeDataDir, startApp, stopGracefully } from '../app-process';
import { AppHandle, E2E_PASSWORD, expect, test as base } from '../fixtures';

/**
 * The app for this journey, its host started with e2e/journey/server-clock.ts: the test moves the
 * server's clock with the page's (Playwright's clock) past recovery's minimum observation time.
 */
const test = base.extend<{ journeyApp: AppHandle & { shiftServerClock: (ms: number) => void } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from this pattern
  journeyApp: async ({}, use) => {
    const dataDir = newDataDir();
    const clockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.clock`);
    const saved = { options: process.env.NODE_OPTIONS, file: process.env.PROCEDUREDESK_E2E_CLOCK_FILE };
    process.env.NODE_OPTIONS = `${saved.options ?? ''} --import ${path.resolve('e2e/journey/server-clock.ts')}`.trim();
    process.env.PROCEDUREDESK_E2E_CLOCK_FILE = clockFile;
    const running = await startApp(dataDir).finally(() => {
      if (saved.options === undefined) delete process.env.NODE_OPTIONS; else process.env.NODE_OPTIONS = saved.options;
      if (saved.file === undefined) delete process.env.PROCEDUREDESK_E2E_CLOCK_FILE; else process.env.PROCEDUREDESK_E2E_CLOCK_FILE = saved.file;
    });
    await provisionAccounts(running);
    const handle = Object.assign(new AppHandle(running), { shiftServerClock: (ms: number) => fs.writeFileSync(clockFile, String(ms)) });
    await use(handle);
    await stopGracefully(handle.current);
    removeDataDir(dataDir);
    fs.rmSync(clockFile, { force: true });
  },
});

test.use({ viewport: { width: 1366, height: 768 } });
// The totals test reads what the journey wrote: in order, one after the other.
test.describe.configure({ mode: 'serial' });

const VERSION = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!.version;
const ISSUE = { clicks: 153, keys: 1848 };
const HALF = { clicks: Math.floor(ISSUE.clicks / 2), keys: ISSUE.keys / 2 };
const RESULT_FILE = path.join('test-results', 'journey-tfesi.json');
/** The pre-procedure item the nurse leaves open until the physician's consent discussion is on record. */
const CONSENT_ITEM = 'Consent discussion done and the signed consent is available';

test('lumbar TFESI, nurse and physician, sign-in to the note in the outbox: clicks and keys per phase', async ({ page, journeyApp: app }) => {
  test.setTimeout(240_000);
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-journey-outbox-'));
  // Set-up, not part of the day: the administrator's outbox folder.
  await app.call('settings.update', { outboxFolder: outbox, interop: E2E_INTEROP }, 'admin');
  await page.clock.install();
  const m = new Meter(page);
  const j = new Journey(page, m);
  await page.goto(app.url);

  m.phase('Sign in', 'nurse');
  await j.signIn('nurse');
  await expect(page.getByRole('heading', { name: L.worklist.heading })).toBeVisible();

  m.phase('Patient', 'nurse');
  const reg = page.getByRole('form', { name: L.patient.form });
  await m.click(page.getByRole('button', { name: L.worklist.register }));
  await j.typeFields([
    [reg.getByLabel(L.patient.mrn), PATIENT.mrn],
    [reg.getByLabel(L.patient.family), PATIENT.familyName],
    [reg.getByLabel(L.patient.given), PATIENT.givenName],
    [reg.getByLabel(L.patient.birth), PATIENT.birthDate],
    // A closed drop-down chooses by its first letter.
    [reg.getByLabel(L.patient.sex), PATIENT.sex.charAt(0)],
  ]);
  await expect(reg.getByLabel(L.patient.sex)).toHaveValue(PATIENT.sex.toLowerCase());
  // The patient speaks English: the preferred language is passed over (one Tab), as a nurse would.
  await m.tabTo(reg.getByLabel(L.patient.language));
  await m.tabTo(reg.getByRole('button', { name: L.patient.save }));
  await m.key('Enter', 'Save patient');
  await expect(page.getByText(`MRN ${PATIENT.mrn})`)).toBeVisible();

  m.phase('Encounter', 'nurse');
  const enc = page.getByRole('form', { name: L.encounter.form });
  await m.select(enc.getByLabel(L.encounter.procedure), { label: `Lumbar transforaminal epidural steroid injection (v${VERSION})` });
  await m.check(enc.getByRole('checkbox', { name: 'L4-L5', exact: true }));
  await m.check(enc.getByRole('radio', { name: L.encounter.laterality }));
  await expect(enc.getByLabel(L.encounter.imaging)).toHaveValue('fluoroscopy');
  await expect(enc.getByRole('checkbox', { name: L.encounter.sedation })).not.toBeChecked();
  await m.fill(enc.getByLabel(L.encounter.indication), 'Left L5 radicular pain for 7 weeks from an L4-L5 disc herniation; failed physiotherapy.');
  await m.click(enc.getByRole('button', { name: L.encounter.create }));
  await expect(j.phaseRegion).toBeVisible();

  // The nurse's pre-procedure checks, all of them before she hands over for consent.
  m.phase('Pre-procedure', 'nurse');
  await m.click(j.phaseRegion.getByRole('button', { name: L.phase.start }));
  await expect(j.phaseRegion.getByRole('heading', { name: L.phase.heading('Pre-procedure') })).toBeVisible();
  const facts = page.getByRole('region', { name: L.facts.region });
  const factForm = facts.getByRole('form', { name: L.facts.form });
  await m.select(factForm.getByLabel(L.facts.category), 'contrast');
  await m.tabTo(factForm.getByLabel(L.facts.agent));
  await m.type(factForm.getByLabel(L.facts.agent), 'Iohexol');
  await m.tabTo(factForm.getByLabel(L.facts.reaction));
  await m.type(factForm.getByLabel(L.facts.reaction), 'Urticaria');
  await m.select(factForm.getByLabel(L.facts.severity), 'moderate');
  await m.tabTo(factForm.getByRole('button', { name: L.facts.save }));
  await m.key('Enter', 'Save patient fact');
  await expect(facts).toContainText('Iohexol (contrast): Urticaria, moderate');
  // No anticoagulant or antiplatelet: none recorded, so no hard stop in the header.
  await expect(facts.getByRole('alert')).toHaveCount(0);
  await m.click(facts.getByRole('button', { name: L.facts.confirm }));
  await j.vitals('pre-procedure', { systolic: '132', diastolic: '84', heartRate: '76', spo2: '97', respiratory: '14', pain: '7' });
  const plan = page.getByRole('region', { name: L.injectate.region }).getByRole('form', { name: L.injectate.region });
  await j.typeFields([
    [plan.getByLabel(L.injectate.steroid), 'Dexamethasone sodium phosphate'],
    [plan.getByLabel(L.injectate.steroidDose), '10 mg'],
    [plan.getByLabel(L.injectate.local, { exact: true }), 'Lidocaine 1%'],
    [plan.getByLabel(L.injectate.localDose), '1 mL'],
  ]);
  await m.key('Enter', 'the planned injectate form');
  await expect(page.getByRole('list', { name: L.injectate.recorded })).toContainText('Dexamethasone sodium phosphate, 10 mg');
  // Each section confirmed as a group; what is left one by one. The risks are the physician's, and the consent is not yet done.
  await j.confirmGroups();
  await j.tickStillOpen({ risks: true, labels: [CONSENT_ITEM] });

  m.phase('Consent', 'physician');
  await j.handOver('physician');
  // The consent is its own part of the encounter (one part shows at a time): one click on the rail.
  await m.click(page.getByRole('tab', { name: /^Consent/ }));
  // The risks the physician counsels on, confirmed as discussed in one click.
  await j.confirmGroups(L.group.risks);
  const consent = page.getByRole('region', { name: L.consent.region });
  await m.check(consent.getByRole('checkbox', { name: L.consent.benefits }));
  await m.check(consent.getByRole('checkbox', { name: L.consent.alternatives }));
  await m.fill(consent.getByLabel(L.consent.alternativesNote), 'Physical therapy and medication reviewed; no treatment also discussed.');
  await m.check(consent.getByRole('radio', { name: L.consent.decision }));
  await expect(consent.getByText(L.consent.saved)).toBeVisible();
  const capture = consent.getByRole('form', { name: L.consent.capture });
  await m.fill(capture.getByLabel(L.consent.signer), `${PATIENT.givenName} ${PATIENT.familyName}`);
  await m.check(capture.getByRole('radio', { name: L.consent.paper }));
  await m.click(capture.getByRole('button', { name: L.consent.saveSignature }));
  await expect(consent.getByText(new RegExp(`Patient: ${PATIENT.givenName} ${PATIENT.familyName}`))).toBeVisible();
  // The consent now on record: its pre-procedure item (ticked where no record resolves it yet), and on to the time-out.
  await j.tickStillOpen();
  await m.click(j.moveOn('Time-out'));

  m.phase('Time-out', 'physician');
  await expect(j.phaseRegion.getByRole('heading', { name: L.phase.heading('Time-out') })).toBeVisible();
  await j.confirmGroups();
  await j.tickStillOpen();
  const timeOut = page.getByRole('form', { name: L.timeOut.form });
  await m.click(timeOut.getByRole('button', { name: L.timeOut.addPerson }));
  await m.fill(timeOut.getByLabel(L.timeOut.name(2)), 'Nina Nurse');
  await m.tabTo(timeOut.getByLabel(L.timeOut.role(2)));
  await m.type(timeOut.getByLabel(L.timeOut.role(2)), 'nurse');
  await m.fill(timeOut.getByLabel(L.timeOut.password), E2E_PASSWORD);
  await m.key('Enter', 'the time-out sign-off');
  await expect(page.getByRole('region', { name: L.history }).getByText(/Nina Nurse/).first()).toBeVisible();
  await j.tickStillOpen();
  await m.click(j.moveOn('Procedure'));

  m.phase('Procedure', 'physician');
  await expect(j.phaseRegion.getByRole('heading', { name: L.phase.heading('Procedure') })).toBeVisible();
  const proc = page.getByRole('form', { name: L.procedure.form });
  await m.fill(proc.getByLabel(L.procedure.fluoroscopy), '42');
  await m.click(proc.getByRole('button', { name: L.procedure.noComplications }));
  await m.click(proc.getByRole('button', { name: L.procedure.save }));
  // The save ticks the record's items: wait for it, or "Confirm all N" is read before N drops.
  await expect(proc.getByText(/Procedure record saved/)).toBeVisible();
  await j.confirmGroups();
  await j.tickStillOpen();
  await m.click(j.moveOn('Recovery'));

  m.phase('Recovery', 'nurse');
  await j.handOver('nurse');
  await expect(j.phaseRegion.getByRole('heading', { name: L.phase.heading('Recovery') })).toBeVisible();
  await j.vitals('recovery', { systolic: '128', diastolic: '80', heartRate: '72', spo2: '98', respiratory: '14', pain: '2' });
  await j.confirmGroups();
  await j.tickStillOpen();
  // The minimum observation time passes on the page's clock; the idle lock comes on meanwhile.
  app.shiftServerClock(16 * 60_000);
  await page.clock.fastForward('16:00');
  await j.unlock();

  m.phase('Discharge', 'nurse');
  await j.tickStillOpen();
  await m.click(j.moveOn('Discharged'));
  await expect(j.phaseRegion.getByRole('heading', { name: L.phase.heading('Discharged') })).toBeVisible();

  m.phase('Note', 'physician');
  await j.handOver('physician');
  const note = page.getByRole('region', { name: L.note.region });
  const sign = note.getByRole('form', { name: L.note.sign });
  await m.fill(sign.getByLabel(L.note.password), E2E_PASSWORD);
  await m.key('Enter', 'the note signing form');
  await expect(note.getByText(/^Signed by Dr Pat Physician/)).toBeVisible();
  await m.click(note.getByRole('button', { name: L.note.send }));
  await expect(note.getByRole('table', { name: L.note.exports }).getByRole('row')).toHaveCount(2);
  expect(fs.readdirSync(outbox).filter((f) => f.includes(`_consent-note_${PATIENT.mrn}_`) && f.endsWith('.pdf'))).toHaveLength(1);

  // The journey is complete: discharged, with no override, the note signed and in the outbox.
  const [row] = await app.call<{ encounter: { id: string; state: string } }[]>('encounter.list', { query: PATIENT.mrn });
  expect(row!.encounter.state).toBe('discharged');
  const detail = await app.call<{ transitions: { overridden: unknown[] }[] }>('encounter.get', { encounterId: row!.encounter.id });
  expect(detail.transitions.flatMap((t) => t.overridden)).toEqual([]);

  m.write(RESULT_FILE);
  console.log(`\nLumbar TFESI journey (issue 18): issue measured ${ISSUE.clicks} clicks / ${ISSUE.keys} keys; half is ${HALF.clicks} / ${HALF.keys}\n${m.table()}\n`);
});

/** The issue's target, read from what the journey above wrote (the tests run in order). */
function measured(): { clicks: number; keys: number } {
  return (JSON.parse(fs.readFileSync(RESULT_FILE, 'utf8')) as { totals: { clicks: number; keys: number } }).totals;
}

test(`the journey takes at most half of the issue's keys (${HALF.keys})`, () => {
  expect(measured().keys).toBeLessThanOrEqual(HALF.keys);
});

test(`the journey takes at most half of the issue's clicks (${HALF.clicks})`, () => {
  expect(measured().clicks).toBeLessThanOrEqual(HALF.clicks);
});
