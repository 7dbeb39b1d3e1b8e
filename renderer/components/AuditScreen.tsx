import { useEffect, useState, type FormEvent } from 'react';
import { useAudit } from '../stores/audit';
import { useSession } from '../stores/session';
import { AuditAlarmAcknowledge } from './AuditAlarmAcknowledge';
import { offerDownload } from './download';
import { usePage } from './Paged';
import { useClinicTime } from './useClinicTime';

/** Who did what, when, to which record; every page checked against the chain and its seal; an export. */
export function AuditScreen() {
  const clock = useClinicTime();
  const { entries, verdict, error, load, verify, exportAll } = useAudit();
  const isAdmin = useSession((s) => s.user?.role === 'admin');
  const [action, setAction] = useState('');
  const [user, setUser] = useState('');
  // 20 rows a page keep the screen within 3 viewport heights at 1366x768 (issue 18; 25 measured 3.0+).
  const { shown, pager } = usePage(entries, 20);

  useEffect(() => {
    void load({});
  }, [load]);

  function filter(event: FormEvent) {
    event.preventDefault();
    void load({ action, user });
  }

  return (
    <div className="audit">
      <h1>Audit trail</h1>
      <form className="filters" onSubmit={filter} aria-label="Filter the audit trail">
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Any</option>
            {['patient.create', 'encounter.create', 'encounter.get', 'checklist.setItem', 'consent.save', 'note.export', 'note.sign', 'note.addAddendum', 'library.acceptFact', 'library.publish', 'library.import'].map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          User
          <input value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
        <button type="submit" className="primary">Filter</button>
        <button type="button" className="secondary" onClick={() => void verify()}>Check the chain</button>
        <button type="button" className="secondary" onClick={() => void exportAll().then((json) => offerDownload(`audit-trail_${clock.date(Date.now())}.json`, new Blob([json], { type: 'application/json' })))}>
          Export (JSON)
        </button>
      </form>
      {verdict && (
        <p role="status" className={verdict.ok ? 'done' : 'error'}>
          {verdict.ok ? `The audit chain is intact: ${verdict.entries} entries verified.` : `The audit chain is broken at entry ${verdict.firstBrokenSeq}: ${verdict.reason}.`}
        </p>
      )}
      {verdict?.ok && (
        <p className="muted">
          {verdict.sealed && `Seal #${verdict.sealed.counter} (kept outside the database): entry ${verdict.sealed.seq}, ${verdict.sealed.hash.slice(0, 12)}. `}
          {verdict.unverifiedBefore && `Entries before ${verdict.unverifiedBefore} predate an acknowledged break and cannot be verified.`}
        </p>
      )}
      {verdict && !verdict.ok && isAdmin && <AuditAlarmAcknowledge />}
      {error && <p role="alert" className="error">{error}</p>}
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Patient</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{clock.dateTime(e.at)}</td>
              <td>{e.user.name} ({e.user.role})</td>
              <td>{e.action}</td>
              <td>{e.patientId ? e.patientId.slice(0, 8) : '—'}</td>
              <td className="muted">{e.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </div>
  );
}
