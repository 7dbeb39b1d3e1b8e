/**
 * The procedure library screen: a physician accepts a fact awaiting review with a comment and the
 * backlog counts follow; edits a template and publishes the next version after seeing the diff; an
 * encounter begun on the bundled version still shows it; a malformed import is refused with its paths.
 */
import fs from 'node:fs';
import { LIBRARY } from '#shared/library/index';
import { expect, signIn, test } from '../fixtures';

/** The bundled version a fresh database holds, and the one the physician publishes. */
const B = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!.version;
const N = B + 1;

test('review, edit and publish the next version; encounters keep theirs; imports are validated', async ({ page, app }) => {
  const patient = await app.call<{ id: string }>('patient.create', { mrn: 'LIB-1', familyName: 'Moreau', givenName: 'Élodie', birthDate: '1971-04-04', sex: 'female' });
  await app.call('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left',
    plannedDate: new Date().toISOString().slice(0, 10), indication: 'Axial back pain.',
  });
  const original = await app.call<{ template: { risks: { id: string; patientText: string }[] } }>('library.get', { templateId: 'lumbar-medial-branch-block', version: B });
  const infectionV1 = original.template.risks.find((r) => r.id === 'infection')!.patientText;

  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('button', { name: 'Procedure library' }).click();
  const row = page.getByRole('row', { name: /Lumbar medial branch block/ });
  // The review backlog, counted from the data and the clinic's acceptances.
  const count = (column: string) => row.locator(`td[data-column="${column}"]`);
  const awaiting = Number(await count('awaitingReview').textContent());
  const accepted = Number(await count('accepted').textContent());
  expect(awaiting).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Review Lumbar medial branch block' }).click();
  // The reference view keeps the full source list the chart note no longer prints: original works, with reliability and tags.
  const sourceList = page.getByRole('list', { name: /^Sources of this version/ });
  await expect(sourceList.locator('li[data-source-id="narouze-2018-asra"]')).toContainText('Reg Anesth Pain Med 2018;43(3):225–262');
  await expect(sourceList.locator('li[data-source-id="narouze-2018-asra"]')).toContainText('[original work; cited as');
  await expect(sourceList.locator('li[data-source-id="droracle-mbb-volume"]')).toContainText('No verified primary source');
  await expect(sourceList.locator('li[data-source-id="droracle-mbb-volume"]')).toContainText('no verified primary source: needs clinical review');
  expect(await sourceList.locator('li').count()).toBeGreaterThan(10);
  const listed = (await sourceList.textContent()) ?? '';
  for (const host of ['droracle', 'scribd', 'pdfcoffee', 'medilib', 'studentdoctor', 'code corpus', 'clinical-facts.md']) expect(listed).not.toContain(host);
  // A physician accepts a fact awaiting review, saying why it is acceptable for this clinic; a blank reason is refused.
  await page.getByRole('button', { name: /^Accept after review: Infection:/ }).click();
  const reason = page.getByLabel('Why this is acceptable for this clinic');
  await reason.fill('   ');
  await page.getByRole('button', { name: 'Accept fact' }).click();
  await expect(page.getByText('Say why this fact is acceptable for this clinic.')).toBeVisible();
  await expect(count('awaitingReview')).toHaveText(String(awaiting));
  await reason.fill('Our infection-control protocol covers this; agreed at the March governance meeting.');
  await page.getByRole('button', { name: 'Accept fact' }).click();
  const review = page.getByRole('list', { name: 'Facts to review in Lumbar medial branch block' }).locator('li[data-fact-id="infection"]');
  await expect(review).toContainText(/Accepted for this clinic by Dr Pat Physician \(physician\) on \d{4}-\d{2}-\d{2}: Our infection-control protocol covers this/);
  await expect(review.getByText(/^reviewed by Dr Pat Physician/)).toBeVisible();
  await expect(count('awaitingReview')).toHaveText(String(awaiting - 1));
  await expect(count('accepted')).toHaveText(String(accepted + 1));

  await page.getByRole('button', { name: 'Edit Lumbar medial branch block' }).click();
  await page.getByLabel('Patient wording: Infection').fill('Version two: germs can get in where the needle goes in.');
  await page.getByRole('button', { name: 'Review changes (1)' }).click();
  await expect(page.getByRole('region', { name: 'Changes to publish' })).toContainText('risks[infection].patientText');
  await page.getByRole('button', { name: `Publish as version ${N}` }).click();
  await expect(page.getByText(`Published version ${N}.`)).toBeVisible();
  await expect(row).toContainText(`v${N} (2 versions)`);

  // The encounter begun on the bundled version still shows it and its wording.
  await page.getByRole('button', { name: 'Worklist' }).click();
  await page.getByRole('button', { name: /Open encounter for MOREAU/ }).click();
  await expect(page.getByText(`template v${B}`)).toBeVisible();
  await expect(page.locator('li.item[data-item-id="infection"]')).toContainText(infectionV1);

  // A malformed import is refused, with paths, and changes nothing.
  await page.getByRole('button', { name: 'Procedure library' }).click();
  const bad = { format: 'proceduredesk.library', formatVersion: 1, exportedAt: new Date().toISOString(), sources: [], templates: [{ ...original.template, version: 9, risks: 'none', extra: true }] };
  await page.getByLabel('Import library (JSON)…').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('status')).toContainText('Nothing was imported');
  await expect(page.getByRole('list', { name: 'Import problems' })).toContainText('templates.0.risks');
  await expect(row).toContainText(`v${N} (2 versions)`);

  // The whole library exports as JSON and re-imports as "already present".
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export whole library (JSON)' }).click();
  const file = (await (await download).path());
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { templates: { id: string; version: number }[] };
  expect(doc.templates.find((t) => t.id === 'lumbar-medial-branch-block')?.version).toBe(N);
  await page.getByLabel('Import library (JSON)…').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('0 new template version(s)');
});
