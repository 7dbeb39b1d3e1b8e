import { useId, useState, type FormEvent } from 'react';
import type { InjectatePlan } from '#shared/contract/encounter-records';
import { injectatePlanLines, injectateSteroidCheck, plannedInjectate } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import { procedureTraits } from '#shared/workflow/traits';
import { useEncounter } from '../stores/encounter';
import { useSession } from '../stores/session';
import { useWorkflow } from '../stores/workflow';
import { InjectatePlanForm } from './InjectatePlanForm';
import { formatRecordTime } from './RecordHistory';
import { SteroidCheckNotice } from './SteroidCheckNotice';
import { firstError, useFormSave } from './useFormSave';

/** A physician's signed statement that the planned steroid, which the table does not recognise, is nonparticulate. */
function ConfirmNonparticulate({ plan, onConfirm }: { plan: InjectatePlan; onConfirm: (password: string) => Promise<Record<string, string> | null> }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const { errors, busy, check, save } = useFormSave();
  const error = firstError(errors, 'Not confirmed.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return void check({ password: 'Enter your password to sign the confirmation.' });
    await save(() => onConfirm(password));
    setPassword('');
  }
  return (
    <form className="record-form subform" aria-label="Confirm the steroid is nonparticulate" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        I have checked the vial: <strong>{plan.steroid?.name}</strong> is a nonparticulate steroid. Your name, the time and this statement are recorded.
      </p>
      <div className="row">
        <div className="field">
          <label>
            Your password (signs the confirmation)
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)}
              aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} />
          </label>
          {error && <p id={`${id}-error`} role="alert" className="error field-error">{error}</p>}
        </div>
        <button type="submit" className="primary" disabled={busy}>Confirm nonparticulate (signed)</button>
      </div>
    </form>
  );
}

/**
 * The planned injectate of the open encounter: what stands now (who recorded it and when),
 * its steroid check, the physician's confirmation where one is needed, and the form to
 * record it or, once recorded, to correct it (a correction is a new record).
 */
export function InjectatePlanSection({ template, disabled }: { template: Template; disabled: boolean }) {
  const records = useEncounter((s) => s.detail!.records);
  const timeZone = useEncounter((s) => s.settings?.timeZone);
  const addRecord = useWorkflow((s) => s.addRecord);
  const role = useSession((s) => s.user?.role);
  const headingId = useId();
  const traits = procedureTraits(template);
  const standing = plannedInjectate(records);
  const check = injectateSteroidCheck(template, records);
  const save = (plan: InjectatePlan, password?: string) => addRecord({ kind: 'injectate-plan', data: plan }, password);

  return (
    <section className="card injectate" aria-labelledby={headingId}>
      <h2 id={headingId}>Planned injectate</h2>
      {standing ? (
        <>
          <ul className="read-back" aria-label="Planned injectate as recorded">
            {injectatePlanLines(standing.entry.data).map((line) => <li key={line}>{line}</li>)}
          </ul>
          <p className="muted">Recorded by {standing.by.name} ({standing.by.role}), {formatRecordTime(standing.at, timeZone)}.</p>
          <SteroidCheckNotice check={check} />
          {check.status === 'confirm' && (role === 'physician'
            ? <ConfirmNonparticulate plan={standing.entry.data} onConfirm={(password) => save({ ...standing.entry.data, nonParticulateConfirmed: true }, password)} />
            : <p className="notice">A physician confirms the product at the time-out, signed with their password.</p>)}
          <details className="record-forms">
            <summary>Correct the planned injectate…</summary>
            <InjectatePlanForm key={standing.id} traits={traits} current={standing.entry.data} disabled={disabled} submitLabel="Save the corrected plan" onSubmit={(plan) => save(plan)} />
          </details>
        </>
      ) : (
        <>
          <p className="empty">Not recorded yet. Record it before the time-out: the time-out checks the steroid against the route and reads the plan back.</p>
          <InjectatePlanForm traits={traits} disabled={disabled} onSubmit={(plan) => save(plan)} />
        </>
      )}
    </section>
  );
}

/** The plan read back beside the time-out item "steroid type confirmed". */
export function InjectateReadBack({ template }: { template: Template }) {
  const records = useEncounter((s) => s.detail!.records);
  const standing = plannedInjectate(records);
  if (!standing) return <p className="read-back-missing">No planned injectate is recorded: record it under “Planned injectate” before checking this item.</p>;
  return (
    <div className="read-back-box">
      <p className="read-back-title">Read back:</p>
      <ul className="read-back">
        {injectatePlanLines(standing.entry.data).map((line) => <li key={line}>{line}</li>)}
      </ul>
      <SteroidCheckNotice check={injectateSteroidCheck(template, records)} />
    </div>
  );
}
