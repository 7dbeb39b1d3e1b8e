import { useEffect, useState } from 'react';
import { confirmGroupOf, moveToItem, moveToPart, shortcutFor } from './checklist-keys';
import { ShortcutHelp } from './ShortcutHelp';

/**
 * The encounter screen's keyboard layer: J/K (or the arrows on an item) move
 * between checklist items, ? opens the help overlay. Checking and "not
 * applicable" belong to the item with focus (ChecklistItemRow handles them and
 * marks the event handled, so this listener leaves them alone).
 */
export function ChecklistShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (action === 'help') setHelpOpen(true);
      else if (action === 'next' || action === 'previous') moveToItem(document.activeElement, action === 'next' ? 1 : -1);
      else if (action === 'confirm-group') { if (!confirmGroupOf(document.activeElement)) return; }
      else if (action === 'next-part' || action === 'previous-part') moveToPart(action === 'next-part' ? 1 : -1);
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      {/* The key itself as the button, so the rail keeps to one line at 1366 px; its name says what it opens. */}
      <button type="button" className="secondary" aria-keyshortcuts="?" aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
        <kbd>?</kbd>
      </button>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </>
  );
}
