/**
 * Counts what a person does on the screen, per phase and role, for the issue-18 journey:
 * a click is one pointer click (choosing from a drop-down is two: open, choose); keys are
 * the characters typed plus special keys pressed. Filling a field counts one click to focus it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

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

  private count(target: Locator, clicks: number, keys: number): void {
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

  /** Opens a drop-down and chooses an option: two clicks. */
  async select(target: Locator, option: { label: string } | string): Promise<void> {
    await target.selectOption(option);
    this.count(target, 2, 0);
  }

  /** A special key (Enter, Tab, ...). */
  async press(target: Locator, key: string): Promise<void> {
    await target.press(key);
    this.count(target, 0, 1);
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
