import { useEffect } from 'react';
import { patientName } from '#shared/note/format';
import { useSchedule } from '../stores/schedule';

/**
 * The day's appointments from the EHR (issue 19, point 6), by time: each not yet started has a Start
 * button that opens the New encounter form with its patient, date, visit number and location; staff
 * choose the procedure. Walk-ins are still registered in the form by hand.
 */
export function SchedulePanel({ date }: { date: string }) {
  const { appointments, sources, error, pulled, load, pull, choose } = useSchedule();
  useEffect(() => {
    void load(date);
  }, [date, load]);
  const waiting = appointments.filter((a) => !a.encounterId);
  // A clinic with no schedule source set up registers every patient by hand: no panel to take room from the worklist.
  if (!sources.any && appointments.length === 0 && !error) return null;
  return (
    <section className="card schedule" aria-labelledby="schedule-heading">
      <div className="row">
        <h2 id="schedule-heading">Schedule from the EHR</h2>
        {sources.fhir && <button type="button" className="secondary" onClick={() => void pull(date)}>Get the day from the EHR</button>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {pulled && <p role="status">{pulled}</p>}
      {waiting.length === 0 ? (
        <p className="muted">{appointments.length ? 'Every appointment on this date is on the worklist.' : 'No appointments from the EHR on this date.'}</p>
      ) : (
        // Three columns: the panel sits in the worklist's narrow column (320 px at least) and must not scroll sideways.
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient · booked for · visit</th>
              <th scope="col"><span className="visually-hidden">Start</span></th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((a) => (
              <tr key={a.id}>
                <td>{a.time ?? '—'}</td>
                <td>
                  {patientName(a.patient)}
                  <div className="muted">MRN {a.patient.mrn} · born {a.patient.birthDate}</div>
                  {a.procedureText && <div>Booked for {a.procedureText}</div>}
                  {a.status === 'cancelled' && <div className="error">Cancelled by the EHR</div>}
                  {(a.visitNumber || a.location) && <div className="muted">{[a.visitNumber && `Visit ${a.visitNumber}`, a.location].filter(Boolean).join(' · ')}</div>}
                </td>
                <td>
                  <button type="button" className="primary" disabled={a.status === 'cancelled'} onClick={() => choose(a)}
                    aria-label={`Start an encounter for ${patientName(a.patient)} at ${a.time ?? 'no time'}`}>
                    Start
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
