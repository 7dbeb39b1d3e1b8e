/**
 * Follow-up and outcomes in real Chromium: the demo patients' outcome charts
 * render (the pain-score timeline across procedures, the pain diary against
 * its baseline with both lumbar MBB relief thresholds), the chart data is
 * checked in the SVG and in its text alternative, the verdicts cite their
 * rules, and a follow-up recorded from the keyboard appears on the timeline.
 * A full-page screenshot is kept at test-results/outcomes.png for a person to look at.
 */
import type { Locator } from '@playwright/test';
import { expect, signIn, test } from '../fixtures';
import { expectAccessible } from '../pages/axe';

/** Where the screenshots go (OUTCOMES_SCREENSHOTS overrides, e.g. when another run may clear test-results/). */
const SHOTS = process.env.OUTCOMES_SCREENSHOTS ?? 'test-results';

const scores = (chart: Locator) => chart.locator('.chart-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
const tableRows = (table: Locator) => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (c) => c.textContent?.trim() ?? '')));

test('the demo MBB patient\'s outcome charts, verdicts and a new follow-up', async ({ page, app }) => {
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: 'Add demo patients' }).click();
  await expect(page.getByRole('button', { name: /Open encounter for OKAFOR/ })).toBeVisible();

  // From the encounter screen to the patient's outcomes.
  await page.getByRole('button', { name: /Open encounter for OKAFOR/ }).click();
  await page.getByRole('button', { name: 'Follow-up and outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Outcomes: OKAFOR, Adaeze/ })).toBeVisible();

  // The timeline: the ESI's baseline and two follow-ups, then the first MBB's baseline and follow-up.
  const timeline = page.getByRole('figure', { name: 'Pain-score timeline' });
  await expect(timeline.locator('.recharts-wrapper > svg')).toBeVisible();
  expect(await scores(timeline)).toEqual([8, 5, 7, 7, 7]);
  expect((await tableRows(timeline.getByTestId('timeline-data'))).map((r) => [r[2], r[3]])).toEqual([
    ['8', 'baseline (before the procedure)'], ['5', 'follow-up'], ['7', 'follow-up'], ['7', 'baseline (before the procedure)'], ['7', 'follow-up'],
  ]);
  await expect(timeline.locator('figcaption')).toContainText('across 2 procedures');
  await expect(timeline.locator('figcaption')).toContainText('Lumbar interlaminar epidural steroid injection');

  // The pain diary: baseline 7, the scores at each time, both threshold lines, and the verdicts in words.
  const diary = page.getByRole('figure', { name: /Pain diary after the block on/ });
  await expect(diary.locator('.recharts-wrapper > svg')).toBeVisible();
  expect(await scores(diary)).toEqual([7, 2, 1, 1, 2, 3, 5, 6, 7]);
  await expect(diary.locator('.recharts-wrapper > svg')).toContainText('Baseline: 7');
  await expect(diary.locator('.recharts-wrapper > svg')).toContainText('≥50% relief: score ≤ 3.5, needs clinical review');
  await expect(diary.locator('.recharts-wrapper > svg')).toContainText('≥80% relief: score ≤ 1.4');
  expect((await tableRows(diary.getByTestId('diary-data'))).slice(0, 3)).toEqual([['Before (baseline)', '7', '—'], ['30 min', '2', '71%'], ['1 h', '1', '85%']]);
  await expect(diary.locator('figcaption')).toContainText('Peak relief 85% at 1 h.');
  const mbb = page.locator('section.procedure-outcomes').filter({ has: diary });
  await expect(mbb.locator('.verdict[data-fact="rfa-threshold-consensus"]')).toHaveText(
    'Meets the ≥50% threshold before RFA (source: lumbar facet consensus, Cohen 2020) [M: needs clinical review]: peak relief 85% at 1 h. At or above 50% at 30 min, 1 h, 2 h, 4 h, 6 h.',
  );
  await expect(mbb.locator('.verdict[data-fact="rfa-threshold-payer"]')).toContainText('Not yet met: this block meets the ≥80% threshold before RFA');
  await expect(mbb.locator('.verdict[data-fact="rfa-threshold-payer"]')).toContainText('1 of 2 recorded for this patient');
  await expect(mbb.getByText('Consensus practice guidelines on interventions for lumbar facet joint pain', { exact: false }).first()).toBeAttached();

  await page.screenshot({ path: `${SHOTS}/outcomes.png`, fullPage: true });
  await timeline.screenshot({ path: `${SHOTS}/outcomes-timeline.png` });
  await diary.screenshot({ path: `${SHOTS}/outcomes-diary.png` });
  // In print the charts stay black on white, the forms and buttons drop out.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/outcomes-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // axe on the screen in both themes (the charts draw in the theme's text colour).
  await expectAccessible(page, 'outcomes');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'outcomes');
  await diary.screenshot({ path: `${SHOTS}/outcomes-diary-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // A follow-up for the MBB, from the keyboard: it joins the timeline and the table.
  await mbb.locator('summary', { hasText: 'Record a follow-up' }).focus();
  await page.keyboard.press('Enter');
  const form = mbb.getByRole('form', { name: /Record a follow-up/ });
  await form.getByRole('radio', { name: '6' }).focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Percent relief (0–100)').fill('10');
  await form.getByLabel('Notes').fill('Pain back to usual; second block booked.');
  await form.getByLabel('Notes').press('Enter');
  await expect(form.getByText(/^Follow-up recorded/)).toBeVisible();
  await expect.poll(() => scores(timeline)).toEqual([8, 5, 7, 7, 7, 6]);
  await expect(mbb.locator('table.follow-ups')).toContainText('Pain back to usual; second block booked.');
  await expect(mbb.locator('table.follow-ups')).toContainText('Nina Nurse (nurse)');
});
