import { CartesianGrid, Legend, Line, LineChart, Symbols, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import type { TimelinePoint } from '#shared/contract/follow-up';
import { clinicDate, timelineSummary } from '#shared/domain/outcome-text';
import { ChartFigure } from './ChartFigure';

/**
 * Shapes and dash patterns tell the procedures apart, so the chart never relies
 * on colour (it prints in black). A hollow marker is a baseline before the procedure.
 */
export const SERIES_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
const DASHES = ['0', '8 4', '3 3', '12 4 3 4'];
const DAY_MS = 86_400_000;

interface Datum {
  t: number;
  score: number;
  kind: TimelinePoint['kind'];
  at: string;
}

/** One marker, carrying its values for the tests and anyone inspecting the SVG. */
function marker(shape: (typeof SERIES_SHAPES)[number], series: number) {
  return function Marker(props: DotItemDotProps) {
    const { cx, cy, index } = props;
    const payload = props.payload as Datum;
    if (typeof cx !== 'number' || typeof cy !== 'number') return null;
    return (
      <Symbols
        key={`${series}-${index}`}
        type={shape}
        cx={cx}
        cy={cy}
        size={payload.kind === 'baseline' ? 110 : 90}
        className={`chart-point ${payload.kind}`}
        stroke="currentColor"
        strokeWidth={2}
        // Hollow for a baseline (styles.css fills it with the card colour; white in print).
        fill={payload.kind === 'baseline' ? '#ffffff' : 'currentColor'}
        data-series={series}
        data-kind={payload.kind}
        data-at={payload.at}
        data-score={payload.score}
      />
    );
  };
}

/** Every pain score of the patient over time, one line per procedure; a data table is its text alternative. */
export function PainTimelineChart({ points, timeZone }: { points: readonly TimelinePoint[]; timeZone: string }) {
  const series = [...new Set(points.map((p) => p.encounterId))].map((encounterId, i) => {
    const own = points.filter((p) => p.encounterId === encounterId);
    return {
      encounterId,
      name: own[0]!.procedure,
      shape: SERIES_SHAPES[i % SERIES_SHAPES.length]!,
      dash: DASHES[i % DASHES.length]!,
      data: own.map((p): Datum => ({ t: Date.parse(p.at), score: p.score, kind: p.kind, at: p.at })),
    };
  });
  const times = points.map((p) => Date.parse(p.at));
  // Room either side, so the first and last markers stand clear of the axes.
  const pad = times.length ? Math.max(3 * DAY_MS, (Math.max(...times) - Math.min(...times)) * 0.06) : 0;
  const domain: [number, number] = times.length ? [Math.min(...times) - pad, Math.max(...times) + pad] : [0, 1];
  const summary = timelineSummary(points, timeZone);
  const table = (
    <table className="table chart-data" data-testid="timeline-data">
      <caption>Pain scores in the timeline</caption>
      <thead>
        <tr><th scope="col">Date</th><th scope="col">Procedure</th><th scope="col">Score</th><th scope="col">Kind</th></tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr key={`${p.encounterId}-${i}`}>
            <td>{clinicDate(p.at, timeZone)}</td>
            <td>{p.procedure}</td>
            <td>{p.score}</td>
            <td>{p.kind === 'baseline' ? 'baseline (before the procedure)' : 'follow-up'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure title="Pain-score timeline" summary={summary} table={table} className="timeline-chart">
      {points.length > 0 && (
        <LineChart width={880} height={260} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            tickFormatter={(t: number) => clinicDate(new Date(t).toISOString(), timeZone)}
            tick={{ fill: 'currentColor' }}
            stroke="currentColor"
            allowDuplicatedCategory={false}
          />
          <YAxis
            domain={[0, 10]}
            ticks={[0, 2, 4, 6, 8, 10]}
            tick={{ fill: 'currentColor' }}
            stroke="currentColor"
            label={{ value: 'Pain (0–10)', angle: -90, position: 'insideLeft', fill: 'currentColor' }}
          />
          <Legend wrapperStyle={{ color: 'inherit' }} />
          {series.map((s, i) => (
            <Line
              key={s.encounterId}
              data={s.data}
              dataKey="score"
              name={s.name}
              className={`series series-${i}`}
              stroke="currentColor"
              strokeWidth={2}
              strokeDasharray={s.dash}
              legendType={s.shape}
              dot={marker(s.shape, i)}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFigure>
  );
}
