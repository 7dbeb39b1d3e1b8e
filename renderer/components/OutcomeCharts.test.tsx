import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PainDiary, ReliefThreshold, TimelinePoint } from '#shared/contract/follow-up';
import { judgeDiary } from '#shared/domain/outcomes';
import { DiaryChart } from './DiaryChart';
import { DiaryForm } from './DiaryForm';
import { FollowUpForm } from './FollowUpForm';
import { PainTimelineChart } from './PainTimelineChart';

afterEach(cleanup);

const E1 = '00000000-0000-4000-8000-000000000001';
const E2 = '00000000-0000-4000-8000-000000000002';
const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;

const CONSENSUS: ReliefThreshold = {
  factId: 'rfa-threshold-consensus', purpose: 'before RFA', label: 'lumbar facet consensus, Cohen 2020', percent: 50, alternative: null, appliesTo: 'diary',
  blocksRequired: null, minDuration: null, factText: '≥50%', sources: [{ sourceId: 'cohen-2020-lumbar-facet', evidence: 'M', citation: 'Cohen 2020' }],
  needsReview: true, reviewedBy: null,
};
const PAYER: ReliefThreshold = { ...CONSENSUS, factId: 'rfa-threshold-payer', label: 'payer', percent: 80, blocksRequired: 2, needsReview: false, sources: [{ sourceId: 'x', evidence: 'V2', citation: 'x' }] };

const DIARY: PainDiary = {
  id: E1, encounterId: E1, blockAt: '2026-10-27T14:00:00.000Z', baseline: 7, localAnaesthetic: 'bupivacaine 0.5%',
  entries: [{ hours: 0.5, score: 2 }, { hours: 1, score: 1 }, { hours: 4, score: 2 }, { hours: 8, score: 5 }],
  notes: '', at: '2026-10-29T10:00:00.000Z', by: NURSE, voided: null,
};

const points = (container: HTMLElement) =>
  [...container.querySelectorAll('.chart-point')].map((p) => [p.getAttribute('data-hours') ?? p.getAttribute('data-at'), p.getAttribute('data-score')]);

describe('DiaryChart', () => {
  it('draws the baseline and each score as SVG points, the threshold lines, and a table and summary with the same values', () => {
    const result = judgeDiary(DIARY, [CONSENSUS, PAYER], () => 1);
    const { container } = render(<DiaryChart diary={DIARY} result={result} thresholds={[CONSENSUS, PAYER]} timeZone="UTC" />);
    expect(points(container)).toEqual([['baseline', '7'], ['0.5', '2'], ['1', '1'], ['4', '2'], ['8', '5']]);
    expect(container.querySelector('svg')).not.toBeNull();
    expect(container.textContent).toContain('≥50% relief: score ≤ 3.5, needs clinical review');
    expect(container.textContent).toContain('≥80% relief: score ≤ 1.4');
    expect(container.textContent).toContain('Baseline: 7');

    const figure = screen.getByRole('figure', { name: /Pain diary after the block on 2026-10-27 14:00/ });
    const img = within(figure).getByRole('img');
    expect(img.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(img.getAttribute('aria-labelledby')!)!.textContent).toMatch(/^Pain diary after the block on 2026-10-27 14:00 \(bupivacaine 0\.5%\): baseline 7; then 2 at 30 min, 1 at 1 h, 2 at 4 h, 5 at 8 h\. Peak relief 85% at 1 h\./);
    const rows = within(screen.getByTestId('diary-data')).getAllByRole('row').map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows.slice(1)).toEqual([['Before (baseline)', '7', '—'], ['30 min', '2', '71%'], ['1 h', '1', '85%'], ['4 h', '2', '71%'], ['8 h', '5', '28%']]);
  });
});

describe('PainTimelineChart', () => {
  it('one line per procedure with a distinct marker shape; hollow baselines; the table lists every point', () => {
    const timeline: TimelinePoint[] = [
      { at: '2026-08-18T13:00:00.000Z', score: 8, kind: 'baseline', encounterId: E1, procedure: 'ESI (2026-08-18)' },
      { at: '2026-09-01T15:00:00.000Z', score: 5, kind: 'follow-up', encounterId: E1, procedure: 'ESI (2026-08-18)' },
      { at: '2026-10-27T13:00:00.000Z', score: 7, kind: 'baseline', encounterId: E2, procedure: 'MBB (2026-10-27)' },
    ];
    const { container } = render(<PainTimelineChart points={timeline} timeZone="UTC" />);
    const drawn = [...container.querySelectorAll('.chart-point')].map((p) => [p.getAttribute('data-series'), p.getAttribute('data-kind'), p.getAttribute('data-score')]);
    expect(drawn).toEqual([['0', 'baseline', '8'], ['0', 'follow-up', '5'], ['1', 'baseline', '7']]);
    const shapes = new Set([...container.querySelectorAll('.chart-point')].map((p) => p.getAttribute('d')?.slice(0, 12)));
    expect(shapes.size).toBeGreaterThan(1);
    const rows = within(screen.getByTestId('timeline-data')).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['2026-08-18', 'ESI (2026-08-18)', '8', 'baseline (before the procedure)'],
      ['2026-09-01', 'ESI (2026-08-18)', '5', 'follow-up'],
      ['2026-10-27', 'MBB (2026-10-27)', '7', 'baseline (before the procedure)'],
    ]);
    expect(screen.getByRole('figure', { name: 'Pain-score timeline' }).textContent).toContain('across 2 procedures');
  });
});

describe('the outcome forms', () => {
  it('FollowUpForm sends the follow-up from the keyboard, with empty function fields as not asked', async () => {
    const onSubmit = vi.fn(() => Promise.resolve(null));
    render(<FollowUpForm encounterId={E1} procedure="MBB" timeZone="UTC" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Record a follow-up: MBB' });
    const when = within(form).getByLabelText('Date and time of the follow-up');
    await user.clear(when);
    await user.type(when, '2026-11-01T10:30');
    await user.click(within(form).getByRole('radio', { name: '3' }));
    await user.selectOptions(within(form).getByLabelText('Sleep'), '2');
    await user.type(within(form).getByLabelText('Percent relief (0–100)'), '60');
    await user.type(within(form).getByLabelText('Relief lasted'), '3');
    await user.selectOptions(within(form).getByLabelText('Unit'), 'weeks');
    await user.click(within(form).getByLabelText('Relief still ongoing'));
    await user.click(within(form).getByRole('button', { name: 'Record follow-up' }));
    expect(onSubmit).toHaveBeenCalledWith({
      encounterId: E1, seenAt: '2026-11-01T10:30:00.000Z', painScore: 3, function: { work: null, sleep: 2, dailyActivities: null },
      percentRelief: 60, reliefDuration: { value: 3, unit: 'weeks' }, reliefOngoing: true, notes: '',
    });
  });

  it('FollowUpForm refuses a relief over 100 and a missing pain score without sending', async () => {
    const onSubmit = vi.fn(() => Promise.resolve(null));
    render(<FollowUpForm encounterId={E1} procedure="MBB" timeZone="UTC" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Percent relief (0–100)'), '120');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Choose the pain score.')).toBeTruthy();
    expect(screen.getByLabelText('Percent relief (0–100)').getAttribute('aria-invalid')).toBe('true');
  });

  it('DiaryForm sends only the times filled in, and shows the core\'s errors', async () => {
    const onSubmit = vi.fn(() => Promise.resolve<Record<string, string> | null>({ form: 'This encounter already has a pain diary.' }));
    render(<DiaryForm encounterId={E1} procedure="MBB" timeZone="UTC" onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Block done at'), '2026-10-27T14:00');
    await user.selectOptions(screen.getByLabelText('Baseline pain before the block'), '7');
    await user.type(screen.getByLabelText('Local anaesthetic (as recorded)'), 'lidocaine 2%');
    await user.type(screen.getByLabelText('30 min'), '2');
    await user.type(screen.getByLabelText('2 h'), '4');
    await user.click(screen.getByRole('button', { name: 'Save pain diary' }));
    expect(onSubmit).toHaveBeenCalledWith({
      encounterId: E1, blockAt: '2026-10-27T14:00:00.000Z', baseline: 7, localAnaesthetic: 'lidocaine 2%',
      entries: [{ hours: 0.5, score: 2 }, { hours: 2, score: 4 }], notes: '',
    });
    expect(screen.getByRole('alert').textContent).toContain('already has a pain diary');
  });
});
