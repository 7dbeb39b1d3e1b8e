import { batchSummary } from '#shared/domain/batch-summary';
import { useChartExports } from '../stores/chart-exports';
import { ProgressBar } from './ProgressBar';

/**
 * "Send the day's signed notes to the chart": a batch export to the outbox
 * that runs in the core's background while everyone keeps working; progress
 * is polled, and it can be cancelled (what was sent stays sent).
 */
export function BatchExportPanel({ date }: { date: string }) {
  const { batch, batchError, startBatch, cancelBatch } = useChartExports();
  const running = batch?.state === 'running';
  const unsigned = batch?.problems.filter((p) => p.reason.includes('not signed')).length ?? 0;
  const failures = batch ? batch.problems.length - unsigned : 0;
  return (
    <section className="card batch-export" aria-labelledby="batch-export-heading">
      <h2 id="batch-export-heading">Send the day's notes to the chart</h2>
      <div className="row">
        <button type="button" className="secondary" disabled={running} onClick={() => void startBatch(date)}>
          Send signed notes of <span className="nowrap">{date}</span> to the outbox
        </button>
        {running && <button type="button" className="secondary" onClick={() => void cancelBatch()}>Cancel sending</button>}
      </div>
      {batchError && <p role="alert" className="error">{batchError}</p>}
      {batch && (
        <div aria-live="polite">
          <ProgressBar label="Notes sent to the outbox" value={batch.exported + batch.failed} max={Math.max(batch.total, 1)}
            detail={`${batch.exported} of ${batch.total} sent${batch.failed ? `, ${batch.failed} failed` : ''}${batch.alreadySent ? `, ${batch.alreadySent} already sent unchanged` : ''}`} />
          <p>{batchSummary(batch, unsigned)}</p>
          {failures > 0 && (
            <ul className="error">
              {batch.problems.filter((p) => !p.reason.includes('not signed')).slice(0, 10).map((p) => <li key={p.encounterId}>{p.reason}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
