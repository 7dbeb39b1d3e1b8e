import type { FollowUp, Verdict } from '#shared/contract/follow-up';
import { clinicDate, clinicDateTime } from '#shared/domain/outcome-text';
import { formatDuration } from '#shared/domain/outcomes';
import { VerdictList } from './OutcomeVerdicts';
import { VoidControl } from './VoidControl';

const score = (n: number | null) => (n === null ? '—' : String(n));

/**
 * The procedure's follow-ups, oldest first, with each one's verdicts against
 * the follow-up rules. Voided ones stay, struck through, with who, when and why.
 */
export function FollowUpTable({ followUps, verdicts, timeZone, onVoid }: {
  followUps: readonly FollowUp[];
  verdicts: readonly { followUpId: string; verdicts: Verdict[] }[];
  timeZone: string;
  onVoid: (id: string, reason: string) => Promise<Record<string, string> | null>;
}) {
  if (followUps.length === 0) return <p className="empty">No follow-ups recorded yet.</p>;
  return (
    <table className="table follow-ups">
      <caption>Follow-ups</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Pain (0–10)</th>
          <th scope="col">Interference: work / sleep / daily activities (0–10)</th>
          <th scope="col">Relief</th>
          <th scope="col">Lasted</th>
          <th scope="col">Recorded by</th>
        </tr>
      </thead>
      <tbody>
        {followUps.map((f) => {
          const own = verdicts.find((v) => v.followUpId === f.id)?.verdicts ?? [];
          const when = clinicDate(f.seenAt, timeZone);
          const cells = (
            <>
              <td>{when}</td>
              <td>{f.painScore}</td>
              <td>{score(f.function.work)} / {score(f.function.sleep)} / {score(f.function.dailyActivities)}</td>
              <td>{f.percentRelief === null ? '—' : `${f.percentRelief}%`}</td>
              <td>{f.reliefDuration ? `${formatDuration(f.reliefDuration)}${f.reliefOngoing ? ', ongoing' : ''}` : '—'}</td>
              <td>{f.by.name} ({f.by.role})</td>
            </>
          );
          return [
            // A voided row is struck through (styles.css) and its detail row says so in words.
            <tr key={f.id} className={f.voided ? 'voided' : undefined} data-follow-up={f.id}>
              {cells}
            </tr>,
            <tr key={`${f.id}-detail`} className="follow-up-detail">
              <td colSpan={6}>
                {f.notes && <p className="record-by">Notes: {f.notes}</p>}
                {f.voided ? (
                  <p className="record-voided">
                    Voided by {f.voided.by.name} ({f.voided.by.role}), <time dateTime={f.voided.at}>{clinicDateTime(f.voided.at, timeZone)}</time>: {f.voided.reason}
                  </p>
                ) : (
                  <>
                    <VerdictList verdicts={own} />
                    <VoidControl what={`follow-up of ${when}`} onVoid={(reason) => onVoid(f.id, reason)} />
                  </>
                )}
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
