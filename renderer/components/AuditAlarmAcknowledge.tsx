import { useState, type FormEvent } from 'react';
import { useAudit } from '../stores/audit';
import { useFormSave } from './useFormSave';

/** The administrator accepts an audit trail alarm, with a reason and the password; both the break and this are recorded. */
export function AuditAlarmAcknowledge() {
  const acknowledge = useAudit((s) => s.acknowledge);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const { errors, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = await run(() => acknowledge(reason, password));
    setPassword('');
    if (!refused) setReason('');
  }

  return (
    <form className="card" aria-label="Acknowledge the audit trail alarm" onSubmit={(e) => void submit(e)}>
      <h2>Acknowledge the alarm</h2>
      <p>
        Find out first what happened (a backup copied back by hand, a repaired disk, someone at the files). Acknowledging records
        your name and reason in the trail and seals it again from here; the break itself stays recorded.
      </p>
      <label>
        What was found and what was done
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} aria-invalid={!!errors.reason} />
        {errors.reason && <span className="error">{errors.reason}</span>}
      </label>
      <label>
        Your password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" aria-invalid={!!errors.password} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      <button type="submit" className="primary">Acknowledge and seal again</button>
    </form>
  );
}
