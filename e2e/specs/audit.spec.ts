/** The audit trail screen lists who did what, checks the chain, and exports it. */
import fs from 'node:fs';
import { expect, signIn, test } from '../fixtures';

test('audit trail: views and changes listed, chain intact, export', async ({ page, app }) => {
  await page.goto(app.url);
  await signIn(page, 'physician');
  await page.getByRole('button', { name: 'Add demo patients' }).click();
  await page.getByRole('button', { name: /Open encounter for NÚÑEZ/ }).click();
  await expect(page.getByRole('heading', { name: /NÚÑEZ, José/ })).toBeVisible();
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'encounter.get' }).filter({ hasText: 'Dr Pat Physician' })).toHaveCount(1);
  await page.getByLabel('Action').selectOption('patient.create');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows.filter({ hasText: 'patient.create' })).toHaveCount(3);
  await page.getByRole('button', { name: 'Check the chain' }).click();
  await expect(page.getByRole('status')).toContainText('The audit chain is intact');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (JSON)' }).click();
  const doc = JSON.parse(fs.readFileSync((await (await download).path()), 'utf8')) as { verdict: { ok: boolean }; entries: { action: string }[] };
  expect(doc.verdict.ok).toBe(true);
  expect(doc.entries.map((e) => e.action)).toEqual(['patient.create', 'patient.create', 'patient.create']);
});
