// The Display menu: theme and density are applied to <html> at once and kept in
// localStorage for this workstation; a damaged stored value falls back to the defaults.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppearance } from '../stores/appearance';
import { AppearanceControls } from './AppearanceControls';

afterEach(() => {
  cleanup();
  useAppearance.getState().setTheme('system');
  useAppearance.getState().setDensity('comfortable');
});

describe('Display menu', () => {
  it('switches the theme and compact mode on <html> and remembers them', async () => {
    const user = userEvent.setup();
    render(<AppearanceControls />);
    expect(document.documentElement.dataset.theme).toBe('system');
    await user.click(screen.getByText('Display'));
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Follow the system' }).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Dark (dim rooms)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Compact layout (smaller controls)' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.density).toBe('compact');
    expect(JSON.parse(localStorage.getItem('proceduredesk.appearance')!)).toEqual({ theme: 'dark', density: 'compact' });
  });

  it('closes with Escape and gives focus back to its summary', async () => {
    const user = userEvent.setup();
    const { container } = render(<AppearanceControls />);
    await user.click(screen.getByText('Display'));
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await user.keyboard('{Escape}');
    expect(container.querySelector('details')!.open).toBe(false);
    expect(document.activeElement).toBe(container.querySelector('summary'));
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
