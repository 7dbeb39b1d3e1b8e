/**
 * Issue 18, layout: at 1366x768 every interactive target on every screen is at least 44x44 px, 24x24 px in
 * compact density (a checkbox or radio by its clickable label), nothing scrolls sideways, the top bar keeps to one line, and no
 * screen (each part of the encounter on its own) is longer than 3 viewport heights (no height limit in compact).
 * The failure lists every small target by screen, so the message says what to fix.
 * LAYOUT_SHOTS=<folder> also writes a screenshot of each screen there.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { localIsoDate } from '#renderer/time/local-date';
import { currentFacts, type PatientFactsView } from '#shared/contract/patient-facts';
import { E2E_PASSWORD, expect, signIn, signOut, test, type AppHandle } from '../fixtures';
import { EncounterPage, ENCOUNTER_PARTS } from '../pages/encounter-page';
import { pageExtent, smallTargets } from '../pages/targets';
import { advanceOverridingOpen, consentGivenAndSigned, timeOutSigned } from '../consented-encounter';

const SHOTS = process.env.LAYOUT_SHOTS;
test.use({ viewport: { width: 1366, height: 768 } });

type Findings = string[];
/** Issue 18: no screen longer than this many viewport heights at 1366x768. */
const MAX_SCREENS = 3;

/** What a density is held to: its smallest target, and whether the 3-viewport-height limit applies (not in compact). */
interface Density {
  name: 'comfortable' | 'compact';
  minTarget: number;
  heightLimit: boolean;
}
const COMFORTABLE: Density = { name: 'comfortable', minTarget: 44, heightLimit: true };
const COMPACT: Density = { name: 'compact', minTarget: 24, heightLimit: false };

async function measure(page: Page, screen: string, findings: Findings, density: Density = COMFORTABLE): Promise<void> {
  // Each screen is measured in the density it claims: a sign-in or reload that dropped compact fails here.
  await expect(page.locator('html')).toHaveAttribute('data-density', density.name);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Compact screens are named apart, so their shots and findings never pass for the normal ones.
  const shown = density === COMFORTABLE ? screen : `${density.name}-${screen}`;
  if (SHOTS) {
    await page.screenshot({ path: path.join(SHOTS, `${shown}.png`), animations: 'disabled', caret: 'hide' });
    await page.screenshot({ path: path.join(SHOTS, `${shown}-full.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  }
  for (const small of await smallTargets(page, density.minTarget)) findings.push(`${shown}: ${small}`);
  const { sideways, screens } = await pageExtent(page);
  if (SHOTS) console.log(`${shown}: ${screens.toFixed(1)} viewport heights`);
  if (density.heightLimit && screens > MAX_SCREENS) findings.push(`${screen}: ${screens.toFixed(1)} viewport heights long (at most ${MAX_SCREENS})`);
  if (sideways) findings.push(`${shown}: the page scrolls sideways`);
  const bar = page.locator('header.topbar');
  if (await bar.count()) {
    // Wrapped: some item of the bar starts below the bottom of another.
    const wrapped = await bar.evaluate((el) => {
      const boxes = Array.from(el.children, (c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
      return boxes.some((a) => boxes.some((b) => a.top >= b.bottom));
    });
    if (wrapped) findings.push(`${shown}: the top bar wraps onto a second line`);
  }
}

/** Measures each part of the open encounter, one at a time as the rail shows them. */
async function measureParts(page: Page, screen: string, findings: Findings, density: Density): Promise<void> {
  const encounter = new EncounterPage(page);
  for (const part of ENCOUNTER_PARTS) {
    await encounter.openPart(part);
    await measure(page, `${screen}-${part.toLowerCase().replace(/[^a-z]+/g, '-')}`, findings, density);
  }
}

/** The patient's standing facts confirmed for this encounter, as the nurse does (the compact header shows then). */
async function confirmFacts(app: AppHandle, encounterId: string): Promise<void> {
  const { patientFacts } = await app.call<{ patientFacts: PatientFactsView }>('encounter.get', { encounterId });
  await app.call('patientFacts.confirm', { encounterId, factIds: currentFacts(patientFacts.facts).map((f) => f.id) });
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('first start', () => {
  test.use({ accounts: false });
  test('first run: every target at least 44 px, nothing sideways', async ({ page, app }) => {
    const findings: Findings = [];
    await page.goto(app.url);
    await expect(page.getByRole('region', { name: 'Before you start' })).toBeVisible();
    await measure(page, 'first-run', findings);
    expect(findings).toEqual([]);
  });
});

/**
 * Every screen in turn, as the physician (then the administrator) sees it: sign-in, worklist, each encounter part
 * before and after the facts are confirmed and in each later phase, outcomes, follow-ups due, library, audit,
 * backups, lock, users & settings. Returns what falls short of the density's limits.
 */
async function walkEveryScreen(page: Page, app: AppHandle, density: Density): Promise<Findings> {
  const findings: Findings = [];
  await app.call('demo.seed', { today: localIsoDate() });
  await page.goto(app.url);
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  if (density === COMPACT) await chooseCompact(page);
  await measure(page, 'sign-in', findings, density);

  await signIn(page, 'physician');
  await expect(page.getByRole('button', { name: /^Open encounter for / }).first()).toBeVisible();
  await measure(page, 'worklist', findings, density);

  await page.getByRole('button', { name: /^Open encounter for / }).first().click();
  await expect(page.getByRole('tablist', { name: 'Encounter parts' })).toBeVisible();
  // Unconfirmed, the full patient header (facts and form) shows: measured once, on the first part.
  await new EncounterPage(page).openPart('Patient & plan');
  await measure(page, 'encounter-unconfirmed-patient-plan', findings, density);
  // A nurse confirms the patient's facts as pre-procedure starts: the normal state, with the compact header.
  const rows = await app.call<{ encounter: { id: string }; patient: { familyName: string } }[]>('encounter.list', { date: localIsoDate() });
  for (const row of rows) await confirmFacts(app, row.encounter.id);
  await nav(page, 'Worklist');
  await page.getByRole('button', { name: /^Open encounter for / }).first().click();
  await expect(page.getByRole('region', { name: 'Patient facts' }).getByText('Show patient facts')).toBeVisible();
  await measureParts(page, 'encounter', findings, density);
  await page.getByRole('button', { name: 'Follow-up and outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The record forms (pain scale radios among them) open, so they are measured too.
  for (const summary of await page.locator('details.record-forms:not([open]) > summary').all()) await summary.click();
  await measure(page, 'outcomes', findings, density);

  // The demo day moved on through the contract, so the encounter is measured in each later phase.
  const phases = ['pre-procedure', 'time-out', 'procedure', 'recovery'] as const;
  for (const [i, row] of rows.entries()) {
    for (const to of phases.slice(0, i + 2)) {
      // Consent and the signed time-out are what no override lifts (issue 18).
      if (to === 'time-out') await consentGivenAndSigned(app, row.encounter.id);
      if (to === 'procedure') await timeOutSigned(app, row.encounter.id, E2E_PASSWORD);
      await advanceOverridingOpen(app, row.encounter.id, to, 'Layout check of each phase', E2E_PASSWORD);
    }
  }
  for (const [i, row] of rows.entries()) {
    await nav(page, 'Worklist');
    await page.getByRole('button', { name: new RegExp(`^Open encounter for ${row.patient.familyName}`, 'i') }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Now: ${['Time-out', 'Procedure', 'Recovery'][i]}`) })).toBeVisible();
    await measureParts(page, `encounter-${phases[i + 1]}`, findings, density);
  }

  await nav(page, 'Follow-ups due');
  await measure(page, 'follow-ups-due', findings, density);
  await nav(page, 'Procedure library');
  await measure(page, 'library', findings, density);
  await nav(page, 'Audit trail');
  await measure(page, 'audit', findings, density);
  await nav(page, 'Backups');
  await measure(page, 'backups', findings, density);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ProcedureDesk is locked' })).toBeVisible();
  await measure(page, 'lock', findings, density);
  await page.getByRole('button', { name: 'Sign out (another user)' }).click();

  await signIn(page, 'admin');
  await nav(page, 'Users & settings');
  await measure(page, 'users-settings', findings, density);
  await signOut(page);

  return findings;
}

/** Compact chosen by hand under Display, as a desk user does; kept in this browser across sign-in and sign-out. */
async function chooseCompact(page: Page): Promise<void> {
  await page.getByText('Display').click();
  await page.getByRole('checkbox', { name: /Compact layout/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  await page.keyboard.press('Escape');
}

test('every screen at 1366x768: targets at least 44 px, nothing sideways, the top bar on one line', async ({ page, app }) => {
  test.setTimeout(240_000);
  const findings = await walkEveryScreen(page, app, COMFORTABLE);
  expect(findings, findings.join('\n')).toEqual([]);
});

test('every screen at 1366x768 in compact density: targets at least 24 px, nothing sideways, the top bar on one line', async ({ page, app }) => {
  test.setTimeout(240_000);
  const findings = await walkEveryScreen(page, app, COMPACT);
  expect(findings, findings.join('\n')).toEqual([]);
});

test('a worklist row opens its encounter on click and on Enter', async ({ page, app }) => {
  await app.call('demo.seed', { today: localIsoDate() });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  const row = page.getByRole('row').filter({ hasText: 'NÚÑEZ' });
  await row.getByText('Lumbar transforaminal epidural steroid injection').click();
  await expect(page.getByRole('heading', { level: 1, name: /NÚÑEZ/ })).toBeVisible();
  await page.getByRole('button', { name: '← Worklist' }).click();
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /NÚÑEZ/ })).toBeVisible();
});

test('the encounter shows one part at a time, chosen on the rail or with ] and [', async ({ page, app }) => {
  await app.call('demo.seed', { today: localIsoDate() });
  await page.goto(app.url);
  await signIn(page, 'nurse');
  await page.getByRole('button', { name: /^Open encounter for NÚÑEZ/i }).click();
  const rail = page.getByRole('navigation', { name: 'Encounter progress' });
  const tabs = rail.getByRole('tablist', { name: 'Encounter parts' });
  await expect(rail.locator('[aria-current="step"]')).toHaveText('Scheduled: current');
  await expect(rail.locator('.rail-blocked')).toHaveText('Ready for Pre-procedure');
  // The current phase's part opens by default, with the phase's panel; the other parts are not on the page.
  await expect(tabs.getByRole('tab', { name: /^Pre-procedure/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: /^Now: Scheduled/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consent discussion' })).toBeHidden();
  await page.keyboard.press(']');
  await expect(tabs.getByRole('tab', { name: /^Consent/ })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: /^Consent/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: /^Risks to counsel on/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Now: Scheduled/ })).toBeHidden();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 2, name: /^Now: Scheduled/ })).toBeVisible();
  await tabs.getByRole('tab', { name: /^Consent/ }).click();
  await expect(page.getByRole('region', { name: 'Consent discussion' })).toBeVisible();
  await expect(rail).toBeInViewport();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('cell', { name: /^Next part of the encounter/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // Once the day starts, the rail counts what still blocks the next phase, as the phase panel lists it,
  // and the still-open list opens the part where an item is done.
  await tabs.getByRole('tab', { name: /^Pre-procedure/ }).click();
  await page.getByRole('button', { name: 'Start pre-procedure' }).click();
  await expect(rail.locator('[aria-current="step"]')).toHaveText('Pre-procedure: current');
  await expect(rail.getByText('✓ Scheduled: done')).toBeVisible();
  const open = await page.locator('.advance').getByText(/Still open before Time-out: \d+$/).innerText();
  await expect(rail.locator('.rail-blocked')).toHaveText(`${open.match(/\d+$/)![0]} open before Time-out`);
  await page.getByRole('list', { name: 'Still open' }).getByRole('button', { name: /\(Consent\)$/ }).first().click();
  await expect(tabs.getByRole('tab', { name: /^Consent/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Consent discussion' })).toBeVisible();
});
