/**
 * The intake's one line in the pre-procedure part: who recorded it and when, and a button that
 * opens the full form in a dialog (the part stays within 3 viewport heights).
 */
import { useEffect, useState } from 'react';
import { useIntake } from '../stores/intake';
import { Dialog } from './Dialog';
import { IntakeForm } from './IntakeForm';
import { IntakeVersions } from './IntakeVersions';
import { useClinicTime } from './useClinicTime';

export function IntakeSummary({ patientId, disabled }: { patientId: string; disabled: boolean }) {
  const versions = useIntake((s) => s.versions);
  const loaded = useIntake((s) => s.patientId === patientId);
  const error = useIntake((s) => s.error);
  const load = useIntake((s) => s.load);
  const clock = useClinicTime();
  const [open, setOpen] = useState(false);
  useEffect(() => { void load(patientId); }, [patientId, load]);

  const latest = loaded ? versions[0] ?? null : null;
  const line = latest
    ? `Intake: recorded by ${latest.recordedBy.name} at ${clock.dateTime(latest.recordedAt)}${versions.length > 1 ? ` (version ${versions.length})` : ''}`
    : 'Intake: not recorded yet';
  return (
    <div className="intake-summary row">
      <span>{line}</span>
      {latest && <span className="muted">Pain {latest.intake.painScore ?? '–'}/10 · {latest.intake.symptoms.length} symptom(s) · {latest.intake.therapies.length} previous therap{latest.intake.therapies.length === 1 ? 'y' : 'ies'}</span>}
      <button type="button" className="secondary" onClick={() => setOpen(true)}>{latest ? 'Open the intake ▸' : 'Record the intake ▸'}</button>
      {error && <span role="alert" className="error">{error}</span>}
      {open && (
        <Dialog title="Patient intake" onClose={() => setOpen(false)}>
          <IntakeForm latest={latest?.intake ?? null} disabled={disabled} onSaved={() => setOpen(false)} />
          <IntakeVersions />
        </Dialog>
      )}
    </div>
  );
}
