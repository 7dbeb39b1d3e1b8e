import type { AuditAlarm } from '#shared/contract/audit';
import { useClinicTime } from './useClinicTime';

/**
 * On every screen while the audit trail and its seal disagree (db/audit-guard.ts): the app keeps
 * working for patient care, but nobody may miss that the record of who did what was cut or replaced.
 */
export function AuditAlarmBanner({ alarm, isAdmin, onReview }: { alarm: AuditAlarm; isAdmin: boolean; onReview: () => void }) {
  const clock = useClinicTime();
  return (
    <div role="alert" className="hard-stop audit-alarm">
      <strong>The audit trail failed its check</strong> at entry {alarm.firstBrokenSeq}: {alarm.reason}.{' '}
      Found {clock.dateTime(alarm.detectedAt)}; recorded in the trail.{' '}
      {isAdmin ? (
        <button type="button" className="secondary" onClick={onReview}>Review on the Audit trail screen</button>
      ) : (
        'Tell the clinic administrator, who reviews it on the Audit trail screen.'
      )}
    </div>
  );
}
