// Dates, times and hyphenated identifiers stay whole in narrow cells; the text reads exactly as given.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoBreakValues } from './NoBreakValues';

afterEach(cleanup);

describe('NoBreakValues', () => {
  it('wraps each date-time and identifier in a no-break span and leaves the words free', () => {
    const text = 'Sent 2026-12-05 07:46 for DEL-1901, unchanged since 2026-12-06';
    const { container } = render(<p><NoBreakValues text={text} /></p>);
    expect(container.textContent).toBe(text);
    expect([...container.querySelectorAll('span.nowrap')].map((s) => s.textContent)).toEqual(['2026-12-05 07:46', 'DEL-1901', '2026-12-06']);
  });

  it('plain words pass through untouched', () => {
    const { container } = render(<p><NoBreakValues text="HL7 interface: queued" /></p>);
    expect(container.innerHTML).toBe('<p>HL7 interface: queued</p>');
  });
});
