/**
 * A physician's override (issue 18): one reason per open blocker, labelled by the blocker,
 * and the password once. The note prints each overridden blocker with its own reason.
 */
import { useState, type FormEvent } from 'react';
import type { Blocker, BlockerOverride } from '#shared/contract/encounter-records';

interface Props {
  /** The open blockers, all of them overridable (the panel offers no override otherwise). */
  blockers: readonly Blocker[];
  nextLabel: string;
  busy: boolean;
  errors: Record<string, string>;
  onSubmit: (overrides: BlockerOverride[], password: string) => void;
  onBack: () => void;
}

export function OverrideForm({ blockers, nextLabel, busy, errors, onSubmit, onBack }: Props) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(blockers.map((b) => ({ blockerId: b.id, reason: reasons[b.id] ?? '' })), password);
  };
  return (
    <form className="subform" aria-label="Physician override" onSubmit={submit}>
      <p>Each override, its reason and the item it lifts are recorded with your name and shown on the note.</p>
      {blockers.map((b, i) => {
        const error = errors[`overrides.${i}.reason`] ?? errors[`blockers.${b.id}`];
        return (
          <label key={b.id}>
            <span>Reason for overriding: {b.hardStop ? <strong>{b.label}</strong> : b.label}</span>
            <textarea autoFocus={i === 0} rows={2} value={reasons[b.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [b.id]: e.target.value })} aria-invalid={!!error} />
            {error && <span className="error">{error}</span>}
          </label>
        );
      })}
      <label>
        Your password (signs {blockers.length === 1 ? 'the override' : `all ${blockers.length} overrides`})
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>Override and move to {nextLabel}</button>
        <button type="button" className="secondary" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
