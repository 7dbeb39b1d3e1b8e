import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceBadges } from './EvidenceBadges';

afterEach(cleanup);

describe('EvidenceBadges: where a statement comes from, and how firm it is', () => {
  it('shows each source as the original work with its address and tag', () => {
    render(<EvidenceBadges sources={[{ sourceId: 'racoosin-2017-nejm', evidence: 'V' }]} citations={[]} />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('N Engl J Med 2015;373(24):2299–2301');
    expect(item.textContent).toContain('https://doi.org/10.1056/NEJMp1511754');
    expect(item.textContent).toContain('[V: verified]');
    expect(screen.queryByText('needs clinical review')).toBeNull();
  });

  it('a [V2] statement whose only source is no verified primary source needs review, and says why', () => {
    render(<EvidenceBadges sources={[{ sourceId: 'droracle-esi-glucose', evidence: 'V2' }]} citations={[{ id: 'droracle-esi-glucose', citation: 'as the screen has it' }]} />);
    expect(screen.getByText('needs clinical review')).toBeTruthy();
    expect(screen.queryByText('secondary source')).toBeNull();
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('(no verified primary source: needs clinical review)');
    expect(item.textContent).toContain('Known only from an AI-generated summary.');
  });

  it('finds a procedure-day source in the registry when the template does not cite it (NPSG.01.01.01)', () => {
    render(<EvidenceBadges sources={[{ sourceId: 'tjc-npsg-01-01-01', evidence: 'M' }]} citations={[]} />);
    expect(screen.getByRole('listitem').textContent).toContain('NPSG.01.01.01: use at least two patient identifiers');
  });
});
