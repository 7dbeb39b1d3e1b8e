/**
 * The whole journey with the keyboard alone: every control is reached with Tab
 * and operated with typing, Space and Enter. No mouse clicks.
 */
import fs from 'node:fs';
import { pdfPages } from '#db/testing/pdf-text';
import { tabTo } from '../pages/keyboard';
import { ACCOUNTS, E2E_PASSWORD, expect, test } from '../fixtures';

test('keyboard only: sign in, register, open encounter, check, not-applicable, consent, export', async ({ page, app }) => {
  const kb = page.keyboard;
  await page.goto(app.url);
  // Sign in: the username field has the focus, Tab reaches the password, Enter submits.
  await expect(page.getByLabel('Username')).toBeFocused();
  await kb.type(ACCOUNTS.nurse.username);
  await kb.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await kb.type(E2E_PASSWORD);
  await kb.press('Enter');
  await expect(page.getByLabel('Current user')).toHaveText('Nina Nurse · nurse');

  await tabTo(page, page.getByRole('button', { name: 'Register new patient' }));
  await kb.press('Enter');
  const form = page.getByRole('form', { name: 'Register patient' });
  await tabTo(page, form.getByLabel('MRN'));
  await kb.type('KB-77');
  await kb.press('Tab');
  await kb.type('Søndergaard');
  await kb.press('Tab');
  await kb.type('Åse');
  await kb.press('Tab');
  await kb.type('1972-03-15'); // the date field speaks YYYY-MM-DD
  await kb.press('Tab');
  await kb.type('f');
  await tabTo(page, form.getByRole('button', { name: 'Save patient' }));
  await kb.press('Enter');
  await expect(page.getByText('Patient: SØNDERGAARD, Åse (MRN KB-77)')).toBeVisible();

  const plan = page.getByRole('form', { name: 'New encounter' });
  await tabTo(page, plan.getByLabel('Procedure'));
  await kb.type('Lumbar m');
  await expect(plan.getByRole('checkbox', { name: 'L4', exact: true })).toBeVisible();
  await tabTo(page, plan.getByRole('checkbox', { name: 'L4', exact: true }));
  await kb.press('Space');
  // A radio group is one Tab stop; arrows move within it (and select).
  await tabTo(page, plan.getByRole('radio', { name: 'Left' }));
  await kb.press('ArrowDown');
  await expect(plan.getByRole('radio', { name: 'Right' })).toBeChecked();
  await tabTo(page, plan.getByLabel('Indication (physician)'));
  await kb.type('Right-sided axial low back pain, worse on extension, 4 months.');
  await tabTo(page, plan.getByRole('button', { name: 'Create encounter' }));
  await kb.press('Enter');

  await expect(page.getByRole('heading', { name: /SØNDERGAARD, Åse/ })).toBeFocused();
  // One part of the encounter at a time: ] moves from the pre-procedure part to the consent part (the risks).
  await kb.press(']');
  await expect(page.getByRole('tab', { name: /^Consent/ })).toHaveAttribute('aria-selected', 'true');
  const infection = page.getByRole('checkbox', { name: 'Infection', exact: true });
  await tabTo(page, infection);
  await kb.press('Space');
  await expect(page.locator('li.item[data-item-id="infection"]').getByText(/^Saved /)).toBeVisible();

  const naButton = page.getByRole('button', { name: 'Not applicable: Temporary discomfort' });
  await tabTo(page, naButton);
  await kb.press('Enter');
  await expect(page.getByLabel('Reason not applicable')).toBeFocused();
  await kb.type('Covered with infection risk wording');
  await kb.press('Enter');
  await expect(page.getByText('Not applicable: Covered with infection risk wording')).toBeVisible();

  await tabTo(page, page.getByRole('radio', { name: 'Consents' }));
  await kb.press('Space');
  await expect(page.getByText(/^Consent discussion saved/)).toBeVisible();

  // On to the note's part: ] four times (time-out, procedure, recovery, note).
  for (let i = 0; i < 4; i++) await kb.press(']');
  await expect(page.getByRole('tab', { name: /^Note/ })).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('button', { name: 'Export consent-discussion note' }));
  await kb.press('Enter');
  const link = page.getByRole('link', { name: 'Save PDF' });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  const download = page.waitForEvent('download');
  await kb.press('Enter');
  const pages = await pdfPages(fs.readFileSync((await (await download).path())));
  const text = pages.join(' ').replace(/\s+/g, ' ');
  expect(text).toContain('SØNDERGAARD, Åse');
  expect(text).toContain('Lumbar medial branch block');
  expect(text).toContain('The patient consents to the procedure.');
  expect(text).toContain('Temporary discomfort: not applicable (Covered with infection risk wording)');
});
