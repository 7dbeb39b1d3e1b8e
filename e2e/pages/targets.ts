/**
 * Layout measures for issue 18: every interactive target at least 44x44 px (24 in compact),
 * and no page that scrolls sideways or runs longer than 3 viewport heights.
 */
import type { Page } from '@playwright/test';

export const INTERACTIVE = [
  'button', 'a[href]', 'input', 'select', 'textarea', 'summary',
  '[role=button]', '[role=checkbox]', '[role=radio]', '[role=tab]', '[role=link]', '[tabindex]:not([tabindex^="-"])',
].join(',');

/**
 * Every visible interactive element smaller than `min` in either dimension, as "name WxH" lines.
 * A checkbox or radio inside (or named by) a clickable label is measured by its label: that is what a finger hits.
 */
export async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate(({ selector, min }) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file')) {
        target = el.closest('label') ?? (el.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(el.id)}"]`) : null) ?? el;
      }
      const style = getComputedStyle(target);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed disclosure, hidden panel)
      if (r.width + 0.5 >= min && r.height + 0.5 >= min) continue; // sub-pixel layout: 43.99 is 44
      const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40) ?? '';
      out.push(`${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  }, { selector: INTERACTIVE, min });
}

/** The document's scroll size against the viewport: height in viewports, and whether anything scrolls sideways. */
export async function pageExtent(page: Page): Promise<{ screens: number; sideways: boolean }> {
  return page.evaluate(() => {
    const d = document.documentElement;
    return { screens: d.scrollHeight / window.innerHeight, sideways: d.scrollWidth > d.clientWidth };
  });
}
