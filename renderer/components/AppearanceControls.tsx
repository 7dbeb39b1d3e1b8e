import { useId, useRef, type KeyboardEvent } from 'react';
import { THEMES, useAppearance, type Theme } from '../stores/appearance';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark (dim rooms)' };

/**
 * Theme and density for this workstation, behind one "Display" disclosure so it
 * fits the top bar and the sign-in screen. A native <details>: reachable with
 * Tab, opened with Enter or Space; Escape closes it and returns focus.
 */
export function AppearanceControls() {
  const { theme, density, setTheme, setDensity } = useAppearance();
  const name = useId();
  const details = useRef<HTMLDetailsElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !details.current?.open) return;
    event.stopPropagation();
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  }

  return (
    <details className="appearance" ref={details} onKeyDown={closeOnEscape}>
      <summary>Display</summary>
      <div className="appearance-panel">
        <fieldset>
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <label key={t} className="choice">
              <input type="radio" name={name} value={t} checked={theme === t} onChange={() => setTheme(t)} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={density === 'compact'} onChange={(e) => setDensity(e.target.checked ? 'compact' : 'comfortable')} />
          Compact layout (smaller controls)
        </label>
      </div>
    </details>
  );
}
