import { useEffect } from 'react';
import { useChartExports } from '../stores/chart-exports';
import { useEncounter } from '../stores/encounter';
import { isSigned, useSigning } from '../stores/signing';
import { PrintableNote } from './PrintableNote';
import { useClinicTime } from './useClinicTime';

/**
 * Sending the signed note to the chart: the outbox (PDF, text, FHIR Bundle
 * and HL7 MDM written to the folder the integration engine or records staff
 * pick up), the list of what was sent, and printing.
 */
export function ChartOutbox() {
  const clock = useClinicTime();
  const encounterId = useEncounter((s) => s.encounterId);
  const signed = useSigning((s) => isSigned(s, encounterId));
  const outboxFolder = useEncounter((s) => s.settings?.outboxFolder ?? null);
  const { outbox, sending, outboxError, printError, loadOutbox, sendToOutbox, print } = useChartExports();

  useEffect(() => {
    if (encounterId) void loadOutbox(encounterId);
  }, [encounterId, loadOutbox]);
  const exports = outbox?.encounterId === encounterId ? outbox.exports : [];

  return (
    <section aria-labelledby="chart-outbox-heading">
      <h3 id="chart-outbox-heading">Send to the chart</h3>
      <p className="muted">
        {outboxFolder
          ? `Writes the signed note as PDF, text, FHIR R4 and HL7 MDM to the outbox folder ${outboxFolder}.`
          : 'No outbox folder is set yet; an administrator sets it under Users & settings.'}
        {!signed && ' Only a signed note is sent to the chart.'}
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={sending || !signed || !outboxFolder} onClick={() => void sendToOutbox()}>
          {sending ? 'Sending…' : exports.length ? 'Send to the outbox again' : 'Send to the outbox'}
        </button>
        <button type="button" className="secondary" onClick={() => void print()}>Print note</button>
      </div>
      {outboxError && <p role="alert" className="error">{outboxError}</p>}
      {printError && <p role="alert" className="error">{printError}</p>}
      {exports.length > 0 && (
        <table className="outbox-exports" aria-label="Exports to the outbox">
          <thead><tr><th scope="col">Sent</th><th scope="col">By</th><th scope="col">Document</th><th scope="col">Files</th></tr></thead>
          <tbody>
            {exports.map((e) => (
              <tr key={e.id}>
                <td>{clock.dateTime(e.at)}</td>
                <td>{e.by.name}</td>
                <td>
                  {e.documentId.slice(0, 8)}
                  {e.replacesDocumentId ? ` (replaces ${e.replacesDocumentId.slice(0, 8)}; ${e.addendaCount} addend${e.addendaCount === 1 ? 'um' : 'a'})` : ' (first)'}
                </td>
                <td>{e.files.map((f) => f.file).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PrintableNote />
    </section>
  );
}
