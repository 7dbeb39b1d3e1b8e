import { useEffect } from 'react';
import type { DueRow } from '#shared/contract/follow-up-plan';
import { addDays } from '#shared/domain/follow-up-due';
import { useFollowUpsDue } from '../stores/follow-ups-due';
import { useNavigation } from '../stores/navigation';
import { DateField } from './DateField';
import { useDateFilter } from './useDateFilter';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function whyDue(r: DueRow, interval: number | null): string {
  if (r.plan) return `Planned ${r.plan.how === 'phone' ? 'call' : 'visit'} (by ${r.plan.by.name})${r.plan.notes ? `: ${r.plan.notes}` : ''}`;
  return `Clinic's usual follow-up, ${days(interval ?? 0)} after the procedure (nothing planned yet)`;
}

/**
 * Who is due for follow-up this week, by procedure and days since it. Each row
 * opens the patient's outcomes (click or Enter), where the follow-up is recorded
 * or the next contact planned.
 */
export function FollowUpsDueScreen() {
  const { weekOf, list, loading, error, setWeekOf, load } = useFollowUpsDue();
  const go = useNavigation((s) => s.go);
  const weekField = useDateFilter(weekOf ?? list?.today ?? '', setWeekOf);
  useEffect(() => {
    void load();
  }, [load]);
  const open = (r: DueRow) => go({ name: 'outcomes', patientId: r.patient.id });

  return (
    <div className="worklist">
      <section aria-labelledby="due-heading">
        <h1 id="due-heading">Follow-ups due</h1>
        <div className="filters">
          <DateField label="Week of" {...weekField} />
          {list && (
            <div className="row">
              <button type="button" className="secondary" onClick={() => setWeekOf(addDays(list.weekStart, -7))}>Previous week</button>
              <button type="button" className="secondary" onClick={() => setWeekOf(null)}>This week</button>
              <button type="button" className="secondary" onClick={() => setWeekOf(addDays(list.weekStart, 7))}>Next week</button>
            </div>
          )}
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        {list && (
          <p className="muted" aria-live="polite">
            {loading ? 'Loading…' : `${list.rows.length} due from ${list.weekStart} to ${list.weekEnd} (Monday to Sunday), overdue planned contacts included. `}
            {list.followUpAfterDays === null
              ? 'Only planned contacts are listed: the clinic has not set a usual follow-up interval (an administrator can, under Users & settings; the procedure library states none).'
              : `Procedures with nothing recorded or planned are listed ${days(list.followUpAfterDays)} after, the clinic's usual interval.`}
          </p>
        )}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">MRN</th>
              <th scope="col">Procedure</th>
              <th scope="col">Procedure date</th>
              <th scope="col">Days since</th>
              <th scope="col">Due</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {list?.rows.map((r) => {
              const name = `${r.patient.familyName}, ${r.patient.givenName}`;
              return (
                <tr key={`${r.encounter.id}-${r.plan?.id ?? 'interval'}`} className="clickable" tabIndex={0} aria-label={`${name}: open outcomes`}
                  onClick={() => open(r)} onKeyDown={(e) => { if (e.key === 'Enter') open(r); }}>
                  <th scope="row">{name}</th>
                  <td>{r.patient.mrn}</td>
                  <td>{r.templateName}</td>
                  <td>{r.procedureDate}</td>
                  <td>{days(r.daysSince)}</td>
                  <td>{r.dueDate}{r.overdue && <strong> (overdue)</strong>}</td>
                  <td>{whyDue(r, list.followUpAfterDays)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {list && list.rows.length === 0 && !loading && <p className="card empty">No one is due this week.</p>}
      </section>
    </div>
  );
}
