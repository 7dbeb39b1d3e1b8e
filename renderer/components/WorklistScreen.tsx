import { ENCOUNTER_STATES, STATE_LABELS, type EncounterState } from '#shared/workflow/states';
import { useEffect, useState } from 'react';
import { useWorklist } from '../stores/worklist';
import { BatchExportPanel } from './BatchExportPanel';
import { DateField } from './DateField';
import { DayTeamDialog } from './DayTeamPicker';
import { NewEncounterPanel } from './NewEncounterPanel';
import { SchedulePanel } from './SchedulePanel';
import { useSchedule } from '../stores/schedule';
import { useDateFilter } from './useDateFilter';
import { VIRTUALIZE_ABOVE, WorklistRows } from './WorklistRows';

export function WorklistScreen() {
  const { date, query, state, rows, loading, error, setDate, setQuery, setState, load, watch, addDemoData } = useWorklist();
  const [demoNote, setDemoNote] = useState<string | null>(null);
  const [pickingTeam, setPickingTeam] = useState(false);
  const dateField = useDateFilter(date, setDate);
  // The appointment time of each encounter started from the EHR's schedule (issue 19), shown on its row.
  const appointments = useSchedule((s) => s.appointments);
  const times = new Map(appointments.flatMap((a) => (a.encounterId && a.time ? [[a.encounterId, a.time] as const] : [])));

  useEffect(() => {
    void load();
    return watch();
  }, [load, watch]);

  return (
    <div className="worklist">
      <section aria-labelledby="worklist-heading">
        <div className="row worklist-heading">
          <h1 id="worklist-heading">Worklist</h1>
          <button type="button" className="secondary" onClick={() => setPickingTeam(true)}>Today&apos;s team</button>
        </div>
        {pickingTeam && <DayTeamDialog date={date} onClose={() => setPickingTeam(false)} />}
        <div className="filters">
          <DateField label="Date" {...dateField} />
          <label className="grow">
            Find patient (name or MRN)
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Núñez or DEMO-1001" />
          </label>
          <label>
            State
            <select value={state ?? ''} onChange={(e) => setState(e.target.value ? (e.target.value as EncounterState) : null)}>
              <option value="">All states</option>
              {ENCOUNTER_STATES.map((s) => (
                <option key={s} value={s}>{STATE_LABELS[s]}</option>
              ))}
            </select>
          </label>
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        <p className="muted" aria-live="polite">
          {loading ? 'Loading…' : query.trim() ? `${rows.length} encounter(s) for "${query.trim()}" (all dates)` : `${rows.length} encounter(s) on ${date}`}
        </p>
        {!loading && rows.length === 0 && !query.trim() && (
          <div className="card empty">
            <p>No encounters on this date. Open one with “New encounter”, or, on a first run, look around with sample patients.</p>
            <button type="button" className="secondary" onClick={() => void addDemoData().then((added) =>
              setDemoNote(added ? 'Sample patients and today’s encounters added.' : 'Sample data is only added to an empty database.'))}>
              Add demo patients
            </button>
            {demoNote && <p role="status">{demoNote}</p>}
          </div>
        )}
        <table className="table" aria-rowcount={rows.length > VIRTUALIZE_ABOVE ? rows.length + 1 : undefined}>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Procedure</th>
              <th scope="col">Date</th>
              <th scope="col">State</th>
              <th scope="col">Checklist</th>
              <th scope="col">Decision</th>
              <th scope="col"><span className="visually-hidden">Open</span></th>
            </tr>
          </thead>
          <WorklistRows rows={rows} times={times} />
        </table>
      </section>
      <SchedulePanel date={date} />
      <NewEncounterPanel />
      <BatchExportPanel date={date} />
    </div>
  );
}
