import { useState, type ReactNode } from 'react';

/**
 * A screen in tabs, one panel showing at a time (issue 18: no screen longer than 3 viewport
 * heights at 1366x768). Every panel stays in the page, so a form keeps what was typed.
 */
export function ScreenTabs({ label, tabs }: { label: string; tabs: readonly { id: string; label: string; panel: ReactNode }[] }) {
  const [shown, setShown] = useState(tabs[0]!.id);
  return (
    <>
      <div role="tablist" aria-label={label} className="part-tabs screen-tabs">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-controls={`tabpanel-${t.id}`} aria-selected={t.id === shown} onClick={() => setShown(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`tabpanel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== shown}>
          {t.panel}
        </div>
      ))}
    </>
  );
}
