// The shared progress bar: a named progressbar whose value (or "Working…" when
// the size of the work is unknown) reaches screen readers and the eye alike.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from './ProgressBar';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('counts done of total, clamped, under its label', () => {
    render(<ProgressBar label="Exporting notes" value={15} max={12} />);
    const bar = screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Exporting notes' });
    expect(bar.value).toBe(12);
    expect(bar.max).toBe(12);
    expect(bar.getAttribute('aria-valuetext')).toBe('12 of 12');
  });

  it('shows a percentage by default and "Working…" when the size is unknown', () => {
    render(<><ProgressBar label="Half" value={49.6} /><ProgressBar label="Writing the backup" /></>);
    expect(screen.getByRole('progressbar', { name: 'Half' }).getAttribute('aria-valuetext')).toBe('50%');
    const unknown = screen.getByRole('progressbar', { name: 'Writing the backup' });
    expect(unknown.hasAttribute('value')).toBe(false);
    expect(unknown.getAttribute('aria-valuetext')).toBe('Working…');
  });
});
