import { clinicTime } from '#shared/domain/clinic-time';
import { SOURCES } from '#shared/library/sources';
import { minutesBetween, observationFor, SEDATION_REMARK } from '#shared/workflow/observation';
import { EvidenceBadges } from './EvidenceBadges';

const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

export interface ObservationTimerProps {
  templateId: string;
  sedated: boolean;
  /** When the encounter entered recovery. */
  since: string;
  /** The time to judge by (useNow on the screen; any instant in a test). */
  now: string;
  /** The clinic's time zone: `since` shows in it, to the minute. */
  timeZone: string;
}

/**
 * Time in recovery against the template's minimum observation time (shared/workflow/observation.ts),
 * in whole minutes, with where the minimum comes from. Discharge before it needs a physician's reason.
 */
export function ObservationTimer({ templateId, sedated, since, now, timeZone }: ObservationTimerProps) {
  const sinceText = clinicTime(since, timeZone);
  const facts = observationFor(templateId);
  const minutes = minutesBetween(since, now);
  const left = facts.minimumMinutes - minutes;
  return (
    <section className={`card observation-timer${left > 0 ? ' waiting' : ' done'}`} aria-labelledby="observation-heading">
      <h3 id="observation-heading">Observation in recovery</h3>
      <p role="timer" aria-live="off" className="observation-clock">
        <strong>{minutes} min</strong> in recovery of a <strong>{facts.minimumMinutes} min</strong> minimum (since {sinceText}).
      </p>
      <p role="status" className={left > 0 ? 'observation-left' : 'observation-met'}>
        {left > 0 ? `${left} min to go. Discharge before then needs a physician's reason.` : 'Minimum observation time reached.'}
      </p>
      <div className="observation-basis">
        <span>{facts.basis}</span> <EvidenceBadges sources={facts.sources} citations={CITATIONS} />
      </div>
      {[...(sedated ? [SEDATION_REMARK] : []), ...facts.remarks].map((r) => (
        <div key={r.text} className="observation-basis">
          <span>{r.text}</span> <EvidenceBadges sources={r.sources} citations={CITATIONS} />
        </div>
      ))}
    </section>
  );
}
