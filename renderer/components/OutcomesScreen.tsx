import { useEffect, useRef, useState } from 'react';
import type { Patient } from '#shared/contract/patient';
import { patientName } from '#shared/note/format';
import { useNavigation } from '../stores/navigation';
import { useOutcomes } from '../stores/outcomes';
import { PainTimelineChart } from './PainTimelineChart';
import { ProcedureOutcomes } from './ProcedureOutcomes';

/** Find the patient whose outcomes to show (by name or MRN). */
function PatientSearch() {
  const search = useOutcomes((s) => s.search);
  const go = useNavigation((s) => s.go);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Patient[] | null>(null);
  const seq = useRef(0);

  async function find(text: string) {
    setQuery(text);
    const mine = ++seq.current;
    const found = text.trim() ? await search(text.trim()) : null;
    if (mine === seq.current) setResults(found);
  }

  return (
    <section className="card" aria-label="Choose a patient">
      <label>
        Patient (name or MRN)
        <input type="search" autoFocus value={query} onChange={(e) => void find(e.target.value)} placeholder="Name or MRN" />
      </label>
      {results && results.length === 0 && <p role="status">No patient matches “{query}”.</p>}
      {results && results.length > 0 && (
        <ul className="results">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => go({ name: 'outcomes', patientId: p.id })}>
                {patientName(p)} <span className="muted">MRN {p.mrn} · DOB {p.birthDate}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * "Did it help?": one patient's pain scores across procedures, each diagnostic
 * block's pain diary against its baseline and the library's relief thresholds,
 * and the follow-ups, with the forms to record them.
 */
export function OutcomesScreen({ patientId }: { patientId: string | null }) {
  const { outcomes, timeZone, error, load } = useOutcomes();
  const go = useNavigation((s) => s.go);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (patientId) void load(patientId);
  }, [patientId, load]);
  const loadedId = outcomes?.patient.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  const current = outcomes && outcomes.patient.id === patientId ? outcomes : null;
  return (
    <div className="outcomes">
      <div className="row">
        <button type="button" className="secondary" onClick={() => go({ name: 'worklist' })}>← Worklist</button>
        {patientId && <button type="button" className="secondary" onClick={() => go({ name: 'outcomes', patientId: null })}>Another patient</button>}
      </div>
      {!patientId && (
        <>
          <h1>Follow-up and outcomes</h1>
          <PatientSearch />
        </>
      )}
      {patientId && error && !current && <p role="alert" className="error">{error}</p>}
      {patientId && !current && !error && <p aria-live="polite">Loading outcomes…</p>}
      {current && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            Outcomes: {patientName(current.patient)} <span className="muted">MRN {current.patient.mrn} · DOB {current.patient.birthDate}</span>
          </h1>
          <section className="card" aria-label="Pain-score timeline">
            <PainTimelineChart points={current.timeline} timeZone={timeZone} />
          </section>
          {current.procedures.length === 0 && <p className="empty">No procedures for this patient yet.</p>}
          {[...current.procedures].reverse().map((p) => (
            <ProcedureOutcomes key={p.encounter.id} outcome={p} timeZone={timeZone} />
          ))}
        </>
      )}
    </div>
  );
}
