/**
 * Counts what a person does on the screen, per phase and role, for the issue-18 journey:
 * a click is one pointer click (choosing from a drop-down is two: open, choose); keys are
 * the characters typed plus special keys pressed. Filling a field counts one click to focus it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'nurse' | 'physician';
export interface PhaseCount { phase: string; role: Role; clicks: number; keys: number }
/** One counted action, for reading where the clicks and keys go. */
export interface Action { phase: string; role: Role; clicks: number; keys: number; what: string }

export class Meter {
  readonly phases: PhaseCount[] = [];
  readonly actions: Action[] = [];
  private current: PhaseCount | null = null;

  constructor(readonly page: Page) {}

  /** Starts counting a new phase (or continues one already started by the same role). */
  phase(phase: string, role: Role): void {
    this.current = this.phases.find((p) => p.phase === phase && p.role === role) ?? null;
    if (!this.current) {
      this.current = { phase, role, clicks: 0, keys: 0 };
      this.phases.push(this.current);
    }
  }

  private count(target: Locator | string, clicks: number, keys: number): void {
    if (!this.current) throw new Error('Meter: start a phase before acting');
    this.current.clicks += clicks;
    this.current.keys += keys;
    this.actions.push({ phase: this.current.phase, role: this.current.role, clicks, keys, what: target.toString() });
  }

  async click(target: Locator): Promise<void> {
    await target.click();
    this.count(target, 1, 0);
  }

  /** Ticks a checkbox or chooses a radio: one click. */
  async check(target: Locator): Promise<void> {
    await target.check();
    this.count(target, 1, 0);
  }

  /** Clicks into a field and types the text. */
  async fill(target: Locator, text: string): Promise<void> {
    await target.fill(text);
    this.count(target, 1, [...text].length);
  }

  /** Opens a drop-down and chooses an option: two clicks, which leave the focus on it (as with a mouse), ready for Tab. */
  async select(target: Locator, option: { label: string } | string): Promise<void> {
    await target.selectOption(option);
    await target.focus();
    this.count(target, 2, 0);
  }

  /** A special key (Enter, Tab, ...). */
  async press(target: Locator, key: string): Promise<void> {
    await target.press(key);
    this.count(target, 0, 1);
  }

  /**
   * Types into the element that has focus, as a person does after Tab: the keys only, no click.
   * First asserts that the focused element is the labelled field meant, so a wrong tab order fails here.
   */
  async type(field: Locator, text: string): Promise<void> {
    await expect(field).toBeFocused();
    await this.page.keyboard.type(text);
    this.count(field, 0, [...text].length);
  }

  /** Presses one key on whatever has focus (Tab to the next field, Enter to submit): one key. */
  async key(key: string, what = 'the focused element'): Promise<void> {
    await this.page.keyboard.press(key);
    this.count(`${key} on ${what}`, 0, 1);
  }

  /** Tab to the next field, asserting it is the labelled field meant: one key. */
  async tabTo(field: Locator): Promise<void> {
    await this.page.keyboard.press('Tab');
    await expect(field).toBeFocused();
    this.count(`Tab to ${field.toString()}`, 0, 1);
  }

  totals(): { clicks: number; keys: number } {
    return this.phases.reduce((t, p) => ({ clicks: t.clicks + p.clicks, keys: t.keys + p.keys }), { clicks: 0, keys: 0 });
  }

  table(): string {
    const rows = this.phases.map((p) => `| ${p.phase} | ${p.role} | ${p.clicks} | ${p.keys} |`);
    const t = this.totals();
    return ['| Phase | Role | Clicks | Keys |', '|---|---|---:|---:|', ...rows, `| **Total** | | **${t.clicks}** | **${t.keys}** |`].join('\n');
  }

  write(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ phases: this.phases, totals: this.totals(), actions: this.actions }, null, 2)}\n`);
  }
}
