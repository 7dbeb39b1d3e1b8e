import { useEffect, useState } from 'react';
import { ledgerLine } from '#shared/domain/steroid-ledger';
import { useEncounter } from '../stores/encounter';
import { useSteroidLedger } from '../stores/steroid-ledger';

/**
 * One line (issue 20 point 3): the steroid this patient's procedure records say was given in
 * the last 12 months, per drug, with today's plan apart. Its fold lists each procedure and the
 * fact base's two gaps (no common equivalent, no cumulative limit), each needing clinical review.
 */
export function SteroidLedgerFold() {
  const encounterId = useEncounter((s) => s.encounterId);
  const recordCount = useEncounter((s) => s.detail?.records.length ?? 0);
  const { ledger, ledgerOf, error, load } = useSteroidLedger();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (encounterId) void load(encounterId, recordCount);
  }, [encounterId, recordCount, load]);
  if (error) return <p role="alert" className="error">Steroid in the last 12 months could not be read: {error}</p>;
  if (!ledger || ledgerOf !== encounterId) return null;
  const entries = [...ledger.drugs.flatMap((d) => d.entries.map((e) => ({ ...e, drug: d.drug, why: '' }))), ...ledger.unsummed].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <details className="fold steroid-ledger" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Steroid in the last 12 months: {ledgerLine(ledger)}{open ? '' : ' ▸'}</summary>
      <ul aria-label={`Steroid given from ${ledger.from} to ${ledger.to}`}>
        {entries.map((e, i) => (
          <li key={`${e.encounterId}-${i}`}>{e.date}: {e.name}{e.name.toLowerCase() === e.drug.toLowerCase() ? '' : ` (${e.drug})`}, {e.dose || 'no dose recorded'}{e.why ? `: ${e.why}` : ''}</li>
        ))}
        {entries.length === 0 && <li>No steroid recorded as given from {ledger.from} to {ledger.to}.</li>}
        {ledger.reviewLines.map((line) => <li key={line}>{line}</li>)}
        <li className="muted">Counted: what each procedure record lists as given, where the steroid table names it or it reads as a corticosteroid; a name the table does not know may be missed. Planned doses are not counted.</li>
      </ul>
    </details>
  );
}
