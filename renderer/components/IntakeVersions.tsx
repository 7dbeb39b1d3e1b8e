/**
 * The intake's earlier versions, under the form: each as the signed note's History section would
 * show it, with who recorded it and when. Versions are never changed, so this is what was recorded.
 */
import { noteClock } from '#shared/domain/clinic-time';
import { historySection } from '#shared/note/history';
import { useIntake } from '../stores/intake';
import { NoteBlockView } from './NoteBlockView';
import { useClinicTime } from './useClinicTime';

export function IntakeVersions() {
  const versions = useIntake((s) => s.versions);
  const clock = useClinicTime();
  const earlier = versions.slice(1);
  if (earlier.length === 0) return null;
  const noteTime = noteClock(clock.timeZone, null);
  return (
    <details className="intake-versions">
      <summary>Earlier versions of the intake ({earlier.length})</summary>
      <ol>
        {earlier.map((v, i) => (
          <li key={v.id}>
            <details>
              <summary>Version {earlier.length - i}: recorded by {v.recordedBy.name} ({v.recordedBy.role}) at {clock.dateTime(v.recordedAt)}</summary>
              {historySection(v, noteTime).blocks.map((b, j) => <NoteBlockView key={j} block={b} />)}
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}
