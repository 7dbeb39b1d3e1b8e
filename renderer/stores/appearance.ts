/**
 * How the app looks on this computer: theme (follow the system, light or dark)
 * and density (comfortable 44 px targets, or compact). A per-workstation
 * preference, not a clinic setting, so it lives in localStorage and never
 * reaches the core. Applied as data attributes on <html>, which
 * renderer/theme.css reads; "system" leaves the choice to prefers-color-scheme.
 */
import { create } from 'zustand';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export type Density = 'comfortable' | 'compact';

export interface Appearance {
  theme: Theme;
  density: Density;
}

const KEY = 'proceduredesk.appearance';
const DEFAULTS: Appearance = { theme: 'system', density: 'comfortable' };

function read(): Appearance {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Appearance>;
    return {
      theme: THEMES.includes(raw.theme as Theme) ? (raw.theme as Theme) : DEFAULTS.theme,
      density: raw.density === 'compact' ? 'compact' : DEFAULTS.density,
    };
  } catch {
    // Storage unavailable or a damaged value: the defaults are always safe.
    return DEFAULTS;
  }
}

function apply({ theme, density }: Appearance): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.density = density;
}

interface AppearanceState extends Appearance {
  setTheme: (theme: Theme) => void;
  setDensity: (density: Density) => void;
}

export const useAppearance = create<AppearanceState>((set, get) => {
  const save = (next: Appearance) => {
    apply(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Not persisted (storage full or blocked); it still applies for this window.
    }
    set(next);
  };
  const initial = read();
  // Applied as the store is created, i.e. before the first render (main.tsx imports it first).
  apply(initial);
  return {
    ...initial,
    setTheme: (theme) => save({ theme, density: get().density }),
    setDensity: (density) => save({ theme: get().theme, density }),
  };
});
