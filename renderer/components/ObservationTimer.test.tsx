import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ObservationTimer } from './ObservationTimer';

afterEach(cleanup);

const SINCE = '2026-11-24T15:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(SINCE) + offsetMs).toISOString();

describe('ObservationTimer', () => {
  it('41 s in: 0 of 15 min, 15 to go, the minimum marked needs clinical review', () => {
    render(<ObservationTimer templateId="lumbar-transforaminal-esi" sedated={false} since={SINCE} now={at(41_000)} timeZone="America/New_York" />);
    expect(screen.getByRole('timer').textContent).toBe('0 min in recovery of a 15 min minimum (since 10:00).');
    expect(screen.getByRole('status').textContent).toBe("15 min to go. Discharge before then needs a physician's reason.");
    expect(screen.getByText('needs clinical review')).toBeTruthy();
    expect(screen.queryByText(/naloxone/)).toBeNull();
  });

  it('follows the clock it is given: at 15 min the minimum is reached', () => {
    const { rerender } = render(<ObservationTimer templateId="scs-trial" sedated since={SINCE} now={at(14 * 60_000 + 59_000)} timeZone="Europe/Berlin" />);
    expect(screen.getByRole('timer').textContent).toContain('14 min in recovery');
    rerender(<ObservationTimer templateId="scs-trial" sedated since={SINCE} now={at(15 * 60_000)} timeZone="Europe/Berlin" />);
    expect(screen.getByRole('status').textContent).toBe('Minimum observation time reached.');
    // Sedated: the Aldrete criterion and the reversal-drug remark; SCS: the overnight remark.
    expect(screen.getByText(/Observe longer, up to about 2 hours, if naloxone or flumazenil was given/)).toBeTruthy();
    expect(screen.getByText(/some clinicians keep patients in overnight/)).toBeTruthy();
  });
});
