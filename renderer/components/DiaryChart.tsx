import { CartesianGrid, Line, LineChart, ReferenceLine, Symbols, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import type { DiaryResult, PainDiary, ReliefThreshold } from '#shared/contract/follow-up';
import { clinicDateTime, diarySummary } from '#shared/domain/outcome-text';
import { formatHours, scoreAtThreshold } from '#shared/domain/outcomes';
import { ChartFigure } from './ChartFigure';

interface Datum {
  label: string;
  hours: number | null;
  score: number;
  relief: number | null;
}

/** Dash patterns for the threshold lines, in the order the library lists them (never colour alone). */
const THRESHOLD_DASHES = ['10 5', '3 4', '14 4 3 4'];

function DiaryMarker(props: DotItemDotProps) {
  const { cx, cy, index } = props;
  const payload = props.payload as Datum;
  if (typeof cx !== 'number' || typeof cy !== 'number') return null;
  const baseline = payload.hours === null;
  return (
    <Symbols
      key={index}
      type={baseline ? 'square' : 'circle'}
      cx={cx}
      cy={cy}
      size={100}
      className={`chart-point ${baseline ? 'baseline' : 'diary'}`}
      stroke="currentColor"
      strokeWidth={2}
      fill={baseline ? '#ffffff' : 'currentColor'}
      data-hours={payload.hours ?? 'baseline'}
      data-score={payload.score}
    />
  );
}

/**
 * The pain diary after a diagnostic block: the scores at each recorded time,
 * the baseline as a line, and a line for each relief threshold the template's
 * follow-up facts state (a score on or under it meets that threshold).
 * The times are evenly spaced on the chart (the table gives them exactly).
 */
export function DiaryChart({ diary, result, thresholds, timeZone }: { diary: PainDiary; result: DiaryResult; thresholds: readonly ReliefThreshold[]; timeZone: string }) {
  const data: Datum[] = [
    { label: 'Before', hours: null, score: diary.baseline, relief: null },
    ...result.points.map((p) => ({ label: formatHours(p.hours), hours: p.hours, score: p.score, relief: p.relief })),
  ];
  const lines = thresholds.filter((t) => t.appliesTo === 'diary').map((t, i) => ({ t, y: scoreAtThreshold(diary.baseline, t.percent), dash: THRESHOLD_DASHES[i % THRESHOLD_DASHES.length]! }));
  const summary = diarySummary(diary, result, thresholds, timeZone);
  const table = (
    <table className="table chart-data" data-testid="diary-data">
      <caption>Pain diary scores and relief against the baseline of {diary.baseline}</caption>
      <thead>
        <tr><th scope="col">Time after the block</th><th scope="col">Score</th><th scope="col">Relief</th></tr>
      </thead>
      <tbody>
        <tr><td>Before (baseline)</td><td>{diary.baseline}</td><td>—</td></tr>
        {result.points.map((p) => (
          <tr key={p.hours}>
            <td>{formatHours(p.hours)}</td>
            <td>{p.score}</td>
            <td>{p.relief === null ? 'n/a' : `${Math.floor(p.relief + 1e-9)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure title={`Pain diary after the block on ${clinicDateTime(diary.blockAt, timeZone)}`} summary={summary} table={table} className="diary-chart">
      {/* The right margin holds the reference lines' labels, clear of the curve. */}
      <LineChart data={data} width={1040} height={340} margin={{ top: 24, right: 380, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
        <XAxis dataKey="label" tick={{ fill: 'currentColor' }} stroke="currentColor" label={{ value: 'Time after the block (evenly spaced)', position: 'insideBottom', offset: -16, fill: 'currentColor' }} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fill: 'currentColor' }} stroke="currentColor" label={{ value: 'Pain (0–10)', angle: -90, position: 'insideLeft', fill: 'currentColor' }} />
        <ReferenceLine y={diary.baseline} className="baseline-line" stroke="currentColor" strokeWidth={1.5} strokeDasharray="1 3"
          label={{ value: `Baseline: ${diary.baseline}`, position: 'right', fill: 'currentColor', fontSize: 15 }} />
        {lines.map(({ t, y, dash }) => (
          <ReferenceLine key={t.factId} y={y} className="threshold-line" stroke="currentColor" strokeWidth={2} strokeDasharray={dash}
            data-threshold={t.percent}
            label={{ value: `≥${t.percent}% relief: score ≤ ${y}${t.needsReview ? ', needs clinical review' : ''}`, position: 'right', fill: 'currentColor', fontSize: 15 }} />
        ))}
        <Line dataKey="score" name="Pain score" className="series diary-series" stroke="currentColor" strokeWidth={2.5} dot={DiaryMarker} activeDot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
