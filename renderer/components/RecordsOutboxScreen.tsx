import { useEffect } from 'react';
import { clinicDateTime } from '#shared/domain/outcome-text';
import { useChartExports } from '../stores/chart-exports';
import { deliveriesUnderWay, useRecordsOutbox, type RecordsRow } from '../stores/records-outbox';
import { NoBreakValues } from './NoBreakValues';
import { BatchExportPanel } from './BatchExportPanel';
import { DateField } from './DateField';
import { deliveryWords } from './delivery-words';
import { useDateFilter } from './useDateFilter';

/** Where the note stands against the outbox, in words a records clerk uses. */
function outboxWords(r: RecordsRow, timeZone: string): string {
  if (!r.signed) return 'Not signed yet: nothing to send';
  if (!r.lastSent) return 'Not sent';
  const when = clinicDateTime(r.lastSent.at, timeZone);
  if (r.lastSent.addendaCount < r.signed.addenda) return `Sent ${when}; an addendum was signed since: send again`;
  return `Sent ${when}, unchanged since`;
}

/**
 * The records desk: the day's notes and the outbox. A records account sees the
 * list, whether each note is signed and sent, sends one or the whole day, and
 * changes no clinical content (the core refuses it; nothing here offers it).
 */
export function RecordsOutboxScreen() {
  const { date, rows, timeZone, loading, error, sending, setDate, load, send, retry } = useRecordsOutbox();
  const batchState = useChartExports((s) => s.batch?.state);
  const dateField = useDateFilter(date, setDate);
  useEffect(() => {
    void load();
  }, [load]);
  // The worker sends in the background: while a delivery is under way, read again until it has an outcome.
  useEffect(() => {
    if (!deliveriesUnderWay(rows, Date.now())) return;
    const timer = setTimeout(() => void load(true), 1_500);
    return () => clearTimeout(timer);
  }, [rows, load]);
  // A batch that finishes changes what is sent: read the list again.
  useEffect(() => {
    if (batchState && batchState !== 'running') void load();
  }, [batchState, load]);

  return (
    <div className="worklist">
      <section aria-labelledby="records-heading">
        <h1 id="records-heading">Chart outbox</h1>
        <div className="filters">
          <DateField label="Date" {...dateField} />
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        <p className="muted" aria-live="polite">{loading ? 'Loading…' : `${rows.length} encounter(s) on ${date}`}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">MRN</th>
              <th scope="col">Procedure</th>
              <th scope="col">Note</th>
              <th scope="col">Outbox</th>
              <th scope="col">Delivery</th>
              <th scope="col"><span className="visually-hidden">Send</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = `${r.row.patient.familyName}, ${r.row.patient.givenName}`;
              const current = r.signed && r.lastSent && r.lastSent.addendaCount >= r.signed.addenda;
              // The chart said it has this version: sending it again would only file a duplicate there.
              const acknowledged = current && r.deliveries.length > 0 && r.deliveries.every((d) => d.state === 'acknowledged');
              return (
                <tr key={r.row.encounter.id}>
                  <th scope="row">{name}</th>
                  <td className="nowrap">{r.row.patient.mrn}</td>
                  <td>{r.row.templateName}</td>
                  <td><NoBreakValues text={r.signed ? `Signed ${clinicDateTime(r.signed.at, timeZone)}${r.signed.addenda ? `, ${r.signed.addenda} addend${r.signed.addenda === 1 ? 'um' : 'a'}` : ''}` : 'Not signed'} /></td>
                  <td><NoBreakValues text={outboxWords(r, timeZone)} /></td>
                  <td>
                    {r.deliveries.length === 0 ? (r.lastSent ? 'Outbox folder only' : '') : (
                      <ul className="items">
                        {r.deliveries.map((d) => (
                          <li key={d.id}>
                            <NoBreakValues text={deliveryWords(d, timeZone)} />
                            {(d.state === 'failed' || (d.state === 'queued' && d.attempts > 0)) && (
                              <> <button type="button" className="secondary" aria-label={`Retry the delivery now: ${name}`} onClick={() => void retry(r.row.encounter.id, d.id)}>Retry delivery now</button></>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {acknowledged ? <span className="muted">Nothing to send</span> : r.signed && (
                      <button type="button" className="secondary" disabled={sending !== null} aria-label={`${current ? 'Send again' : 'Send'}: ${name}`}
                        onClick={() => void send(r.row.encounter.id)}>
                        {sending === r.row.encounter.id ? 'Sending…' : current ? 'Send again' : 'Send to the outbox'}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <BatchExportPanel date={date} />
    </div>
  );
}
