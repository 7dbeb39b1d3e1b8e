/**
 * The note on its way to the chart, through the screen in real Chromium: the
 * consent discussion's new fields, a patient signature drawn with the pointer
 * and a witness's on paper, signing, sending to the outbox (files checked on
 * disk: the PDF's text extracted, the HL7 and FHIR carrying the same PDF),
 * printing (print media shows only the note), and the day's batch export with
 * its progress bar.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfPages } from '#db/testing/pdf-text';
import { E2E_PASSWORD, expect, signIn, test } from '../fixtures';
import { E2E_INTEROP } from '../accounts';
import { EncounterPage } from '../pages/encounter-page';

const TODAY = new Date().toISOString().slice(0, 10);

test('consent details, drawn and paper signatures, outbox, print and the batch export', async ({ page, app }) => {
  test.setTimeout(180_000);
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'proceduredesk-e2e-outbox-'));
  await app.call('settings.update', { outboxFolder: outbox, interop: E2E_INTEROP }, 'admin');
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'CHART-8001', familyName: 'Ortiz Núñez', givenName: 'Begoña', birthDate: '1957-06-21', sex: 'female' });
  await app.call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'right', plannedDate: TODAY, indication: 'Right L5 radicular pain for 10 weeks.',
  });
  // Two more signed notes today for the batch, and one left unsigned.
  for (const mrn of ['CHART-8002', 'CHART-8003', 'CHART-8004']) {
    const p = await app.call<{ id: string }>('patient.create', { mrn, familyName: 'Lluís', givenName: 'Àngel', birthDate: '1970-01-01', sex: 'male' });
    const e = await app.call<{ id: string }>('encounter.create', { patientId: p.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: TODAY, indication: 'Axial pain.' });
    await app.call('consent.save', { encounterId: e.id, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: 'consents' }, 'physician');
    if (mrn !== 'CHART-8004') await app.call('note.sign', { encounterId: e.id, password: E2E_PASSWORD, attestation: 'I held this discussion.' }, 'physician');
  }

  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('row', { name: /ORTIZ NÚÑEZ/ }).getByRole('button', { name: /^Open encounter/ }).click();
  const consent = page.getByRole('region', { name: 'Consent discussion' });
  // One part of the encounter shows at a time: the consent, then the note.
  await new EncounterPage(page).openPart('Consent');

  await consent.getByRole('button', { name: 'Now' }).click();
  await consent.getByLabel('Place').fill('Sala 3');
  await consent.getByLabel('Diagnosis').fill('Radiculopatía L5 derecha');
  await consent.getByRole('radio', { name: 'The patient has capacity to decide' }).check();
  await consent.getByRole('button', { name: 'Add person present' }).click();
  await consent.getByLabel('Person 1 name').fill('Nina Nurse');
  await consent.getByLabel('Person 1 role').fill('nurse');
  await consent.getByRole('checkbox', { name: 'Interpreter used' }).check();
  await consent.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
  await consent.getByLabel('Interpreter id', { exact: true }).fill('INT-77');
  await consent.getByRole('radio', { name: 'Video' }).check();
  await consent.getByLabel("Teach-back: the patient's own words").fill('Si pierdo la vista o la fuerza, llamo al 112.');
  await consent.getByRole('checkbox', { name: 'Benefits discussed' }).check();
  await consent.getByRole('radio', { name: 'Consents' }).check();
  await expect(consent.getByText(/^Consent discussion saved/)).toBeVisible();

  // The patient signs on the pad with the pointer; the witness signed on paper.
  const capture = consent.getByRole('form', { name: 'Capture a signature' });
  await capture.getByLabel("Signer's name").fill('Begoña Ortiz Núñez');
  await capture.getByRole('radio', { name: 'Draw on screen' }).check();
  const pad = capture.getByRole('img', { name: 'Signature pad for the patient' });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 20; x < box.width - 20; x += 12) await page.mouse.move(box.x + x, box.y + box.height / 2 + Math.sin(x / 15) * 25);
  await page.mouse.up();
  await capture.getByRole('button', { name: 'Save signature' }).click();
  await expect(consent.getByRole('img', { name: 'Signature of Begoña Ortiz Núñez' })).toBeVisible();
  await capture.getByLabel('Who signs').selectOption('witness');
  await capture.getByRole('radio', { name: 'Signed on paper' }).check();
  await capture.getByLabel("Signer's name").fill('Nina Nurse');
  await capture.getByRole('button', { name: 'Save signature' }).click();
  await expect(consent.getByText(/Witness: Nina Nurse/)).toBeVisible();

  // Sign, then send to the outbox.
  await new EncounterPage(page).openPart('Note');
  const noteRegion = page.getByRole('region', { name: 'Consent-discussion note' });
  const signForm = noteRegion.getByRole('form', { name: 'Sign the note' });
  await signForm.getByLabel('Your password (signs the note)').fill(E2E_PASSWORD);
  await signForm.getByRole('button', { name: 'Sign the note' }).click();
  await expect(noteRegion.getByText(/^Signed by Dr Pat Physician/)).toBeVisible();
  await noteRegion.getByRole('button', { name: 'Send to the outbox' }).click();
  const exportsTable = noteRegion.getByRole('table', { name: 'Exports to the outbox' });
  await expect(exportsTable.getByRole('row')).toHaveCount(2);
  await expect(exportsTable).toContainText('(first)');

  const files = fs.readdirSync(outbox);
  expect(files.filter((f) => f.includes('_consent-note_CHART-8001_')).map((f) => f.replace(/^\d{8}T\d{6,9}Z_\d{8}_consent-note_CHART-8001_\d{4}-\d{2}-\d{2}_[0-9A-Za-z]+/, '')).sort())
    .toEqual(['.fhir.json', '.hl7', '.pdf', '.txt']);
  const pdfFile = files.find((f) => f.endsWith('.pdf'))!;
  const pdf = fs.readFileSync(path.join(outbox, pdfFile));
  const text = (await pdfPages(pdf)).join(' ').replace(/\s+/g, ' ');
  for (const expected of ['ORTIZ NÚÑEZ, Begoña', 'Sala 3', 'Radiculopatía L5 derecha', 'Mode: by video', 'Si pierdo la vista o la fuerza', 'Patient: Begoña Ortiz Núñez', 'Signed on screen', 'Witness: Nina Nurse', 'Signed on paper', 'FDA statement on epidural steroid injections']) {
    expect(text).toContain(expected);
  }
  expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  const hl7 = fs.readFileSync(path.join(outbox, pdfFile.replace(/\.pdf$/, '.hl7')), 'utf8');
  expect(Buffer.from(hl7.split('\r').find((s) => s.startsWith('OBX'))!.split('|')[5]!.split('^').at(-1)!, 'base64').equals(pdf)).toBe(true);
  const bundle = JSON.parse(fs.readFileSync(path.join(outbox, pdfFile.replace(/\.pdf$/, '.fhir.json')), 'utf8')) as { entry: { resource: { resourceType: string; content?: { attachment: { data: string } }[] } }[] };
  expect(Buffer.from(bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource.content![0]!.attachment.data, 'base64').equals(pdf)).toBe(true);

  // Print: the browser's print dialog is opened with only the note on the printed page.
  await noteRegion.getByRole('button', { name: 'Print note' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('article', { name: 'Note for printing' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Note for printing' })).toContainText('ORTIZ NÚÑEZ, Begoña · MRN CHART-8001');
  await expect(page.getByRole('region', { name: 'Consent discussion' })).toBeHidden();
  // What the printer gets (Chromium's own print-to-PDF): identifiers and "Page X of Y" on every page.
  const printedPages = await pdfPages(await page.pdf({ format: 'Letter' }));
  expect(printedPages.length).toBeGreaterThan(1);
  printedPages.forEach((p, i) => {
    expect(p).toContain('ORTIZ NÚÑEZ, Begoña · MRN CHART-8001 · DOB 1957-06-21');
    expect(p).toContain(`Page ${i + 1} of ${printedPages.length}`);
  });
  await page.emulateMedia({ media: 'screen' });
  const { entries: audit } = await app.call<{ entries: { action: string }[] }>('audit.list', { action: 'note.print' }, 'physician');
  expect(audit.length).toBeGreaterThanOrEqual(1);

  // The day's batch from the worklist: progress, then done; the note already sent unchanged is not sent again, the unsigned one is left out.
  await page.getByRole('button', { name: 'Worklist', exact: true }).click();
  const batch = page.getByRole('region', { name: "Send the day's notes to the chart" });
  await batch.getByRole('button', { name: `Send signed notes of ${TODAY} to the outbox` }).click();
  await expect(batch.getByRole('progressbar')).toBeVisible();
  await expect(batch.getByText('Done: 2 notes sent. 1 note already in the outbox unchanged was not sent again. 1 note not signed was left out.')).toBeVisible({ timeout: 60_000 });
  await expect(batch.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '2 of 2 sent, 1 already sent unchanged');
  expect(fs.readdirSync(outbox).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
  fs.rmSync(outbox, { recursive: true, force: true });
});
