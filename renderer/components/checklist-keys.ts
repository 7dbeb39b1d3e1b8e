import { useEncounterPart } from '../stores/encounter-part';

/**
 * The checklist's keyboard shortcuts: which key does what, in one table that
 * both the key handlers and the help overlay read, so the overlay can never
 * list a shortcut that does not exist.
 */

export type ShortcutAction = 'next' | 'previous' | 'check' | 'not-applicable' | 'confirm-group' | 'next-part' | 'previous-part' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** Values of KeyboardEvent.key that trigger it. */
  keys: readonly string[];
  /** How the help overlay shows the keys. */
  shown: readonly string[];
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j', 'J', 'ArrowDown'], shown: ['J', '↓'], description: 'Next checklist item' },
  { action: 'previous', keys: ['k', 'K', 'ArrowUp'], shown: ['K', '↑'], description: 'Previous checklist item' },
  { action: 'check', keys: ['c', 'C', ' '], shown: ['C', 'Space'], description: 'Check or uncheck the item' },
  { action: 'not-applicable', keys: ['n', 'N'], shown: ['N'], description: 'Not applicable: asks for the reason (Enter confirms, Esc cancels)' },
  { action: 'confirm-group', keys: ['a', 'A'], shown: ['A'], description: 'Confirm all open items of the section or risks list with focus (its "Confirm all" button)' },
  { action: 'next-part', keys: [']'], shown: [']'], description: 'Next part of the encounter (plan, pre-procedure, consent, time-out, procedure, recovery, note)' },
  { action: 'previous-part', keys: ['['], shown: ['['], description: 'Previous part of the encounter' },
  { action: 'help', keys: ['?'], shown: ['?'], description: 'Show these shortcuts (Esc closes)' },
];

/** Arrow keys scroll the page otherwise, so they act only with focus in a checklist item. */
const ONLY_IN_AN_ITEM = new Set(['ArrowDown', 'ArrowUp']);

/** Where typed characters belong to the field: shortcuts never fire there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** The checklist item (its <li>) that holds this element, if any. */
export function itemOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('li.checklist-item') ?? null;
}

/** The action a key press asks for, or null when it is not a shortcut here (typing, modifiers, another control's key). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'defaultPrevented'>): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return null;
  // Nothing behind an open modal dialog (the help overlay itself) reacts to keys.
  if (document.querySelector('[aria-modal="true"]')) return null;
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(event.key));
  if (!shortcut) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (ONLY_IN_AN_ITEM.has(event.key) && !itemOf(target)) return null;
  // Space already checks a focused checkbox and presses a focused button: it is a shortcut only on the row itself.
  if (event.key === ' ' && !(target instanceof HTMLElement && target.matches('li.checklist-item'))) return null;
  return shortcut.action;
}

/** Moves focus to the next or previous checklist item (the first or last when none has focus). Returns the item. */
export function moveToItem(from: Element | null, direction: 1 | -1): HTMLElement | null {
  // Only the part on show: the others are hidden.
  const items = Array.from(document.querySelectorAll<HTMLElement>('li.checklist-item')).filter((li) => !li.closest('[hidden]'));
  if (items.length === 0) return null;
  const current = itemOf(from);
  const index = current ? items.indexOf(current) + direction : direction === 1 ? 0 : items.length - 1;
  const target = items[Math.min(Math.max(index, 0), items.length - 1)]!;
  focusItem(target);
  return target;
}

/** Focuses an item's own control: its checkbox, else (not applicable, or a closed encounter) its first button, else the row itself. */
export function focusItem(item: HTMLElement): void {
  const control = item.querySelector<HTMLElement>('.item-main input:not(:disabled)') ?? item.querySelector<HTMLElement>(':scope > .na button:not(:disabled)');
  (control ?? item).focus();
  item.scrollIntoView?.({ block: 'nearest' });
}

/** Presses the group-confirm button of the section that holds this element; returns whether there was one. */
export function confirmGroupOf(from: Element | null): boolean {
  const button = from?.closest('.phase-section, section.checklist-section')?.querySelector<HTMLButtonElement>('.group-confirm-button:not(:disabled)');
  button?.click();
  return Boolean(button);
}

/** Shows the next or previous part of the encounter and focuses its tab on the rail ([ and ], the rail's buttons). */
export function moveToPart(direction: 1 | -1): HTMLElement | null {
  const part = useEncounterPart.getState().move(direction);
  const tab = document.getElementById(`part-tab-${part}`);
  tab?.focus();
  return tab;
}
