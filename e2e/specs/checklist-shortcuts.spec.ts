/**
 * The checklist by its keyboard shortcuts in real Chromium: J/K (and the arrows)
 * move between items with a visible focus ring, C checks, N asks for the reason,
 * ? opens the help overlay; nothing fires while typing. Every change is checked
 * in the core, not only on screen.
 */
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { expect, signIn, test } from '../fixtures';
import { EncounterPage } from '../pages/encounter-page';

interface Row { encounter: { id: string }; patient: { familyName: string } }

const focusedItemId = (page: Page) => page.evaluate(() => document.activeElement?.closest('li.checklist-item')?.getAttribute('data-item-id') ?? null);
const focusRing = (page: Page) => page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'));

test('checklist shortcuts: move, check, not applicable, help overlay; never while typing', async ({ page, app }) => {
  await app.call('demo.seed', { today: localIsoDate() });
  const [row] = await app.call<Row[]>('encounter.list', { date: localIsoDate() });
  const status = async (itemId: string) =>
    (await app.call<{ items: { itemId: string; status: string; reason: string | null }[] }>('encounter.get', { encounterId: row!.encounter.id }))
      .items.find((i) => i.itemId === itemId);

  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: new RegExp(`^Open encounter for ${row!.patient.familyName.toUpperCase()}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const kb = page.keyboard;
  // The items walked here are the pre-procedure checklist's (one part of the encounter shows at a time).
  await new EncounterPage(page).openPart('Pre-procedure');

  // J from anywhere goes to the first item; its control shows the focus ring.
  await kb.press('j');
  const first = await focusedItemId(page);
  expect(first).not.toBeNull();
  expect(await focusRing(page)).not.toBe('none');
  await kb.press('j');
  await kb.press('ArrowDown');
  const third = await focusedItemId(page);
  await kb.press('k');
  const second = await focusedItemId(page);
  expect(new Set([first, second, third]).size).toBe(3);
  await kb.press('ArrowUp');
  expect(await focusedItemId(page)).toBe(first);

  // C checks the focused item; the core has it.
  await kb.press('c');
  await expect(page.locator(`li[data-item-id="${first}"]`).getByText(/^Saved /)).toBeVisible();
  expect(await status(first!)).toMatchObject({ status: 'checked' });
  // The second C unchecks: wait for the core's answer to that call, then ask the core.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postDataJSON() as { method?: string } | null)?.method === 'checklist.setItem');
  await kb.press('c');
  await answered;
  expect(await status(first!)).toMatchObject({ status: 'unchecked' });

  // N asks for the reason; letters typed there are the reason's.
  await kb.press('j');
  const target = (await focusedItemId(page))!;
  await kb.press('n');
  const reason = page.locator(`li[data-item-id="${target}"]`).getByLabel('Reason not applicable');
  await expect(reason).toBeFocused();
  await kb.type('Done at the previous visit, see note ? jkcn');
  await kb.press('Enter');
  await expect(page.getByText('Not applicable: Done at the previous visit, see note ? jkcn')).toBeVisible();
  expect(await status(target)).toMatchObject({ status: 'not-applicable', reason: 'Done at the previous visit, see note ? jkcn' });
  expect(await focusedItemId(page)).toBe(target);

  // ? opens the help overlay (a named modal dialog), Escape closes it, focus returns.
  await kb.press('j');
  const before = await focusedItemId(page);
  await kb.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(help.getByRole('row')).toHaveCount(9); // a header row and the eight shortcuts, [ and ] and the group confirmation (A) among them
  await expect(help.getByRole('row', { name: /^A Confirm all open items/ })).toBeVisible();
  await kb.press('Escape');
  await expect(help).toBeHidden();
  expect(await focusedItemId(page)).toBe(before);

  // In a text field the same keys are just letters: they stay in the field and move nothing.
  await new EncounterPage(page).openPart('Consent');
  const notes = page.getByRole('region', { name: 'Consent discussion' }).getByRole('textbox', { name: 'Notes on benefits' });
  await notes.focus();
  await kb.type('jk?');
  await expect(notes).toBeFocused();
  await expect(notes).toHaveValue(/jk\?$/);
  await expect(help).toBeHidden();
});
